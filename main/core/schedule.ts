// Wall-clock schedules to instants: batch times and weekly focus blocks in an IANA time zone.
// Temporal does the daylight-saving arithmetic. A wall time inside a spring-forward gap is read
// with the offset before the gap (RFC 5545 and Temporal's 'compatible': 02:30 → 03:30); a wall
// time in a repeated fall-back hour happens once, at its first occurrence.
import { Temporal } from 'temporal-polyfill';
import { isoWeekOfDate, mondayOf, shiftWeek } from '../i18n/time.ts';

export interface WeeklyRule {
  weekdays: readonly number[];
  start: string;
  end: string;
}

export interface Occurrence {
  start: number;
  end: number;
}

export interface BatchSchedule {
  batchTimes: readonly string[];
  batchWeekdays: readonly number[];
  timeZone: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const timeCache = new Map<string, Temporal.PlainTime>();

function plainTime(hhmm: string): Temporal.PlainTime {
  let t = timeCache.get(hhmm);
  if (!t) timeCache.set(hhmm, (t = Temporal.PlainTime.from(hhmm)));
  return t;
}

/** The instant a local date and HH:MM name in `timeZone`. */
function instantOf(date: Temporal.PlainDate, hhmm: string, timeZone: string): number {
  return date.toZonedDateTime({ timeZone, plainTime: plainTime(hhmm) }).epochMilliseconds;
}

export function localDateOf(t: number, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(timeZone).toPlainDate();
}

/** YYYY-MM-DD of `t` in `timeZone`. */
export function localDay(t: number, timeZone: string): string {
  return localDateOf(t, timeZone).toString();
}

/** Batch boundaries in the half-open interval (from, to], in order. */
export function batchBoundaries(s: BatchSchedule, from: number, to: number): number[] {
  const out: number[] = [];
  if (to <= from || s.batchTimes.length === 0 || s.batchWeekdays.length === 0) return out;
  // A day either side covers offsets of up to ±26 h between local and UTC dates.
  let date = localDateOf(from, s.timeZone).subtract({ days: 1 });
  const last = localDateOf(to, s.timeZone).add({ days: 1 });
  for (; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    if (!s.batchWeekdays.includes(date.dayOfWeek)) continue;
    for (const hhmm of s.batchTimes) {
      const at = instantOf(date, hhmm, s.timeZone);
      if (at > from && at <= to && out[out.length - 1] !== at) out.push(at);
    }
  }
  return out.sort((a, b) => a - b);
}

/** The first batch boundary strictly after `t`, or null when no batch time is set. */
export function nextBatchAfter(s: BatchSchedule, t: number): number | null {
  for (let from = t; from < t + 15 * DAY; from += 7 * DAY) {
    const found = batchBoundaries(s, from, from + 7 * DAY);
    if (found.length > 0) return found[0] ?? null;
  }
  return null;
}

/** The next `count` boundaries after `t` (bench and the week grid use it). */
export function nextBatches(s: BatchSchedule, t: number, count: number): number[] {
  const out: number[] = [];
  let from = t;
  while (out.length < count) {
    const found = batchBoundaries(s, from, from + 7 * DAY);
    if (found.length === 0) return out;
    out.push(...found.slice(0, count - out.length));
    from = found[found.length - 1] ?? from + 7 * DAY;
  }
  return out;
}

/** Occurrences of weekly rules that overlap [from, to); an end before the start crosses midnight. */
export function occurrences(rules: readonly WeeklyRule[], timeZone: string, from: number, to: number): Occurrence[] {
  const out: Occurrence[] = [];
  if (rules.length === 0 || to <= from) return out;
  let date = localDateOf(from, timeZone).subtract({ days: 2 });
  const last = localDateOf(to, timeZone).add({ days: 1 });
  for (; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    for (const rule of rules) {
      if (!rule.weekdays.includes(date.dayOfWeek)) continue;
      const start = instantOf(date, rule.start, timeZone);
      const endDate = rule.end > rule.start ? date : date.add({ days: 1 });
      const end = instantOf(endDate, rule.end, timeZone);
      if (end > from && start < to && end > start) out.push({ start, end });
    }
  }
  return mergeOverlapping(out);
}

function mergeOverlapping(list: Occurrence[]): Occurrence[] {
  list.sort((a, b) => a.start - b.start);
  const out: Occurrence[] = [];
  for (const o of list) {
    const prev = out[out.length - 1];
    if (prev && o.start <= prev.end) prev.end = Math.max(prev.end, o.end);
    else out.push({ ...o });
  }
  return out;
}

/** The occurrence running at `t`, if any. */
export function occurrenceAt(rules: readonly WeeklyRule[], timeZone: string, t: number): Occurrence | null {
  return occurrences(rules, timeZone, t, t + 1).find((o) => o.start <= t && t < o.end) ?? null;
}

/** The first occurrence starting after `t` within two weeks, if any. */
export function nextOccurrenceAfter(rules: readonly WeeklyRule[], timeZone: string, t: number): Occurrence | null {
  return occurrences(rules, timeZone, t, t + 14 * DAY).find((o) => o.start > t) ?? null;
}

/** ISO week label of `t` in `timeZone`: 2026-W47. */
export function isoWeekOf(t: number, timeZone: string): string {
  return isoWeekOfDate(localDateOf(t, timeZone));
}

const WEEK_RE = /^(\d{4})-W(\d{2})$/;

export function isIsoWeek(week: string): boolean {
  const m = WEEK_RE.exec(week);
  if (!m) return false;
  const n = Number(m[2]);
  return n >= 1 && n <= weeksInYear(Number(m[1]));
}

function weeksInYear(year: number): number {
  return Temporal.PlainDate.from({ year, month: 12, day: 28 }).weekOfYear ?? 52;
}

/** Local midnight of each day of an ISO week (8 instants: Monday … next Monday). */
export function isoWeekDays(week: string, timeZone: string): { dates: string[]; bounds: number[] } {
  if (!isIsoWeek(week)) throw new RangeError(`not an ISO week: ${week}`);
  const monday = mondayOf(week);
  const dates: string[] = [];
  const bounds: number[] = [];
  for (let i = 0; i <= 7; i++) {
    const d = monday.add({ days: i });
    if (i < 7) dates.push(d.toString());
    bounds.push(d.toZonedDateTime({ timeZone }).epochMilliseconds);
  }
  return { dates, bounds };
}

export function previousIsoWeek(week: string): string {
  if (!isIsoWeek(week)) throw new RangeError(`not an ISO week: ${week}`);
  return shiftWeek(week, -1);
}
