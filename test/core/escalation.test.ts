// Repeat escalation counts attempts, not messages, and some sources never break through
// (PRODUCT.md §2). On the fake clock and the memory store.
import { describe, expect, it } from 'vitest';
import { harness } from '../support/engineHarness.ts';

const MINUTE = 60_000;
// 2026-11-23 is a Monday; the first batch time is 09:00, so nothing is released before it.
const START = '2026-11-23T08:00:00+01:00';

describe('repeat escalation: attempts, not messages', () => {
  it('holds a burst of 10,000 items from 50 senders, all of it', async () => {
    const h = harness(START);
    h.engine.startFocus({ minutes: 120 });
    const dispositions = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      // 12 ms apart: two minutes in all, each sender writing every 0.6 s — one attempt each.
      h.clock.advance(12);
      const { item } = await h.post(`line ${i}`, { sender: `Sender ${i % 50}` });
      dispositions.set(item.disposition, (dispositions.get(item.disposition) ?? 0) + 1);
    }
    expect(Object.fromEntries(dispositions)).toEqual({ held: 10_000 });
    expect(h.engine.status().held).toBe(10_000);
  });

  it("one sender's 3 separate attempts 5 minutes apart: the 3rd breaks through, and its further lines pass", async () => {
    const h = harness(START);
    h.engine.startFocus({ minutes: 120 });
    const kim = async (title: string) => (await h.post(title, { sender: 'Kim' })).item;
    expect(await kim('are you there?')).toMatchObject({ disposition: 'held', rule: null });
    h.clock.advance(5 * MINUTE);
    expect(await kim('hello?')).toMatchObject({ disposition: 'held', rule: null });
    h.clock.advance(5 * MINUTE);
    expect(await kim('please call me')).toMatchObject({ disposition: 'breakthrough', rule: 'repeat' });
    h.clock.advance(20_000);
    // The same attempt goes on: the person is still trying to reach you now.
    expect(await kim('it is about the release')).toMatchObject({ disposition: 'breakthrough', rule: 'repeat' });
    expect(h.engine.status().held).toBe(2);
  });

  it('20 lines in one minute from one sender are one attempt, all held', async () => {
    const h = harness(START);
    h.engine.startFocus({ minutes: 120 });
    const dispositions: string[] = [];
    for (let i = 0; i < 20; i++) {
      dispositions.push((await h.post(`line ${i}`, { sender: 'Anna' })).item.disposition);
      h.clock.advance(3_000);
    }
    expect(new Set(dispositions)).toEqual(new Set(['held']));
    // A sender writing on and on without a 2-minute pause is still one attempt.
    for (let i = 0; i < 30; i++) {
      h.clock.advance(110_000);
      expect((await h.post(`more ${i}`, { sender: 'anna' })).item.disposition).toBe('held');
    }
  });

  it('items without a sender never escalate', async () => {
    const h = harness(START);
    h.engine.startFocus({ minutes: 120 });
    for (let i = 0; i < 6; i++) {
      expect((await h.post(`deploy ${i}`)).item.disposition).toBe('held');
      expect((await h.post(`empty ${i}`, { sender: '' })).item.disposition).toBe('held');
      h.clock.advance(5 * MINUTE);
    }
  });

  it('attempts: 0 turns repeat escalation off', async () => {
    const h = harness(START, { breakthrough: { repeatEscalation: { attempts: 0, minutes: 30 } } });
    h.engine.startFocus({ minutes: 120 });
    for (let i = 0; i < 6; i++) {
      expect((await h.post(`try ${i}`, { sender: 'Kim' })).item.disposition).toBe('held');
      h.clock.advance(5 * MINUTE);
    }
  });

  it('counts only attempts made during a block', async () => {
    const h = harness(START);
    expect((await h.post('before', { sender: 'Kim' })).item.disposition).toBe('delivered');
    h.clock.advance(5 * MINUTE);
    expect((await h.post('before again', { sender: 'Kim' })).item.disposition).toBe('delivered');
    h.clock.advance(5 * MINUTE);
    h.engine.startFocus({ minutes: 60 });
    expect((await h.post('in the block', { sender: 'Kim' })).item.disposition).toBe('held');
  });

  it('restart keeps the attempt history (rebuilt from the stored items)', async () => {
    const first = harness(START);
    first.engine.startFocus({ minutes: 120 });
    await first.post('one', { sender: 'Kim' });
    first.clock.advance(5 * MINUTE);
    await first.post('two', { sender: 'Kim' });
    first.engine.stop();
    const again = harness('2026-11-23T08:12:00+01:00', {}, first.store);
    expect(again.engine.status().state).toBe('focus');
    expect((await again.post('three', { sender: 'KIM' })).item).toMatchObject({ disposition: 'breakthrough', rule: 'repeat' });
  });
});

describe('neverBreaksThrough', () => {
  const settings = { breakthrough: { neverBreaksThrough: ['CI'], vipSenders: ['Boss'], keywords: ['outage'] } };

  it('holds an urgent item from such a source during a block, whatever rule it would pass by', async () => {
    const h = harness(START, settings);
    h.engine.startFocus({ minutes: 120 });
    const ci = (title: string, extra: Record<string, unknown> = {}) => h.post(title, { source: 'ci', ...extra });
    expect((await ci('build failed', { priority: 'urgent' })).item).toMatchObject({ disposition: 'held', rule: null });
    expect((await ci('OUTAGE', { sender: 'boss' })).item).toMatchObject({ disposition: 'held', rule: null });
    for (let i = 0; i < 4; i++) {
      h.clock.advance(5 * MINUTE);
      expect((await ci(`pipeline ${i}`, { sender: 'runner' })).item.disposition).toBe('held');
    }
    // Another source still breaks through by its rules.
    expect((await h.post('page', { source: 'pager', priority: 'urgent' })).item.rule).toBe('urgent');
  });

  it('names a desktop app too: its items are held, other desktop apps still break through', async () => {
    const h = harness(START, { breakthrough: { neverBreaksThrough: ['chatbot'] } });
    h.engine.startFocus({ minutes: 120 });
    expect((await h.post('deploy?', { source: 'desktop', app: 'ChatBot', priority: 'urgent' })).item).toMatchObject({ disposition: 'held', rule: null });
    expect((await h.post('call', { source: 'desktop', app: 'Phone', priority: 'urgent' })).item.rule).toBe('urgent');
  });

  it('delivers such items outside a block, as always', async () => {
    const h = harness(START, settings);
    expect((await h.post('build failed', { source: 'CI', priority: 'urgent' })).item.disposition).toBe('delivered');
  });
});
