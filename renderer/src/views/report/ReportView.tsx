// The weekly interruption report (PRODUCT.md §1.4): charts with their numbers beside them, the
// change against the previous week, breakthroughs with their verdicts and the changes they
// suggest (Breakthroughs.tsx), week navigation, CSV export and print/PDF.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeeklyReportDto } from '../../../../preload/contract.ts';
import { dateRange, dayLabel, duration, shiftWeek, weekNumber } from '../../format/time.ts';
import { useLocale } from '../../components/Locale.tsx';
import { useDashboardShallow } from '../../store/context.tsx';
import { SUMMARY_KEYS, type SummaryKey } from '../../store/slices/report/selectors.ts';
import { Breakthroughs } from './Breakthroughs.tsx';
import { ArrivalsHeatMap, DispositionChart, FocusHoursChart, TopBars } from './charts.tsx';
import { downloadText } from './download.ts';

const HOURS: readonly SummaryKey[] = ['plannedHours', 'keptHours'];
const MINUTES: readonly SummaryKey[] = ['refocusMinutesSaved', 'medianHoldMinutes', 'longestHoldMinutes'];

function useValue() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (key: SummaryKey, v: number | null, signed = false): string => {
    if (v === null) return '—';
    const sign = signed && v > 0 ? '+' : signed && v < 0 ? '−' : '';
    const abs = signed ? Math.abs(v) : v;
    if (HOURS.includes(key)) return `${sign}${t('common.hours', { value: abs.toLocaleString(locale) })}`;
    if (MINUTES.includes(key)) return `${sign}${duration(abs, locale)}`;
    return `${sign}${abs.toLocaleString(locale)}`;
  };
}

function Summary({ report }: { report: WeeklyReportDto }) {
  const { t } = useTranslation();
  const value = useValue();
  return (
    <table className="summary">
      <caption>{t('report.summaryCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.metric')}</th>
          <th scope="col">{t('report.thisWeek')}</th>
          <th scope="col">{t('report.previousWeek', { n: weekNumber(report.previous.week) })}</th>
          <th scope="col">{t('report.change')}</th>
        </tr>
      </thead>
      <tbody>
        {SUMMARY_KEYS.map((key) => (
          <tr key={key} data-metric={key}>
            <th scope="row">
              {t(`report.metricName.${key}`)}
              {key === 'refocusMinutesSaved' ? <span className="estimate"> ({t('report.estimate')})</span> : null}
            </th>
            <td>{value(key, report[key])}</td>
            <td>{value(key, report.previous[key])}</td>
            <td className="change">{report.change[key] === 0 ? t('report.same') : value(key, report.change[key] ?? null, true)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DaysTable({ report, keys, caption }: { report: WeeklyReportDto; keys: readonly ('plannedHours' | 'keptHours' | 'held' | 'delivered' | 'breakthrough')[]; caption: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <table className="numbers-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.day')}</th>
          {keys.map((k) => (
            <th key={k} scope="col">
              <span className={`swatch ${k}`} aria-hidden="true" /> {t(`report.series.${k}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.days.map((d) => (
          <tr key={d.date}>
            <th scope="row">{dayLabel(d.date, locale)}</th>
            {keys.map((k) => (
              <td key={k}>{d[k].toLocaleString(locale)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportView({ week }: { week: string | null }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { report, loading, error } = useDashboardShallow((s) => ({ report: s.report, loading: s.reportLoading, error: s.reportError }));
  const { loadReport, reportCsv, exportPdf } = useDashboardShallow((s) => ({ loadReport: s.loadReport, reportCsv: s.reportCsv, exportPdf: s.exportPdf }));
  useEffect(() => void loadReport(week), [week, loadReport]);

  if (!report) return <div className="page">{error ? <p role="alert">{error}</p> : <p className="loading">{t('common.loading')}</p>}</div>;
  const shown = report.week;
  return (
    <div className="page report" aria-busy={loading}>
      <header className="report-head">
        <h1>
          {t('report.title', { n: weekNumber(shown) })} <span className="range">{dateRange(report.days[0]?.date ?? '', report.days[6]?.date ?? '', locale)}</span>
        </h1>
        <nav className="week-nav" aria-label={t('report.weeks')}>
          <a href={`#/report/${shiftWeek(shown, -1)}`}>{t('report.previous')}</a>
          <a href={`#/report/${shiftWeek(shown, 1)}`}>{t('report.next')}</a>
        </nav>
        <div className="exports">
          <button
            type="button"
            onClick={() => {
              const csv = reportCsv();
              if (csv) downloadText(csv.name, csv.text, 'text/csv');
            }}
          >
            {t('report.exportCsv')}
          </button>
          <button type="button" onClick={() => void exportPdf()}>
            {t('report.exportPdf')}
          </button>
        </div>
      </header>
      {error ? <p role="alert">{error}</p> : null}
      <Summary report={report} />
      <p className="how">{t('estimate:howWeCount', { minutes: report.refocusEstimate.minutesPerMoment, gap: report.refocusEstimate.momentGapMinutes })}</p>
      <div className="charts">
        <figure className="chart">
          <figcaption>{t('report.chart.focus')}</figcaption>
          <FocusHoursChart days={report.days} />
          <DaysTable report={report} keys={['plannedHours', 'keptHours']} caption={t('report.chart.focus')} />
        </figure>
        <figure className="chart">
          <figcaption>{t('report.chart.disposition')}</figcaption>
          <DispositionChart days={report.days} />
          <DaysTable report={report} keys={['held', 'delivered', 'breakthrough']} caption={t('report.chart.disposition')} />
        </figure>
        <figure className="chart wide">
          <figcaption>{t('report.chart.heat')}</figcaption>
          <ArrivalsHeatMap heatmap={report.heatmap} dates={report.days.map((d) => d.date)} />
          <p className="hint">{t('report.chart.heatHint', { count: report.arrivals })}</p>
        </figure>
        <figure className="chart">
          <figcaption>{t('report.chart.sources')}</figcaption>
          {report.topSources.length ? <TopBars entries={report.topSources} label={report.topSources.map((s) => `${s.name} ${s.count}`).join(', ')} /> : <p>{t('report.none')}</p>}
          <h3>{t('report.topSenders')}</h3>
          {report.topSenders.length ? (
            <ol className="top-senders">
              {report.topSenders.map((s) => (
                <li key={s.name}>
                  {s.name}: {s.count.toLocaleString(locale)}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('report.none')}</p>
          )}
        </figure>
      </div>
      <Breakthroughs report={report} />
    </div>
  );
}
