// The engine's parts on their own, with plain objects for what they call (no engine, no clock).
import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../main/core/batcher.ts';
import { createRetention, DAY } from '../../main/core/retention.ts';
import { settingsSchema } from '../../main/core/settings.ts';
import type { Batch, Item } from '../../main/core/types.ts';

const MINUTE = 60_000;
// 2026-11-28 is a Saturday: no batch times, so only the maximum hold and snoozes are owed.
const SAT = Date.parse('2026-11-28T08:00:00+01:00');
const MON_1130 = Date.parse('2026-11-23T11:30:00+01:00');
const settings = settingsSchema.parse({ timeZone: 'Europe/Stockholm', schedule: [], maxHoldMinutes: 60 });
const held = (id: string, receivedAt: number, extra: Partial<Item> = {}): Item => ({
  id, source: 's', title: id, receivedAt, disposition: 'held', rule: null, status: 'held',
  blockId: 'b', batchId: null, releasedAt: null, snoozedUntil: null, handledAt: null, ...extra,
});

function batcher() {
  const saved: [Batch, readonly string[]][] = [];
  const heard: Item[][] = [];
  let n = 0;
  const b = createBatcher({ store: { saveBatch: (batch, ids) => saved.push([batch, ids]) }, newId: () => `batch${++n}`, settings: () => settings, onBatch: (_, items) => heard.push(items) });
  return { b, saved, heard };
}

describe('batcher', () => {
  it('owes nothing while nothing is due, then the maximum hold; a late look is a catch-up', () => {
    const { b } = batcher();
    b.hold(held('a', SAT));
    expect(b.dueAt(SAT)).toBe(SAT + 60 * MINUTE);
    expect(b.owed(SAT, SAT + 59 * MINUTE, null)).toBeNull();
    expect(b.owed(SAT, SAT + 60 * MINUTE, null)).toBe('max-hold');
    expect(b.owed(SAT, SAT + 62 * MINUTE, null)).toBe('catch-up');
  });

  it('the block end comes first among reasons owed at once; two boundaries missed are one catch-up', () => {
    const { b } = batcher();
    b.hold(held('a', MON_1130));
    expect(b.owed(MON_1130, MON_1130 + 30 * MINUTE, MON_1130 + 30 * MINUTE)).toBe('block-end');
    expect(b.owed(MON_1130, MON_1130 + 30 * MINUTE, null)).toBe('schedule');
    expect(b.owed(MON_1130, MON_1130 + 4 * 60 * MINUTE, null)).toBe('catch-up');
  });

  it('releases what is due as one stored batch, leaving snoozed items unless asked', () => {
    const { b, saved, heard } = batcher();
    b.hold(held('a', SAT));
    b.hold(held('s', SAT, { snoozedUntil: SAT + DAY }));
    const batch = b.release('max-hold', SAT + MINUTE, false);
    expect(batch).toEqual({ id: 'batch1', at: SAT + MINUTE, reason: 'max-hold', count: 1 });
    expect(saved).toEqual([[batch, ['a']]]);
    expect(heard[0]).toEqual([{ ...held('a', SAT), status: 'released', batchId: 'batch1', releasedAt: SAT + MINUTE }]);
    expect(b.size).toBe(1);
    expect(b.dueAt(SAT + MINUTE)).toBe(SAT + DAY);
    expect(b.release('manual', SAT + 2 * MINUTE, true)?.count).toBe(1);
    expect(b.release('manual', SAT + 3 * MINUTE, true)).toBeNull();
  });
});

describe('retention', () => {
  function retention() {
    const calls: string[] = [];
    const current = { settings };
    const r = createRetention({
      store: { eraseTextBefore: (t) => (calls.push(`text<${t}`), 0), eraseBodies: () => (calls.push('bodies'), 0) },
      settings: () => current.settings,
    });
    return { r, calls, current };
  }

  it('erases text past retention at most once a day, and forgets dedupe keys after a day', () => {
    const { r, calls } = retention();
    const item = held('a', SAT, { dedupeKey: 'k' });
    r.remember('k', { at: SAT, item, committed: Promise.resolve() });
    r.apply(SAT);
    r.apply(SAT + DAY - 1);
    expect(calls).toEqual([`text<${SAT - 30 * DAY}`]);
    expect(r.recall('k', SAT + DAY - 1)?.item).toBe(item);
    expect(r.recall('k', SAT + DAY)).toBeUndefined();
    expect(r.idFor('k')).toBe('a');
    r.apply(SAT + DAY);
    expect(calls).toHaveLength(2);
    expect(r.idFor('k')).toBeUndefined();
    expect(r.dueAt(SAT + DAY)).toBe(SAT + 2 * DAY);
  });

  it('counts attempts per sender within the repeat window, case-insensitively', () => {
    const { r } = retention();
    expect(r.attempt('Kim', SAT)).toBe(1);
    expect(r.attempt('kim', SAT + 5 * MINUTE)).toBe(2);
    expect(r.attempt('KIM', SAT + 12 * MINUTE)).toBe(2);
    expect(r.attempt('kim', SAT + 30 * MINUTE)).toBe(1);
    expect(r.attempt(undefined, SAT)).toBe(0);
  });

  it('titles only erases stored bodies at once; a new retention runs the erasure again now', () => {
    const { r, calls, current } = retention();
    r.apply(SAT);
    current.settings = { ...settings, storage: { mode: 'titles', retentionDays: 7 } };
    expect(r.settingsChanged({ mode: 'full', retentionDays: 30 }, { mode: 'titles', retentionDays: 30 })).toBe(true);
    expect(r.settingsChanged({ mode: 'titles', retentionDays: 30 }, { mode: 'titles', retentionDays: 7 })).toBe(false);
    r.apply(SAT + MINUTE);
    expect(calls).toEqual([`text<${SAT - 30 * DAY}`, 'bodies', `text<${SAT + MINUTE - 7 * DAY}`]);
  });
});
