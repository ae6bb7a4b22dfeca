// The weekly report as CSV, in long form (one number per row) so a spreadsheet can pivot it.
// The CLI, the API and the dashboard's export all use this one function.
import type { WeeklyReport, WeekSummary } from './report.ts';
import { DISPOSITIONS } from './vocabulary.ts';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function weeklyReportCsv(
  report: Pick<WeeklyReport, keyof WeekSummary | 'week' | 'previous' | 'days' | 'breakthroughsByRule' | 'breakthroughs' | 'topSources' | 'topSenders' | 'heatmap'>,
): string {
  const rows: (string | number | null)[][] = [['section', 'item', 'metric', 'value']];
  const summaryKeys = Object.keys(report.previous).filter((k) => k !== 'week') as (keyof WeekSummary)[];
  for (const key of summaryKeys) rows.push(['week', report.week, key, report[key]]);
  for (const key of summaryKeys) rows.push(['week', report.previous.week, key, report.previous[key]]);
  for (const day of report.days) {
    for (const metric of ['plannedHours', 'keptHours', ...DISPOSITIONS] as const) rows.push(['day', day.date, metric, day[metric]]);
  }
  for (const [rule, count] of Object.entries(report.breakthroughsByRule)) rows.push(['breakthrough-rule', rule, 'items', count]);
  // "Was it urgent?": each rule's verdicts beside its count, in the same section.
  for (const v of report.breakthroughs) for (const metric of ['urgent', 'notUrgent', 'unjudged'] as const) rows.push(['breakthrough-rule', v.rule, metric, v[metric]]);
  for (const s of report.topSources) rows.push(['source', s.name, 'arrivals', s.count]);
  for (const s of report.topSenders) rows.push(['sender', s.name, 'arrivals', s.count]);
  report.heatmap.forEach((hours, d) => hours.forEach((count, h) => rows.push(['arrivals-by-hour', `${DAYS[d]} ${String(h).padStart(2, '0')}`, 'arrivals', count])));
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
