// Consent before holding (PRODUCT.md §2): says whether a planned block runs now (until when) or
// when the first one starts, and asks "start now" or "from the next planned block". The times
// are main's, so a window on another clock still names the right block.
import { useTranslation } from 'react-i18next';
import { clockTime, dayLabel, wallClock } from '../format/time.ts';
import { useLocale } from '../components/Locale.tsx';
import { useDashboard, useDashboardShallow } from '../store/context.tsx';

export function ScheduleChoice({ onChosen }: { onChosen?: () => void }) {
  const { t } = useTranslation();
  const ctx = useLocale();
  const { consent, choosing, beginSchedule } = useDashboardShallow((s) => ({ consent: s.consent, choosing: s.choosing, beginSchedule: s.beginSchedule }));
  if (!consent) return null;
  const when = (iso: string): string => t('consent.when', { day: dayLabel(wallClock(iso).date, ctx.locale, 'long'), time: clockTime(iso, ctx) });
  const choose = (from: 'now' | 'next'): void => {
    void beginSchedule(from).then((ok) => ok && onChosen?.());
  };
  const { current, next } = consent;
  return (
    <div className="schedule-choice">
      <p>{current ? t('consent.inBlock', { until: clockTime(current.end, ctx) }) : next ? t('consent.notInBlock', { when: when(next.start) }) : t('consent.noBlocks')}</p>
      <div className="choices">
        {current ? (
          <button type="button" className="primary" disabled={choosing} onClick={() => choose('now')}>
            {t('consent.startNow')}
          </button>
        ) : null}
        <button type="button" className={current ? undefined : 'primary'} disabled={choosing} onClick={() => choose('next')}>
          {next ? t('consent.fromNext', { when: when(next.start) }) : t('consent.fromNextPlain')}
        </button>
      </div>
    </div>
  );
}

/** The Today view's calm line while no choice is made: nothing holds by schedule yet. */
export function ScheduleNotOn() {
  const { t } = useTranslation();
  const chosen = useDashboard((s) => s.consent === null || s.consent.from !== null);
  if (chosen) return null;
  return (
    <section className="card schedule-not-on" aria-labelledby="schedule-not-on-title">
      <h2 id="schedule-not-on-title">{t('consent.notOnTitle')}</h2>
      <p>{t('consent.notOn')}</p>
      <h3>{t('consent.choose')}</h3>
      <ScheduleChoice />
    </section>
  );
}
