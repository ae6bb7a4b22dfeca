import { describe, expect, it } from 'vitest';
import { harness } from '../support/engineHarness.ts';

// 2026-11-23 is a Monday; Stockholm is UTC+1 in November.
const at = (hhmm: string, day = '2026-11-23') => Date.parse(`${day}T${hhmm}:00+01:00`);

describe('focus engine: deciding', () => {
  it('passes items straight through outside a block, and still records them', async () => {
    const h = harness('2026-11-23T08:00:00+01:00');
    const { item } = await h.post('build green');
    expect(item.disposition).toBe('delivered');
    expect(item.status).toBe('delivered');
    expect(h.store.items.get(item.id)?.disposition).toBe('delivered');
    expect(h.engine.status().held).toBe(0);
  });

  it('holds items during a block and counts them', async () => {
    const h = harness('2026-11-23T08:00:00+01:00');
    h.engine.startFocus({ minutes: 50 });
    const { item } = await h.post('lunch?', { sender: 'Anna' });
    expect(item.disposition).toBe('held');
    expect(item.rule).toBeNull();
    expect(h.engine.status()).toMatchObject({ state: 'focus', held: 1, nextBatchAt: at('09:00') });
  });

  it('lets each breakthrough rule through and records which one', async () => {
    const h = harness('2026-11-23T08:00:00+01:00', {
      breakthrough: { vipSenders: ['Boss'], keywords: ['outage', 'p1'], allowedApps: ['PagerDuty'] },
    });
    h.engine.startFocus({ minutes: 120 });
    const rule = async (extra: Record<string, unknown>, title = 'hello') => (await h.post(title, extra)).item.rule;
    expect(await rule({ priority: 'urgent' })).toBe('urgent');
    expect(await rule({ sender: 'boss' })).toBe('vip');
    expect(await rule({}, 'Major OUTAGE in eu-west')).toBe('keyword');
    expect(await rule({ body: 'this is P1.' })).toBe('keyword');
    expect(await rule({}, 'outages report')).toBeNull();
    expect(await rule({}, 'p10 latency')).toBeNull();
    expect(await rule({ app: 'pagerduty' })).toBe('app');
    expect(await rule({ source: 'PagerDuty' })).toBe('app');
    expect(await rule({ priority: 'high' })).toBeNull();
  });

  it('does not break through for urgency when the urgent rule is off', async () => {
    const h = harness('2026-11-23T08:00:00+01:00', { breakthrough: { urgent: false } });
    h.engine.startFocus({ minutes: 30 });
    expect((await h.post('x', { priority: 'urgent' })).item.disposition).toBe('held');
  });

  it('escalates the third separate attempt from one sender within 30 minutes (repeated calls)', async () => {
    const h = harness('2026-11-23T08:00:00+01:00');
    h.engine.startFocus({ minutes: 120 });
    expect((await h.post('1', { sender: 'Kim' })).item.disposition).toBe('held');
    h.clock.advance(30_000);
    expect((await h.post('1b', { sender: 'Kim' })).item.disposition).toBe('held'); // same attempt
    h.clock.advance(4 * 60_000);
    expect((await h.post('2', { sender: 'Kim' })).item.disposition).toBe('held');
    h.clock.advance(5 * 60_000);
    const third = await h.post('3', { sender: 'kim' });
    expect(third.item).toMatchObject({ disposition: 'breakthrough', rule: 'repeat' });
    // Spread over more than 30 minutes, three attempts do not escalate.
    await h.post('a', { sender: 'Lee' });
    h.clock.advance(16 * 60_000);
    await h.post('b', { sender: 'Lee' });
    h.clock.advance(16 * 60_000);
    expect((await h.post('c', { sender: 'Lee' })).item.disposition).toBe('held');
  });

  it('answers a repeated dedupe key within 24 h with the first item', async () => {
    const h = harness('2026-11-23T08:00:00+01:00');
    const first = await h.post('deploy done', { dedupeKey: 'deploy-42' });
    const again = await h.post('deploy done', { dedupeKey: 'deploy-42' });
    expect(again).toMatchObject({ duplicate: true, item: { id: first.item.id } });
    expect(h.store.items.size).toBe(1);
    h.clock.advance(24 * 3_600_000 + 1);
    expect((await h.post('deploy done', { dedupeKey: 'deploy-42' })).duplicate).toBe(false);
  });

  it('stores no body in titles-only mode', async () => {
    const h = harness('2026-11-23T08:00:00+01:00', { storage: { mode: 'titles' } });
    const { item } = await h.post('t', { body: 'secret' });
    expect(h.store.items.get(item.id)?.body).toBeUndefined();
  });
});

