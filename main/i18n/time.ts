// Time as people think of it (PRODUCT.md §8), one set of formatters for every surface: clock
// times in the user's locale and 12/24-hour habit, lengths of time, "in 40 min", ISO weeks and
// ISO times with offset. Temporal does the calendar and offset arithmetic; Intl writes the words.
import { Temporal } from 'temporal-polyfill';

export interface TimeContext {
  locale: string;
  /** An IANA zone, or an offset such as "+01:00". */
  timeZone: string;
}

type Instant = string | number;
const epoch = (at: Instant): number => (typeof at === 'number' ? at : Date.parse(at));

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(ctx: TimeContext, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${ctx.locale}|${ctx.timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(ctx.locale, { ...options, timeZone: ctx.timeZone });
    formatters.set(key, f);
  }
  return f;
}

const twelveHour = new Map<string, boolean>();
/** Whether the locale writes 9:30 AM (12-hour) rather than 09:30. */
export function usesTwelveHour(locale: string): boolean {
  let h12 = twelveHour.get(locale);
  if (h12 === undefined) {
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    h12 = cycle === 'h11' || cycle === 'h12';
    twelveHour.set(locale, h12);
  }
  return h12;
}

/** 09:30 where the locale counts 24 hours, 9:30 AM where it counts 12. */
export function clockTime(at: Instant, ctx: TimeContext): string {
  const hour = usesTwelveHour(ctx.locale) ? 'numeric' : '2-digit';
  return formatter(ctx, { hour, minute: '2-digit' }).format(epoch(at));
}

/** "23 Nov 2026, 09:30" in the locale's order and 12/24-hour habit: when a token was made or last used. */
export function dateAndTime(at: Instant, ctx: TimeContext): string {
  const hour = usesTwelveHour(ctx.locale) ? 'numeric' : '2-digit';
  return formatter(ctx, { day: 'numeric', month: 'short', year: 'numeric', hour, minute: '2-digit' }).format(epoch(at));
}

/** The offset an ISO time carries ("+01:00"), for showing it at the wall clock it was given in. */
export function offsetOf(iso: string): string {
  const m = /([+-]\d{2}:\d{2}|Z)$/.exec(iso);
  return m?.[1] === undefined || m[1] === 'Z' ? 'UTC' : m[1];
}

/** A wall-clock "HH:MM" from the settings, written the locale's way (09:00 or 9:00 AM). */
export function wallTime(hhmm: string, locale: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return clockTime(Date.UTC(2000, 0, 1, h, m), { locale, timeZone: 'UTC' });
}

/** "in 40 min", "in 3 hr", "5 min ago": minutes up to 90, hours beyond. */
export function relativeTime(at: Instant, now: number, locale: string): string {
  const minutes = Math.round((epoch(at) - now) / 60_000);
  const rtf = new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'auto' });
  return Math.abs(minutes) <= 90 ? rtf.format(minutes, 'minute') : rtf.format(Math.round(minutes / 60), 'hour');
}

/** The words of a length of time: the locale's own unit words by default, or a surface's ("h"). */
export interface DurationUnits {
  hour: string;
  minute: string;
}

/**
 * A length of time: "1 h 9 min", "45 min", "2 h". Without `units` each unit is written by Intl in
 * the locale ("1 hr 9 min", "1 tim 9 min").
 */
