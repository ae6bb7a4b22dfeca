// When the review window opens by itself: at block end, also at each batch when `reviewAt` is
// every-batch, never when it is never, and not when nothing waits for review.
import { describe, expect, it } from 'vitest';
import { openReviewOnSchedule } from '../../main/app/review.ts';
import type { Settings } from '../../main/core/settings.ts';
import { harness } from '../support/engineHarness.ts';

function setUp(reviewAt: Settings['reviewAt']) {
  const h = harness('2026-11-23T08:00:00Z', { batchTimes: ['10:00', '11:00'], reviewAt });
  let opened = 0;
  openReviewOnSchedule({
    engine: h.engine,
    reviewAt: () => h.engine.getSettings().reviewAt,
    waiting: () => h.engine.listItems({ status: ['released'], limit: 1 }).items.length > 0,
    open: () => opened++,
  });
  return { ...h, opened: () => opened };
}

describe('review window schedule', () => {
  it('opens at block end when something was released', async () => {
    const t = setUp('block-end');
    t.engine.startFocus({ minutes: 240 });
    await t.post('a');
    t.clock.advanceTo('2026-11-23T09:00:00Z');
    expect(t.batches()).toHaveLength(1);
    expect(t.opened()).toBe(0);
    await t.post('b');
    t.clock.advanceTo('2026-11-23T12:00:00Z');
    expect(t.events.some((e) => e.type === 'block-ended')).toBe(true);
    expect(t.opened()).toBe(1);
  });

  it('opens at each batch when set to every-batch', async () => {
    const t = setUp('every-batch');
    t.engine.startFocus({ minutes: 240 });
    await t.post('a');
    t.clock.advanceTo('2026-11-23T09:00:00Z');
    expect(t.opened()).toBe(1);
    await t.post('b');
    t.clock.advanceTo('2026-11-23T10:00:00Z');
    expect(t.opened()).toBe(2);
  });

  it('stays shut when set to never, and when the block held nothing', async () => {
    const never = setUp('never');
    never.engine.startFocus({ minutes: 30 });
    await never.post('a');
    never.engine.endFocus();
    expect(never.opened()).toBe(0);
    const empty = setUp('block-end');
    empty.engine.startFocus({ minutes: 30 });
    empty.clock.advance(30 * 60_000);
    expect(empty.events.some((e) => e.type === 'block-ended')).toBe(true);
    expect(empty.opened()).toBe(0);
  });
});