describe('focus engine: releasing', () => {
  it('releases at a batch time inside a block, then what is left at block end', async () => {
    const h = harness('2026-11-23T11:30:00+01:00');
    h.engine.startFocus({ minutes: 60 });
    await h.post('a');
    h.clock.advance(10 * 60_000);
    await h.post('b');
    h.clock.advanceTo(at('12:00'));
    expect(h.batches().map((b) => [b.batch.reason, b.batch.count, b.batch.at])).toEqual([['schedule', 2, at('12:00')]]);
    h.clock.advanceTo(at('12:10'));
    await h.post('c');
    h.clock.advanceTo(at('12:30'));
    expect(h.batches().map((b) => [b.batch.reason, b.batch.count])).toEqual([['schedule', 2], ['block-end', 1]]);
    expect(h.engine.status()).toMatchObject({ state: 'idle', held: 0 });
    const types = h.events.map((e) => e.type).filter((t) => t !== 'state' && t !== 'item-added');
    expect(types.slice(-2)).toEqual(['batch', 'block-ended']);
  });

  it('keeps what was held past block end when release at block end is off, until the next batch', async () => {
    const h = harness('2026-11-23T10:00:00+01:00', { releaseAtBlockEnd: false });
    h.engine.startFocus({ minutes: 30 });
    await h.post('a');
    h.clock.advanceTo(at('10:30'));
    expect(h.batches()).toHaveLength(0);
    expect(h.engine.status().held).toBe(1);
    h.clock.advanceTo(at('12:00'));
    expect(h.batches().map((b) => b.batch.reason)).toEqual(['schedule']);
  });

  it('never holds an item longer than the maximum hold', async () => {
    // Saturday: no batch times, a long ad hoc block.
    const h = harness('2026-11-28T08:00:00+01:00', { maxHoldMinutes: 180 });
    h.engine.startFocus({ minutes: 600 });
    await h.post('a');
    h.clock.advance(60 * 60_000);
    await h.post('b');
    h.clock.advance(119 * 60_000);
    expect(h.batches()).toHaveLength(0);
    h.clock.advance(60_000);
    expect(h.batches().map((b) => [b.batch.reason, b.batch.count, b.batch.at])).toEqual([['max-hold', 2, at('11:00', '2026-11-28')]]);
  });

  it('snoozes an item to the next batch and releases it then, not before', async () => {
    const h = harness('2026-11-23T11:00:00+01:00');
    h.engine.startFocus({ minutes: 30 });
    const { item } = await h.post('a');
    h.clock.advanceTo(at('11:30'));
    expect(h.batches()).toHaveLength(1);
    const snoozed = h.engine.snooze(item.id);
    expect(snoozed).toMatchObject({ status: 'held', snoozedUntil: at('12:00') });
    h.engine.startFocus({ minutes: 10 });
    h.clock.advanceTo(at('11:40'));
    expect(h.batches()).toHaveLength(1);
    h.clock.advanceTo(at('12:00'));
    expect(h.batches().map((b) => [b.batch.reason, b.items.map((i) => i.id)])).toEqual([
      ['block-end', [item.id]],
      ['schedule', [item.id]],
    ]);
  });

  it('done and dismiss take items out of the queue; unknown ids are refused', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    h.engine.startFocus({ minutes: 60 });
    const a = (await h.post('a')).item;
    const b = (await h.post('b')).item;
    await h.post('c');
    expect(h.engine.done(a.id).status).toBe('done');
    expect(h.engine.dismiss(b.id).status).toBe('dismissed');
    expect(() => h.engine.done('nope')).toThrow(expect.objectContaining({ code: 'not-found' }));
    h.clock.advanceTo(at('11:00'));
    expect(h.batches()[0]?.batch.count).toBe(1);
  });

  it('releases now, ends early, refuses a second block and bad lengths', async () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    h.engine.startFocus({ minutes: 60 });
    expect(() => h.engine.startFocus({ minutes: 5 })).toThrow(expect.objectContaining({ code: 'conflict' }));
    await h.post('a');
    expect(h.engine.releaseNow()?.reason).toBe('manual');
    expect(h.engine.releaseNow()).toBeNull();
    await h.post('b');
    await h.post('c');
    expect(h.engine.endFocus()).toEqual({ released: 2 });
    expect(() => h.engine.endFocus()).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(h.store.blocks.get('id1')).toMatchObject({ endReason: 'ended-early', endedAt: at('10:00') });
    for (const minutes of [0, 721, 1.5]) expect(() => h.engine.startFocus({ minutes })).toThrow(expect.objectContaining({ code: 'invalid' }));
  });

  it('focuses until the next batch', () => {
    const h = harness('2026-11-23T12:20:00+01:00');
    expect(h.engine.startFocus({ until: 'next-batch' }).endsAt).toBe(at('15:00'));
    const none = harness('2026-11-23T12:20:00+01:00', { batchTimes: [] });
    expect(() => none.engine.startFocus({ until: 'next-batch' })).toThrow(expect.objectContaining({ code: 'no-batch-time' }));
  });
});

