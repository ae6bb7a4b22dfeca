// Human output of the CLI: times as people think of them ("until 11:30", "next batch at
// 12:00 (in 40 min)"), in the terminal's locale and 12/24-hour habit.
import { isTroubled, type StatusDto, type WeeklyReportDto } from '../../preload/contract.ts';

const locale = (): string | undefined => process.env.LC_ALL || process.env.LC_TIME || process.env.LANG?.split('.')[0]?.replace('_', '-') || undefined;

function clock(iso: string): string {
  try {
    return new Intl.DateTimeFormat(locale(), { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
  }
}

export function inMinutes(iso: string, now: number): string {
  const minutes = Math.max(0, Math.round((Date.parse(iso) - now) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function formatStatus(s: StatusDto, now = Date.now()): string {
  const next = s.nextBatchAt ? `next batch at ${clock(s.nextBatchAt)} (in ${inMinutes(s.nextBatchAt, now)})` : 'no batch times set';
  const until = s.block ? ` until ${clock(s.block.endsAt)}` : '';
  const line = s.state === 'idle' ? `Idle: notifications pass straight through. ${next}.` : `Focusing${until}. ${s.held} held; ${next}.`;
  // A source that cannot do its work says why, one line each.
  const troubles = s.sources.filter(isTroubled).map((x) => `  ${x.name}: ${x.detail ?? x.state}`);
  return [line, ...troubles].join('\n');
}

export function formatReport(r: WeeklyReportDto): string {
  const sign = (n: number | null | undefined): string => (n === null || n === undefined ? '' : n > 0 ? ` (+${n})` : n < 0 ? ` (${n})` : ' (±0)');
  const lines = [
    `Week ${r.week} (change against ${r.previous.week} in brackets)`,
    `  focus hours kept / planned   ${r.keptHours} / ${r.plannedHours}${sign(r.change.keptHours)}`,
    `  blocks completed, ended early ${r.blocksCompleted}, ${r.blocksEndedEarly}`,
    `  items held                   ${r.held}${sign(r.change.held)}`,
    `  interruption moments avoided ${r.moments}${sign(r.change.moments)}`,
    `  refocus time saved (est.)    ${r.refocusMinutesSaved} min${sign(r.change.refocusMinutesSaved)}`,
    `  median / longest hold        ${r.medianHoldMinutes ?? '–'} / ${r.longestHoldMinutes ?? '–'} min`,
    `  breakthroughs by rule        ${Object.entries(r.breakthroughsByRule).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `  top sources                  ${r.topSources.map((s) => `${s.name} ${s.count}`).join(', ') || '–'}`,
    `How we count: ${r.refocusEstimate.howWeCount}`,
  ];
  return lines.join('\n');
}
