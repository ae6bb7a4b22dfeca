// Time as people think of it (PRODUCT.md §8): "until 11:30", "in 40 min", day names, in the
// user's locale (and its 12/24-hour habit) and the time zone of their settings.
const MINUTE = 60_000;

export interface TimeContext {
  locale: string;
  timeZone: string;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(ctx: TimeContext, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${ctx.locale}|${ctx.timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(ctx.locale, { ...options, timeZone: ctx.timeZone });
    cache.set(key, f);
  }
  return f;
}

const twelveHour = new Map<string, boolean>();
/** Whether the locale writes 9:30 AM (12-hour) rather than 09:30. */
function usesTwelveHour(locale: string): boolean {
  let h12 = twelveHour.get(locale);
  if (h12 === undefined) {
    h12 = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hour12 ?? false;
    twelveHour.set(locale, h12);
  }
  return h12;
}

/** 09:30 where the locale counts 24 hours, 9:30 AM where it counts 12. */
export function clockTime(at: string | number, ctx: TimeContext): string {
  const hour = usesTwelveHour(ctx.locale) ? 'numeric' : '2-digit';
  return formatter(ctx, { hour, minute: '2-digit' }).format(typeof at === 'number' ? at : Date.parse(at));
}

/** "in 40 min", "in 3 hr", "5 min ago": minutes up to 90, hours beyond. */
export function relativeTime(at: string | number, now: number, locale: string): string {
  const minutes = Math.round(((typeof at === 'number' ? at : Date.parse(at)) - now) / MINUTE);
  const rtf = new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'auto' });
  return Math.abs(minutes) <= 90 ? rtf.format(minutes, 'minute') : rtf.format(Math.round(minutes / 60), 'hour');
}

/** A length of time: "1 h 9 min", "45 min". */
export function duration(minutes: number, locale: string): string {
  const whole = Math.round(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  const unit = (value: number, u: 'hour' | 'minute'): string => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (h === 0) return unit(m, 'minute');
  return m === 0 ? unit(h, 'hour') : `${unit(h, 'hour')} ${unit(m, 'minute')}`;
}

/** "Mon 23" for a local date (YYYY-MM-DD); formatted at noon UTC so no zone shifts the day. */
export function dayLabel(date: string, locale: string, weekday: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(locale, { weekday, day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${date}T12:00:00Z`));
}

/** "23 Nov – 29 Nov 2026" for the dates of a week. */
export function dateRange(from: string, to: string, locale: string): string {
  const f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return f.formatRange(Date.parse(`${from}T12:00:00Z`), Date.parse(`${to}T12:00:00Z`));
}

/** The wall-clock date and minutes since midnight of an ISO time with offset, as its offset says. */
export function wallClock(iso: string): { date: string; minutes: number } {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return { date: '', minutes: 0 };
  return { date: m[1] ?? '', minutes: Number(m[2]) * 60 + Number(m[3]) };
}

/** The local date (YYYY-MM-DD) and minutes since midnight of an instant in a time zone. */
export function zonedWallClock(t: number, timeZone: string): { date: string; minutes: number } {
  const parts = formatter({ locale: 'en-CA', timeZone }, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(t);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const DAY = 86_400_000;

/** Monday (UTC ms) of an ISO week such as 2026-W47. */
function mondayOf(week: string): number {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - jan4Weekday * DAY + (Number(m[2]) - 1) * 7 * DAY;
}

/** The ISO week of a UTC date. */
export function isoWeekOfDate(utc: number): string {
  const d = new Date(utc);
  const weekday = (d.getUTCDay() + 6) % 7;
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - weekday + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week `delta` weeks after `week` (negative: before). */
export function shiftWeek(week: string, delta: number): string {
  return isoWeekOfDate(mondayOf(week) + delta * 7 * DAY);
}

/** The week number alone, "47", for "Week 47". */
export const weekNumber = (week: string): number => Number(week.slice(-2));

/** Monday… for ISO weekday 1–7 (2024-01-01 was a Monday). */
export function weekdayName(isoWeekday: number, locale: string, width: 'short' | 'long' = 'long'): string {
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2024, 0, isoWeekday));
}

/** A wall-clock "HH:MM" from the settings, written the locale's way (09:00 or 9:00 AM). */
export function wallTime(hhmm: string, locale: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return clockTime(Date.UTC(2000, 0, 1, h, m), { locale, timeZone: 'UTC' });
}
