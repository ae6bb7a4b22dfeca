// First run: choose a role (it only pre-fills the settings), then the week it plans, how holding
// works with those settings, and when holding starts: now or from the next planned block. Until
// that choice no scheduled block starts (PRODUCT.md §2).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../main/core/settings.ts';
import { wallTime, weekdayName } from '../format/time.ts';
import { useLocale } from '../components/Locale.tsx';
import { useDashboard, useDashboardShallow } from '../store/context.tsx';
import { ScheduleChoice } from './ScheduleChoice.tsx';
import { WeekGrid } from './today/WeekGrid.tsx';

export function FirstRun() {
  const step = useDashboard((s) => s.firstRun);
  return step === 'week' ? <Week /> : <ChooseRole />;
}

function ChooseRole() {
  const { t } = useTranslation();
  const { chooseRole, setFirstRun } = useDashboardShallow((s) => ({ chooseRole: s.chooseRole, setFirstRun: s.setFirstRun }));
  const [role, setRole] = useState<Role>('maker');
  const [busy, setBusy] = useState(false);
  return (
    <main className="first-run">
      <h1>{t('firstRun.title')}</h1>
      <p>{t('firstRun.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void chooseRole(role).then((ok) => {
            setBusy(false);
            if (ok) setFirstRun('week');
          });
        }}
      >
        <fieldset className="roles">
          <legend>{t('firstRun.roleLegend')}</legend>
          {roles.map((r) => (
            <label key={r} className={`role${role === r ? ' chosen' : ''}`}>
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              <span className="role-name">{t(`role.${r}.name`)}</span>
              <span className="role-what">{t(`role.${r}.what`)}</span>
            </label>
          ))}
        </fieldset>
        <p className="hint">{t('firstRun.editable')}</p>
        <button type="submit" className="primary" disabled={busy}>
          {t('firstRun.continue')}
        </button>
      </form>
    </main>
  );
}

function Week() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const settings = useDashboard((s) => s.settings);
  const setFirstRun = useDashboard((s) => s.setFirstRun);
  if (!settings) return null;
  const list = (items: string[]): string => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  const blocks = settings.schedule.map((r) => t('firstRun.blockRule', { days: list(r.weekdays.map((d) => weekdayName(d, locale))), from: wallTime(r.start, locale), to: wallTime(r.end, locale) }));
  return (
    <main className="first-run first-run-week">
      <h1>{t('consent.title')}</h1>
      <p>{t('consent.intro')}</p>
      <p>{t('consent.weekIntro')}</p>
      <WeekGrid />
      <section aria-labelledby="how-title">
        <h2 id="how-title">{t('firstRun.howTitle')}</h2>
        <ol className="how-steps">
          <li>{t('firstRun.how1', { blocks: list(blocks) })}</li>
          <li>{t('firstRun.how2', { times: list(settings.batchTimes.map((x) => wallTime(x, locale))), hours: settings.maxHoldMinutes / 60 })}</li>
          <li>{t('firstRun.how3')}</li>
          <li>{t('firstRun.how4')}</li>
        </ol>
      </section>
      <ScheduleChoice onChosen={() => setFirstRun(null)} />
    </main>
  );
}
