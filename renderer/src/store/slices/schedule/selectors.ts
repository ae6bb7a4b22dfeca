// Named reads of the week grid: entries per day, in local wall-clock minutes.
import type { WeekScheduleDto } from '../../../../../preload/contract.ts';
import { wallClock } from '../../../format/time.ts';
import type { ScheduleState } from './initialState.ts';

export type GridEntry =
  | { kind: 'planned' | 'adhoc' | 'kept'; start: number; end: number; startIso: string; endIso: string }
  | { kind: 'batch'; start: number; startIso: string };

const DAY_MINUTES = 24 * 60;

/** Splits [start, end) at local midnights into per-day spans. */
function spans(dates: readonly string[], startIso: string, endIso: string): { day: number; start: number; end: number }[] {
  const s = wallClock(startIso);
  const e = wallClock(endIso);
  const first = dates.indexOf(s.date);
  const last = dates.indexOf(e.date);
  const out: { day: number; start: number; end: number }[] = [];
  const from = first < 0 ? 0 : first;
  const to = last < 0 ? dates.length - 1 : last;
  if (first < 0 && s.date > (dates[dates.length - 1] ?? '')) return out;
  if (last < 0 && e.date < (dates[0] ?? '')) return out;
  for (let d = from; d <= to; d++) {
    const start = d === first ? s.minutes : 0;
    const end = d === last ? e.minutes : DAY_MINUTES;
    if (end > start) out.push({ day: d, start, end });
  }
  return out;
}

function entriesByDay(schedule: WeekScheduleDto): GridEntry[][] {
  const days: GridEntry[][] = schedule.dates.map(() => []);
  for (const p of schedule.planned) for (const s of spans(schedule.dates, p.start, p.end)) days[s.day]?.push({ kind: 'planned', start: s.start, end: s.end, startIso: p.start, endIso: p.end });
  for (const b of schedule.blocks) {
    const end = b.endedAt ?? b.endsAt;
    for (const s of spans(schedule.dates, b.startedAt, end)) days[s.day]?.push({ kind: b.kind === 'adhoc' ? 'adhoc' : 'kept', start: s.start, end: s.end, startIso: b.startedAt, endIso: end });
  }
  for (const at of schedule.batches) {
    const w = wallClock(at);
    days[schedule.dates.indexOf(w.date)]?.push({ kind: 'batch', start: w.minutes, startIso: at });
  }
  for (const day of days) day.sort((a, b) => a.start - b.start);
  return days;
}

let memo: { schedule: WeekScheduleDto; days: GridEntry[][] } | null = null;

export const scheduleSelectors = {
  /** Entries of each day of the week, memoised on the schedule object. */
  days(s: ScheduleState): GridEntry[][] {
    if (!s.schedule) return [];
    if (memo?.schedule !== s.schedule) memo = { schedule: s.schedule, days: entriesByDay(s.schedule) };
    return memo.days;
  },
  /** The hours the grid shows: the working day, widened to whatever the week holds. */
  hourRange(s: ScheduleState): { from: number; to: number } {
    let from = 8 * 60;
    let to = 18 * 60;
    for (const day of scheduleSelectors.days(s)) {
      for (const e of day) {
        from = Math.min(from, e.start);
        to = Math.max(to, e.kind === 'batch' ? e.start + 30 : e.end);
      }
    }
    return { from: Math.floor(from / 60), to: Math.min(24, Math.ceil(to / 60)) };
  },
};