export function duration(minutes: number, locale: string, units?: DurationUnits): string {
  const whole = Math.max(0, Math.round(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  const unit = (value: number, u: 'hour' | 'minute'): string =>
    units ? `${value} ${units[u]}` : new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (h === 0) return unit(m, 'minute');
  return m === 0 ? unit(h, 'hour') : `${unit(h, 'hour')} ${unit(m, 'minute')}`;
}

/** Whole minutes from `now` to `at`, rounded up so "0 min" never shows while time is left. */
export const minutesUntil = (at: Instant, now: number): number => Math.max(0, Math.ceil((epoch(at) - now) / 60_000));

/** "Mon 23" for a local date (YYYY-MM-DD). */
export function dayLabel(date: string, locale: string, weekday: 'short' | 'long' = 'short'): string {
  // At noon UTC, so no zone shifts the day.
  return formatter({ locale, timeZone: 'UTC' }, { weekday, day: 'numeric' }).format(Date.parse(`${date}T12:00:00Z`));
}

/** "23 Nov – 29 Nov 2026" for the dates of a week. */
export function dateRange(from: string, to: string, locale: string): string {
  const noon = (d: string): number => Date.parse(`${d}T12:00:00Z`);
  return formatter({ locale, timeZone: 'UTC' }, { day: 'numeric', month: 'short', year: 'numeric' }).formatRange(noon(from), noon(to));
}

/** Monday… for ISO weekday 1–7 (2024-01-01 was a Monday). */
export function weekdayName(isoWeekday: number, locale: string, width: 'short' | 'long' = 'long'): string {
  return formatter({ locale, timeZone: 'UTC' }, { weekday: width }).format(Date.UTC(2024, 0, isoWeekday));
}

/** The wall-clock date and minutes since midnight of an ISO time with offset, as its offset says. */
export function wallClock(iso: string): { date: string; minutes: number } {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return { date: '', minutes: 0 };
  return { date: m[1] ?? '', minutes: Number(m[2]) * 60 + Number(m[3]) };
}

/** The local date (YYYY-MM-DD) and minutes since midnight of an instant in a time zone. */
export function zonedWallClock(t: number, timeZone: string): { date: string; minutes: number } {
  const z = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(timeZone);
  return { date: z.toPlainDate().toString(), minutes: z.hour * 60 + z.minute };
}

// ISO weeks ------------------------------------------------------------------------------------

const WEEK = /^(\d{4})-W(\d{2})$/;

const weekLabel = (d: Temporal.PlainDate): string => `${d.yearOfWeek}-W${String(d.weekOfYear).padStart(2, '0')}`;

/** The Monday of an ISO week such as 2026-W47. */
export function mondayOf(week: string): Temporal.PlainDate {
  const m = WEEK.exec(week);
  if (!m) throw new RangeError(`not an ISO week: ${week}`);
  const jan4 = Temporal.PlainDate.from({ year: Number(m[1]), month: 1, day: 4 });
  return jan4.subtract({ days: jan4.dayOfWeek - 1 }).add({ weeks: Number(m[2]) - 1 });
}

/** The ISO week of a date: a PlainDate or "YYYY-MM-DD", or the UTC date of an epoch time. */
export function isoWeekOfDate(date: Temporal.PlainDate | string | number): string {
  const d = typeof date === 'number' ? Temporal.Instant.fromEpochMilliseconds(date).toZonedDateTimeISO('UTC').toPlainDate() : Temporal.PlainDate.from(date);
  return weekLabel(d);
}

/** The ISO week `delta` weeks after `week` (negative: before). */
export function shiftWeek(week: string, delta: number): string {
  return weekLabel(mondayOf(week).add({ weeks: delta }));
}

/** The week number alone, 47, for "Week 47". */
export const weekNumber = (week: string): number => Number(week.slice(-2));

// ISO times with offset -----------------------------------------------------------------------

const QUARTER = 15 * 60_000;
const offsets = new Map<string, number>();

/** Offset of `timeZone` at `t` in minutes. Offsets change only on quarter hours, so it is cached per quarter. */
export function offsetMinutes(t: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(t / QUARTER)}`;
  let off = offsets.get(key);
  if (off === undefined) {
    // A historical offset with seconds (local mean time) is written to the minute, as Intl does.
    off = Math.trunc(Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(timeZone).offsetNanoseconds / 60e9);
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, off);
  }
  return off;
}

/** "+01:00", "-05:30". */
export function isoOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** 2026-11-23T09:00:00.000+01:00: the instant at the wall clock of `timeZone`, with its offset. */
export function isoTime(t: number, timeZone: string): string {
  const off = offsetMinutes(t, timeZone);
  return `${new Date(t + off * 60_000).toISOString().slice(0, 23)}${isoOffset(off)}`;
}
