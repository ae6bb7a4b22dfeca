import { describe, expect, it } from 'vitest';
import { harness } from '../support/engineHarness.ts';

// 2026-11-23 is a Monday; Stockholm is UTC+1 in November.
const at = (hhmm: string) => Date.parse(`2026-11-23T${hhmm}:00+01:00`);

describe('focus engine: what resolved itself is not released', () => {
  it('a held item withdrawn by id is not released in the next batch, and the held count drops', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    h.engine.startFocus({ minutes: 120 });
    const a = (await h.post('a')).item;
    const b = (await h.post('b')).item;
    expect(h.engine.status().held).toBe(2);
    h.clock.advance(5 * 60_000);
    const withdrawn = h.engine.withdraw({ id: a.id });
    expect(withdrawn).toMatchObject({ id: a.id, status: 'resolved', handledAt: at('10:05'), snoozedUntil: null });
    expect(h.engine.status().held).toBe(1);
    expect(h.store.items.get(a.id)).toMatchObject({ status: 'resolved', handledAt: at('10:05') });
    expect(h.events).toContainEqual({ type: 'item-changed', item: withdrawn });
    h.clock.advanceTo(at('12:00'));
    expect(h.batches().map((e) => e.items.map((i) => i.id))).toEqual([[b.id]]);
    expect(h.engine.getItem(a.id).status).toBe('resolved');
  });

  it('a held item withdrawn by its dedupe key is not released either', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    h.engine.startFocus({ minutes: 120 });
    const alert = (await h.post('disk full', { dedupeKey: 'alert-7' })).item;
    const other = (await h.post('other')).item;
    expect(h.engine.withdraw({ dedupeKey: 'alert-7' })).toMatchObject({ id: alert.id, status: 'resolved' });
    expect(h.engine.status().held).toBe(1);
    h.clock.advanceTo(at('12:00'));
    expect(h.batches().map((e) => e.items.map((i) => i.id))).toEqual([[other.id]]);
  });

  it('the last held item withdrawn leaves nothing for the next batch', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    h.engine.startFocus({ minutes: 120 });
    const only = (await h.post('only')).item;
    h.engine.withdraw({ id: only.id });
    expect(h.engine.status().held).toBe(0);
    h.clock.advanceTo(at('12:00'));
    expect(h.batches()).toEqual([]);
  });

  it('a released item waiting for review becomes resolved too', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    h.engine.startFocus({ minutes: 120 });
    const a = (await h.post('a')).item;
    h.engine.releaseNow();
    expect(h.engine.withdraw({ id: a.id })).toMatchObject({ status: 'resolved', batchId: expect.any(String) });
  });

  it('an item the user already handled is returned unchanged', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    h.engine.startFocus({ minutes: 120 });
    const a = (await h.post('a', { dedupeKey: 'k' })).item;
    const done = h.engine.done(a.id);
    const changes = h.events.filter((e) => e.type === 'item-changed').length;
    h.clock.advance(60_000);
    expect(h.engine.withdraw({ id: a.id })).toEqual(done);
    expect(h.engine.withdraw({ dedupeKey: 'k' })).toEqual(done);
    expect(h.store.items.get(a.id)).toEqual(done);
    expect(h.events.filter((e) => e.type === 'item-changed')).toHaveLength(changes);
  });

  it('an unknown id or dedupe key gives null', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    h.engine.startFocus({ minutes: 120 });
    await h.post('a', { dedupeKey: 'k' });
    expect(h.engine.withdraw({ id: 'nope' })).toBeNull();
    expect(h.engine.withdraw({ dedupeKey: 'nope' })).toBeNull();
    expect(h.engine.status().held).toBe(1);
  });
});
