// The weekly report as a self-contained, script-free HTML page for printToPDF, in the user's
// language (the "printable" namespace of main/i18n) and locale. Its only style is allowed by hash
// in its CSP, so the page needs neither 'unsafe-inline' nor any script.
import { createHash } from 'node:crypto';
import type { WeeklyReportDto } from '../../preload/contract.ts';
import { terseUnits, translator, type Language } from '../i18n/index.ts';
import { dateRange, weekdayName } from '../i18n/time.ts';

const STYLE = `body{font:11pt system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#262a2e;margin:24px}
h1{font-size:18pt;font-weight:600;margin:0 0 4px}h2{font-size:12pt;margin:20px 0 8px}p.muted{color:#5b6168;margin:0 0 16px}
table{border-collapse:collapse;width:100%}td,th{padding:4px 8px;border-bottom:1px solid #e2e3e0;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}table.heat td{padding:0;width:3.6%;height:14px;border:1px solid #fff}
.l0{background:#f1f2ef}.l1{background:#d5e3e4}.l2{background:#a9c6c9}.l3{background:#79a5aa}.l4{background:#4a7f86}`;

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (n: number | null, unit = ''): string => (n === null ? '—' : `${Math.round(n * 10) / 10}${unit}`);
const change = (n: number | null | undefined): string => (n === null || n === undefined ? '' : `${n > 0 ? '+' : ''}${Math.round(n * 10) / 10}`);
const rows = (pairs: readonly (readonly [string, string, string?])[]): string =>
  pairs.map(([label, value, delta]) => `<tr><th>${escape(label)}</th><td class="n">${escape(value)}</td><td class="n">${escape(delta ?? '')}</td></tr>`).join('');

export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src data:; base-uri 'none'; form-action 'none'`;

/** The language of the words and the locale of dates and day names. */
export interface ReportWords {
  language: Language;
  locale: string;
}

const SUMMARY = ['plannedHours', 'keptHours', 'blocksCompleted', 'blocksEndedEarly', 'held', 'resolved', 'delivered', 'breakthrough', 'moments', 'refocusMinutesSaved', 'medianHoldMinutes', 'longestHoldMinutes'] as const;

export function reportDocument(report: WeeklyReportDto, words: ReportWords = { language: 'en', locale: 'en' }): string {
  const t = translator(words.language, 'printable');
  const ruleName = translator(words.language, 'windows');
  const units = terseUnits(words.language);
  const unit = (key: (typeof SUMMARY)[number]): string => (key.endsWith('Hours') ? ` ${units.hour}` : key.endsWith('Minutes') || key === 'refocusMinutesSaved' ? ` ${units.minute}` : '');
  const summary = rows(SUMMARY.map((key) => [t(`metric.${key}`), num(report[key], unit(key)), change(report.change[key])] as const));
  // Each rule's breakthroughs with their "was it urgent?" verdicts.
  const verdictHead = `<tr>${(['rule', 'count', 'urgent', 'notUrgent', 'unjudged'] as const).map((k) => `<th>${escape(t(`verdicts.${k}`))}</th>`).join('')}</tr>`;
  const rules =
    verdictHead +
    report.breakthroughs.map((v) => `<tr><th>${escape(ruleName(`rule.${v.rule}`))}</th>${[v.count, v.urgent, v.notUrgent, v.unjudged].map((n) => `<td class="n">${num(n)}</td>`).join('')}</tr>`).join('');
  const top = (list: readonly { name: string; count: number }[]): string => (list.length ? rows(list.map((e) => [e.name, num(e.count)] as const)) : `<tr><td>${escape(t('none'))}</td></tr>`);
  const peak = Math.max(1, ...report.heatmap.flat());
  const heat = report.heatmap
    .map((hours, d) => `<tr><th>${escape(weekdayName(d + 1, words.locale, 'short'))}</th>${hours.map((n) => `<td class="l${n === 0 ? 0 : Math.min(4, 1 + Math.floor((n / peak) * 3.99))}" title="${n}"></td>`).join('')}</tr>`)
    .join('');
  const dates = dateRange(report.days[0]?.date ?? report.from.slice(0, 10), report.days[6]?.date ?? report.to.slice(0, 10), words.locale);
  const how = translator(words.language, 'estimate')('howWeCount', { minutes: report.refocusEstimate.minutesPerMoment, gap: report.refocusEstimate.momentGapMinutes });
  return `<!doctype html><html lang="${words.language}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<title>${escape(t('title', { week: report.week }))}</title><style>${STYLE}</style></head><body>
<h1>${escape(t('heading', { week: report.week }))}</h1>
<p class="muted">${escape(t('range', { dates, zone: report.timeZone, previous: report.previous.week }))}</p>
<table>${summary}</table>
<p class="muted">${escape(how)}</p>
<h2>${escape(t('rules'))}</h2><table>${rules}</table>
<h2>${escape(t('sources'))}</h2><table>${top(report.topSources)}</table>
<h2>${escape(t('senders'))}</h2><table>${top(report.topSenders)}</table>
<h2>${escape(t('heat'))}</h2><table class="heat">${heat}</table>
</body></html>`;
}
