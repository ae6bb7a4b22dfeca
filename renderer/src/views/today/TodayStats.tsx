// Today's numbers: held (and of those, what resolved itself), interruption moments avoided, refocus time saved (an estimate, with how
// it is counted beside it) and the breakthroughs by the rule that let them pass.
import { useTranslation } from 'react-i18next';
import { MOMENT_GAP_MS } from '../../../../main/core/stats.ts';
import { duration } from '../../format/time.ts';
import { useLocale } from '../../components/Locale.tsx';
import { useDashboard, useDashboardShallow } from '../../store/context.tsx';
import { statsSelectors } from '../../store/slices/stats/selectors.ts';

export function TodayStats() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const today = useDashboard(statsSelectors.today);
  const rules = useDashboardShallow(statsSelectors.breakthroughs);
  const refocus = useDashboard((s) => s.settings?.refocusMinutes ?? 23);
  if (!today) return null;
  const n = (v: number): string => v.toLocaleString(locale);
  return (
    <section className="card stats" aria-labelledby="stats-title">
      <h2 id="stats-title">{t('stats.title')}</h2>
      <dl className="numbers">
        <div>
          <dt>{t('stats.held')}</dt>
          <dd>{n(today.held)}</dd>
        </div>
        <div>
          <dt>{t('stats.resolved')}</dt>
          <dd>{n(today.resolved)}</dd>
        </div>
        <div>
          <dt>{t('stats.moments')}</dt>
          <dd>{n(today.moments)}</dd>
        </div>
        <div>
          <dt>{t('stats.refocus')}</dt>
          <dd>{t('stats.estimate', { value: duration(today.refocusMinutesSaved, locale) })}</dd>
        </div>
        <div>
          <dt>{t('stats.delivered')}</dt>
          <dd>{n(today.delivered)}</dd>
        </div>
      </dl>
      <p className="how">{t('estimate:howWeCount', { minutes: refocus, gap: MOMENT_GAP_MS / 60_000 })}</p>
      <h3>{t('stats.breakthroughs', { count: today.breakthrough })}</h3>
      <ul className="rules">
        {rules.map((r) => (
          <li key={r.rule}>
            {t(`rule.${r.rule}`)}: {n(r.count)}
          </li>
        ))}
      </ul>
    </section>
  );
}
