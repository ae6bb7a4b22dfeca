// What resolved itself is not released (PRODUCT.md §2): a held item whose expiresAt passes is
// resolved on time, through sleep, clock jumps and restarts. On the fake clock.
import { describe, expect, it } from 'vitest';
import { harness } from '../support/engineHarness.ts';

// 2026-11-23 is a Monday; Stockholm is UTC+1 in November; batch times 09:00, 12:00, …
const at = (hhmm: string) => Date.parse(`2026-11-23T${hhmm}:00+01:00`);
const released = (h: ReturnType<typeof harness>) => h.batches().flatMap((e) => e.items.map((i) => i.title));

describe('expiresAt: a held item that expires is resolved, never released', () => {
  it('the one timer wakes at the expiry; the item is resolved, not in the next batch, and counted', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    h.engine.startFocus({ minutes: 180 });
    await h.post('standup moved');
    // The second held item's expiry is earlier than anything else due: the timer moves to it.
    const code = (await h.post('your code is 4411', { expiresAt: at('10:05') })).item;
    expect(h.clock.pending()[0]).toBe(at('10:05'));
    h.clock.advanceTo(at('10:05'));
    const resolved = { ...code, status: 'resolved', handledAt: at('10:05') };
    expect(h.engine.getItem(code.id)).toEqual(resolved);
    expect(h.store.items.get(code.id)).toEqual(resolved);
    expect(h.events).toContainEqual({ type: 'item-changed', item: resolved });
    expect(h.engine.status().held).toBe(1);
    h.clock.advanceTo(at('12:00'));
    expect(released(h)).toEqual(['standup moved']);
    expect(h.engine.todayStats()).toMatchObject({ held: 2, resolved: 1 });
  });

  it('a clock jump past the expiry and a batch time: the catch-up batch never contains it', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    h.engine.startFocus({ minutes: 180 });
    await h.post('meeting starts in 5 min', { expiresAt: at('10:30') });
    await h.post('lunch?');
    h.clock.jump(at('12:10'));
    h.engine.resync();
    expect(released(h)).toEqual(['lunch?']);
    expect(h.engine.todayStats().resolved).toBe(1);
  });

  it('releasing by hand or ending the block after the expiry (no timer ran) leaves it out', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    h.engine.startFocus({ minutes: 180 });
    const a = (await h.post('a', { expiresAt: at('10:01') })).item;
    await h.post('b');
    h.clock.jump(at('10:02'));
    expect(h.engine.releaseNow()?.count).toBe(1);
    expect(h.engine.getItem(a.id).status).toBe('resolved');

    const c = (await h.post('c', { expiresAt: at('10:03') })).item;
    h.clock.jump(at('10:04'));
    expect(h.engine.endFocus()).toEqual({ released: 0 });
    expect(h.engine.getItem(c.id)).toMatchObject({ status: 'resolved', handledAt: at('10:03') });
    expect(released(h)).toEqual(['b']);
  });

  it('after a restart, an item that expired while Lull was off is resolved, not released', async () => {
    const first = harness('2026-11-23T10:00:00+01:00');
    first.engine.startFocus({ minutes: 180 });
    const code = (await first.post('code 9911', { expiresAt: at('10:10') })).item;
    await first.post('kept');
    first.engine.stop();
    const again = harness('2026-11-23T12:30:00+01:00', {}, first.store);
    expect(again.engine.getItem(code.id)).toMatchObject({ status: 'resolved', handledAt: at('10:10') });
    expect(released(again)).toEqual(['kept']);
  });

  it('an item that arrives already expired is stored resolved during a block, even urgent; delivered outside one', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    const outside = (await h.post('old news', { expiresAt: at('09:00') })).item;
    expect(outside).toMatchObject({ disposition: 'delivered', status: 'delivered' });
    h.engine.startFocus({ minutes: 60 });
    const stale = (await h.post('starts now', { expiresAt: at('09:59'), priority: 'urgent' })).item;
    expect(stale).toMatchObject({ disposition: 'held', rule: null, status: 'resolved', handledAt: at('10:00') });
    expect(h.engine.status().held).toBe(0);
    h.clock.advanceTo(at('11:00'));
    expect(h.batches()).toEqual([]);
    expect(h.engine.todayStats().resolved).toBe(1);
  });

  it('a snoozed item that expires is resolved too', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    h.engine.startFocus({ minutes: 300 });
    const a = (await h.post('a', { expiresAt: at('12:30') })).item;
    h.clock.advanceTo(at('12:00'));
    h.engine.snooze(a.id);
    h.clock.advanceTo(at('12:30'));
    expect(h.engine.getItem(a.id).status).toBe('resolved');
    h.clock.advanceTo(at('15:00'));
    expect(released(h)).toEqual(['a']); // the first release at 12:00 only
  });
});
