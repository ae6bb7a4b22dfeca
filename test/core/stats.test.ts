import { describe, expect, it } from 'vitest';
import { countMoments, dayStats, holdMinutes, median, refocusMinutesSaved } from '../../main/core/stats.ts';
import type { FocusBlock, Item } from '../../main/core/types.ts';

const MIN = 60_000;
const t0 = Date.parse('2026-11-23T09:00:00+01:00');

function item(minute: number, extra: Partial<Item> = {}): Item {
  return {
    id: `i${minute}-${Math.random()}`,
    source: 'slack',
    title: 't',
    receivedAt: t0 + minute * MIN,
    disposition: 'held',
    rule: null,
    status: 'released',
    blockId: 'b1',
    batchId: null,
    releasedAt: null,
    snoozedUntil: null,
    handledAt: null,
    ...extra,
  };
}

const block = (minutes: number, id = 'b1'): FocusBlock => ({
  id,
  kind: 'adhoc',
  startedAt: t0,
  endsAt: t0 + minutes * MIN,
  endedAt: t0 + minutes * MIN,
  endReason: 'completed',
});

describe('statistics', () => {
  it('counts a burst within 2 minutes as one interruption moment', () => {
    expect(countMoments([])).toBe(0);
    expect(countMoments([0, 60_000, 119_000].map((m) => t0 + m))).toBe(1);
    // Chained arrivals each within 2 min of the previous stay one moment; a gap over 2 min starts another.
    expect(countMoments([0, 2, 4, 6.5, 30].map((m) => t0 + m * MIN))).toBe(3);
  });

  it('estimates refocus time saved as moments × refocus cost, capped by the block length', () => {
    const items = [0, 10, 20, 30].map((m) => item(m));
    expect(refocusMinutesSaved(items, [block(180)], 23)).toBe(4 * 23);
    expect(refocusMinutesSaved(items, [block(60)], 23)).toBe(60);
    // Breakthroughs and items outside blocks are not moments avoided.
    expect(refocusMinutesSaved([item(0, { disposition: 'breakthrough', rule: 'vip' })], [block(60)], 23)).toBe(0);
  });

  it('measures holding times and their median', () => {
    const items = [item(0, { releasedAt: t0 + 30 * MIN }), item(10, { releasedAt: t0 + 30 * MIN }), item(20, { handledAt: t0 + 25 * MIN })];
    expect(holdMinutes(items)).toEqual([30, 20, 5]);
    expect(median([30, 20, 5])).toBe(20);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('sums a day: held, delivered, breakthroughs by rule', () => {
    const items = [item(0), item(1), item(50, { disposition: 'breakthrough', rule: 'keyword' }), item(60, { disposition: 'delivered', blockId: null })];
    expect(dayStats(items, [block(180)], 23)).toMatchObject({ held: 2, delivered: 1, breakthrough: 1, moments: 1, refocusMinutesSaved: 23, breakthroughsByRule: { keyword: 1, urgent: 0 } });
  });
});
