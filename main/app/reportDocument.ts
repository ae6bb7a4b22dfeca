// The weekly report as a self-contained, script-free HTML page for printToPDF. Its only style
// is allowed by hash in its CSP, so the page needs neither 'unsafe-inline' nor any script.
import { createHash } from 'node:crypto';
import type { WeeklyReportDto } from '../../preload/contract.ts';

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

export function reportDocument(report: WeeklyReportDto): string {
  const c = report.change;
  const summary = rows([
    ['Focus hours planned', num(report.plannedHours, ' h'), change(c.plannedHours)],
    ['Focus hours kept', num(report.keptHours, ' h'), change(c.keptHours)],
    ['Blocks completed', num(report.blocksCompleted), change(c.blocksCompleted)],
    ['Blocks ended early', num(report.blocksEndedEarly), change(c.blocksEndedEarly)],
    ['Items held', num(report.held), change(c.held)],
    ['Passed straight through', num(report.delivered), change(c.delivered)],
    ['Breakthroughs', num(report.breakthrough), change(c.breakthrough)],
    ['Interruption moments avoided', num(report.moments), change(c.moments)],
    ['Refocus time saved (estimate)', num(report.refocusMinutesSaved, ' min'), change(c.refocusMinutesSaved)],
    ['Median hold', num(report.medianHoldMinutes, ' min'), change(c.medianHoldMinutes)],
    ['Longest hold', num(report.longestHoldMinutes, ' min'), change(c.longestHoldMinutes)],
  ]);
  const rules = rows(Object.entries(report.breakthroughsByRule).map(([rule, n]) => [rule, num(n)] as const));
  const top = (list: readonly { name: string; count: number }[]): string => (list.length ? rows(list.map((e) => [e.name, num(e.count)] as const)) : '<tr><td>none</td></tr>');
  const peak = Math.max(1, ...report.heatmap.flat());
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const heat = report.heatmap
    .map((hours, d) => `<tr><th>${days[d] ?? ''}</th>${hours.map((n) => `<td class="l${n === 0 ? 0 : Math.min(4, 1 + Math.floor((n / peak) * 3.99))}" title="${n}"></td>`).join('')}</tr>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<title>Lull weekly report ${escape(report.week)}</title><style>${STYLE}</style></head><body>
<h1>Weekly interruption report · ${escape(report.week)}</h1>
<p class="muted">${escape(report.from.slice(0, 10))} to ${escape(report.to.slice(0, 10))} (${escape(report.timeZone)}) · change against ${escape(report.previous.week)}</p>
<table>${summary}</table>
<p class="muted">How we count: ${escape(report.refocusEstimate.howWeCount)}</p>
<h2>Breakthroughs by rule</h2><table>${rules}</table>
<h2>Top sources</h2><table>${top(report.topSources)}</table>
<h2>Top senders</h2><table>${top(report.topSenders)}</table>
<h2>Arrivals by day and hour</h2><table class="heat">${heat}</table>
</body></html>`;
}
