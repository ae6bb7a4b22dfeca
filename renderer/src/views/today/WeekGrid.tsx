// The week's schedule as a grid: planned blocks, ad hoc and kept blocks, batch times and a line
// for now. Each day is also a plain list, so a screen reader hears the same schedule.
import { useTranslation } from 'react-i18next';
import { clockTime, dayLabel, wallTime, zonedWallClock } from '../../format/time.ts';
import { useLocale } from '../../components/Locale.tsx';
import { useDashboard, useDashboardShallow } from '../../store/context.tsx';
import { scheduleSelectors, type GridEntry } from '../../store/slices/schedule/selectors.ts';

function Entry({ entry, from, span }: { entry: GridEntry; from: number; span: number }) {
  const { t } = useTranslation();
  const ctx = useLocale();
  const top = `${((entry.start - from) / span) * 100}%`;
  if (entry.kind === 'batch') {
    return (
      <li className="entry batch" style={{ top }}>
        <span>{t('week.batchAt', { time: clockTime(entry.startIso, ctx) })}</span>
      </li>
    );
  }
  const height = `${(Math.max(entry.end - entry.start, 15) / span) * 100}%`;
  return (
    <li className={`entry ${entry.kind}`} style={{ top, height }}>
      {/* Planned blocks are outlines: their times are read out, not printed over the batch lines. */}
      <span className={entry.kind === 'planned' ? 'sr-only' : undefined}>{t(`week.${entry.kind}`, { from: clockTime(entry.startIso, ctx), to: clockTime(entry.endIso, ctx) })}</span>
    </li>
  );
}

export function WeekGrid() {
  const { t } = useTranslation();
  const ctx = useLocale();
  const schedule = useDashboard((s) => s.schedule);
  const days = useDashboard(scheduleSelectors.days);
  const range = useDashboardShallow(scheduleSelectors.hourRange);
  const now = useDashboard((s) => s.now);
  if (!schedule) return null;
  const from = range.from * 60;
  const span = (range.to - range.from) * 60;
  const here = zonedWallClock(now, ctx.timeZone);
  const hours = Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i);

  return (
    <section className="card week" aria-labelledby="week-title">
      <h2 id="week-title">{t('week.title')}</h2>
      <ul className="legend" aria-label={t('week.legend')}>
        <li className="planned">{t('week.legendPlanned')}</li>
        <li className="kept">{t('week.legendKept')}</li>
        <li className="adhoc">{t('week.legendAdhoc')}</li>
        <li className="batch">{t('week.legendBatch')}</li>
      </ul>
      <div className="grid">
        <div className="hours" aria-hidden="true">
          {hours.map((h) => (
            <span key={h} style={{ top: `${((h - range.from) / (range.to - range.from)) * 100}%` }}>
              {wallTime(`${h}:00`, ctx.locale)}
            </span>
          ))}
        </div>
        {schedule.dates.map((date, d) => (
          <section key={date} className={`day${date === here.date ? ' today' : ''}`} aria-label={dayLabel(date, ctx.locale, 'long')}>
            <h3 aria-hidden="true">{dayLabel(date, ctx.locale)}</h3>
            <ul className="lane">
              {(days[d] ?? []).map((entry, i) => (
                <Entry key={i} entry={entry} from={from} span={span} />
              ))}
              {date === here.date && here.minutes >= from && here.minutes <= from + span ? (
                <li className="now" style={{ top: `${((here.minutes - from) / span) * 100}%` }}>
                  <span className="sr-only">{t('week.now', { time: clockTime(now, ctx) })}</span>
                </li>
              ) : null}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