describe('focus engine: schedule, sleep and clock jumps', () => {
  const workday = { schedule: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' }] };

  it('starts and ends scheduled blocks by the weekly rule', async () => {
    const h = harness('2026-11-23T08:59:00+01:00', workday);
    expect(h.engine.status().state).toBe('idle');
    h.clock.advanceTo(at('09:00'));
    expect(h.engine.status().block).toMatchObject({ kind: 'scheduled', startedAt: at('09:00'), endsAt: at('12:00') });
    await h.post('a');
    h.clock.advanceTo(at('12:00'));
    expect(h.engine.status().state).toBe('idle');
    expect(h.batches()).toHaveLength(1);
    h.clock.advanceTo(at('09:00', '2026-11-24'));
    expect(h.engine.status().state).toBe('focus');
  });

  it('skip today ends the scheduled block and keeps it off until tomorrow', () => {
    const h = harness('2026-11-23T09:30:00+01:00', workday);
    expect(h.engine.status().state).toBe('focus');
    h.engine.skipToday();
    h.clock.advanceTo(at('11:00'));
    expect(h.engine.status().state).toBe('idle');
    expect(h.store.blocks.get('id1')?.endReason).toBe('skipped');
    h.clock.advanceTo(at('09:00', '2026-11-24'));
    expect(h.engine.status().state).toBe('focus');
  });

  it('a scheduled block ended early does not restart until its next occurrence', () => {
    const h = harness('2026-11-23T09:30:00+01:00', workday);
    h.engine.endFocus();
    h.clock.advanceTo(at('11:59'));
    expect(h.engine.status().state).toBe('idle');
    h.clock.advanceTo(at('09:00', '2026-11-24'));
    expect(h.engine.status().state).toBe('focus');
  });

  it('sleeping across two batch times gives exactly one catch-up release', async () => {
    const h = harness('2026-11-23T09:30:00+01:00');
    h.engine.startFocus({ minutes: 600 });
    await h.post('a');
    await h.post('b');
    h.clock.jump(at('15:30'));
    h.engine.resync();
    h.engine.resync();
    expect(h.batches().map((b) => [b.batch.reason, b.batch.count])).toEqual([['catch-up', 2]]);
    await h.post('c');
    h.clock.advanceTo(at('17:59'));
    expect(h.batches()).toHaveLength(1);
    h.clock.advanceTo(at('18:00'));
    expect(h.batches().map((b) => b.batch.reason)).toEqual(['catch-up', 'schedule']);
  });

  it('a late timer after sleep (no resync call) also releases once', async () => {
    const h = harness('2026-11-23T09:30:00+01:00');
    h.engine.startFocus({ minutes: 60 });
    await h.post('a');
    h.clock.jump(at('16:00'));
    h.clock.advance(0); // the overdue timer fires now
    expect(h.batches().map((b) => [b.batch.reason, b.batch.count])).toEqual([['catch-up', 1]]);
    expect(h.engine.status().state).toBe('idle');
  });

  it('a restarted engine owes one catch-up release for batches missed while it was down', async () => {
    const h = harness('2026-11-23T09:30:00+01:00');
    h.engine.startFocus({ minutes: 600 });
    await h.post('a');
    h.engine.stop();
    const again = harness('2026-11-23T15:10:00+01:00', {}, h.store);
    expect(again.engine.status()).toMatchObject({ state: 'focus', held: 0 });
    expect(again.batches().map((b) => [b.batch.reason, b.batch.count])).toEqual([['catch-up', 1]]);
  });

  it('a clock jumping backwards releases nothing twice', async () => {
    const h = harness('2026-11-23T11:50:00+01:00');
    h.engine.startFocus({ minutes: 120 });
    await h.post('a');
    h.clock.advanceTo(at('12:05'));
    expect(h.batches()).toHaveLength(1);
    h.clock.jump(at('11:55'));
    h.engine.resync();
    const late = await h.post('b');
    h.clock.advanceTo(at('12:05'));
    // The 12:00 boundary comes round again: only what arrived since is released, each item once.
    expect(h.batches().map((b) => b.items.map((i) => i.title))).toEqual([['a'], ['b']]);
    expect(h.store.items.get(late.item.id)?.status).toBe('released');
  });

  it('erases text past retention once a day and keeps the rows', async () => {
    const h = harness('2026-10-01T10:00:00+02:00', { storage: { retentionDays: 30 } });
    const { item } = await h.post('private', { body: 'words', sender: 'Anna' });
    h.clock.advance(31 * 24 * 3_600_000);
    const kept = h.store.items.get(item.id);
    expect(kept).toMatchObject({ title: '', source: 'test', disposition: 'delivered' });
    expect(kept).not.toHaveProperty('body');
    expect(kept).not.toHaveProperty('sender');
  });
});

describe('focus engine: privacy settings apply to what is stored', () => {
  it('switching to titles only erases every stored body at once, held items included', async () => {
    const h = harness('2026-11-23T08:00:00+01:00');
    const delivered = await h.post('a', { body: 'private a' });
    h.engine.startFocus({ minutes: 60 });
    const held = await h.post('b', { body: 'private b' });
    h.engine.setSettings({ ...h.engine.getSettings(), storage: { mode: 'titles', retentionDays: 30 } });
    expect(h.store.items.get(delivered.item.id)).not.toHaveProperty('body');
    expect(h.store.items.get(held.item.id)).not.toHaveProperty('body');
    const batch = h.engine.releaseNow();
    expect(batch?.count).toBe(1);
    expect(h.batches()[0]?.items[0]?.body).toBeUndefined();
  });

  it('a shorter retention erases older text now, not a day later', async () => {
    const h = harness('2026-11-01T10:00:00+01:00');
    const old = await h.post('old', { body: 'x' });
    h.clock.advance(10 * 24 * 3_600_000);
    const recent = await h.post('recent', { body: 'y' });
    expect(h.store.items.get(old.item.id)?.title).toBe('old');
    h.engine.setSettings({ ...h.engine.getSettings(), storage: { mode: 'full', retentionDays: 7 } });
    expect(h.store.items.get(old.item.id)?.title).toBe('');
    expect(h.store.items.get(recent.item.id)?.title).toBe('recent');
  });
});
