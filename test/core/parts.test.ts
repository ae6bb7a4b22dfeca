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

  it('wakes for the earliest expiry and never releases an expired item', () => {
    const { b } = batcher();
    b.hold(held('code', SAT, { expiresAt: SAT + 5 * MINUTE }));
    b.hold(held('later', SAT, { expiresAt: SAT + 30 * MINUTE }));
    b.hold(held('plain', SAT));
    expect(b.dueAt(SAT)).toBe(SAT + 5 * MINUTE);
    expect(b.expired(SAT + 5 * MINUTE).map((i) => i.id)).toEqual(['code']);
    expect(b.release('manual', SAT + 6 * MINUTE, true)?.count).toBe(2);
    expect(b.get('code')?.status).toBe('held');
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

  it('counts separate attempts (moments) per sender within the repeat window, case-insensitively', () => {
    const { r } = retention();
    const from = (sender: string | undefined, source = 's') => ({ sender, source });
    expect(r.attempt(from('Kim'), SAT)).toBe(1);
    // Lines within 2 minutes of the previous one are the same attempt, however many.
    expect(r.attempt(from('kim'), SAT + MINUTE)).toBe(1);
    expect(r.attempt(from('KIM'), SAT + 2 * MINUTE)).toBe(1);
    expect(r.attempt(from('kim'), SAT + 7 * MINUTE)).toBe(2);
    expect(r.attempt(from('kim'), SAT + 12 * MINUTE)).toBe(3);
    // A line of the 3rd attempt keeps its number: the attempt that broke through goes on passing.
    expect(r.attempt(from('kim'), SAT + 13 * MINUTE)).toBe(3);
    // Only the attempts that started within the last 30 minutes count.
    expect(r.attempt(from('kim'), SAT + 31 * MINUTE)).toBe(3); // 7, 12, 31
    expect(r.attempt(from('kim'), SAT + 60 * MINUTE)).toBe(2); // 31, 60
    expect(r.attempt(from('kim'), SAT + 100 * MINUTE)).toBe(1);
    expect(r.attempt(from(undefined), SAT)).toBe(0);
    expect(r.attempt(from(''), SAT)).toBe(0);
  });

  it('a source that never breaks through makes no attempts', () => {
    const { r, current } = retention();
    current.settings = { ...settings, breakthrough: { ...settings.breakthrough, neverBreaksThrough: ['CI'] } };
    expect(r.attempt({ sender: 'bot', source: 'ci' }, SAT)).toBe(0);
    expect(r.attempt({ sender: 'bot', source: 'chat' }, SAT + 5 * MINUTE)).toBe(1);
  });

  it('rebuilds attempts from the last day of items in blocks, sorted, and prunes quiet senders daily', () => {
    const { r } = retention();
    const inBlock = (id: string, at: number, extra: Partial<Item> = {}) => held(id, at, { sender: 'Kim', ...extra });
    r.restore([inBlock('b', SAT + 5 * MINUTE), inBlock('a', SAT), held('d', SAT + 8 * MINUTE, { sender: 'Kim', blockId: null, disposition: 'delivered' })], null);
    // Two attempts restored (the delivered one, outside a block, does not count): this is the 3rd.
    expect(r.attempt({ sender: 'kim', source: 's' }, SAT + 10 * MINUTE)).toBe(3);
    r.apply(SAT + DAY);
    expect(r.attempt({ sender: 'kim', source: 's' }, SAT + DAY + MINUTE)).toBe(1);
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
