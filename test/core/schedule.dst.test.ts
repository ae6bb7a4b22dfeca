import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchBoundaries, nextBatchAfter, nextBatches, occurrences } from '../../main/core/schedule.ts';
import { harness } from '../support/engineHarness.ts';

const DAY = 86_400_000;
const all = [1, 2, 3, 4, 5, 6, 7];
const local = (t: number, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(t);

// Each zone's 2026 transitions: the local day the clocks spring forward and the day they fall back.
const zones = [
  { tz: 'America/New_York', spring: '2026-03-08', gap: '02:30', fall: '2026-11-01', repeated: '01:30' },
  { tz: 'Europe/Stockholm', spring: '2026-03-29', gap: '02:30', fall: '2026-10-25', repeated: '02:30' },
  { tz: 'Australia/Sydney', spring: '2026-10-04', gap: '02:30', fall: '2026-04-05', repeated: '02:30' },
];

/** Local midnight of a date in a zone (midnight exists in all three zones on these days). */
function midnight(date: string, tz: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`);
  for (let off = -14; off <= 14; off += 0.5) {
    const t = guess - off * 3_600_000;
    if (local(t, tz) === `${date} 00:00`) return t;
  }
  throw new Error('no midnight');
}

describe.each(zones)('daylight saving in $tz', ({ tz, spring, gap, fall, repeated }) => {
  it('a batch time inside the missing hour fires once, an hour later on the wall clock', () => {
    const from = midnight(spring, tz);
    const found = batchBoundaries({ batchTimes: [gap, '09:00'], batchWeekdays: all, timeZone: tz }, from, from + DAY);
    expect(found.map((t) => local(t, tz))).toEqual([`${spring} 03:30`, `${spring} 09:00`]);
  });

  it('a batch time inside the repeated hour fires once, at its first occurrence', () => {
    const from = midnight(fall, tz);
    const found = batchBoundaries({ batchTimes: [repeated], batchWeekdays: all, timeZone: tz }, from, from + DAY + 3_600_000);
    expect(found).toHaveLength(1);
    const t = found[0] ?? 0;
    expect(local(t, tz)).toBe(`${fall} ${repeated}`);
    expect(local(t - 3_600_000, tz)).not.toBe(`${fall} ${repeated}`); // the first pass, not the second
  });

  it('a block across the change lasts the real time between its wall-clock ends', () => {
    const rule = [{ weekdays: all, start: '01:00', end: '04:00' }];
    const [s] = occurrences(rule, tz, midnight(spring, tz), midnight(spring, tz) + DAY);
    const [f] = occurrences(rule, tz, midnight(fall, tz), midnight(fall, tz) + DAY);
    expect(((s?.end ?? 0) - (s?.start ?? 0)) / 3_600_000).toBe(2);
    expect(((f?.end ?? 0) - (f?.start ?? 0)) / 3_600_000).toBe(4);
  });

  it('the engine holds through the missing hour and releases once at 03:30', async () => {
    const from = midnight(spring, tz);
    const h = harness(new Date(from + 3_600_000).toISOString(), { timeZone: tz, batchTimes: [gap], batchWeekdays: all });
    h.engine.startFocus({ minutes: 240 });
    await h.post('night page');
    h.clock.advance(4 * 3_600_000);
    const reasons = h.batches().map((b) => [b.batch.reason, local(b.batch.at, tz)]);
    expect(reasons[0]).toEqual(['schedule', `${spring} 03:30`]);
    expect(reasons).toHaveLength(1);
  });

  it('property: every day has each batch time exactly once, in order, on the right weekdays', () => {
    const s = { batchTimes: ['00:30', '01:30', '02:30', '09:00', '23:59'], batchWeekdays: [1, 3, 5, 7], timeZone: tz };
    const year = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * DAY }), fc.integer({ min: 1, max: 10 * DAY }), (offset, span) => {
        const from = year + offset;
        const found = batchBoundaries(s, from, from + span);
        for (let i = 1; i < found.length; i++) expect(found[i]).toBeGreaterThan(found[i - 1] ?? 0);
        const perDay = new Map<string, number>();
        for (const t of found) {
          expect(t).toBeGreaterThan(from);
          expect(t).toBeLessThanOrEqual(from + span);
          const day = local(t, tz).slice(0, 10);
          perDay.set(day, (perDay.get(day) ?? 0) + 1);
          const weekday = new Date(`${day}T12:00:00Z`).getUTCDay() || 7;
          expect(s.batchWeekdays).toContain(weekday);
        }
        for (const n of perDay.values()) expect(n).toBeLessThanOrEqual(s.batchTimes.length);
        expect(nextBatchAfter(s, from)).toBe(batchBoundaries(s, from, from + 8 * DAY)[0]);
      }),
      { numRuns: 200 },
    );
  });

  it('property: split intervals lose and repeat no boundary (a tick at any moment)', () => {
    const s = { batchTimes: ['01:30', '02:30', '03:00', '12:00'], batchWeekdays: all, timeZone: tz };
    const year = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 360 * DAY }), fc.array(fc.integer({ min: 1, max: DAY }), { minLength: 1, maxLength: 8 }), (offset, steps) => {
        const from = year + offset;
        const whole = batchBoundaries(s, from, from + steps.reduce((a, b) => a + b, 0));
        const pieces: number[] = [];
        let t = from;
        for (const step of steps) pieces.push(...batchBoundaries(s, t, (t += step)));
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});

it('gives the next 1,000 batch boundaries across DST changes in order', () => {
  const s = { batchTimes: ['09:00', '12:00', '15:00', '18:00'], batchWeekdays: [1, 2, 3, 4, 5], timeZone: 'Europe/Stockholm' };
  const list = nextBatches(s, Date.parse('2026-01-01T00:00:00Z'), 1000);
  expect(list).toHaveLength(1000);
  expect(new Set(list.map((t) => local(t, s.timeZone).slice(11)))).toEqual(new Set(s.batchTimes));
});
