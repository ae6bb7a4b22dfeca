// @vitest-environment jsdom
// The queue slice against the real core: grouping, keyboard cursor, actions shown at once and
// sent when the undo window closes, undo, group actions, paging, and failures that lose nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReviewStore } from '../../renderer/src/store/reviewStore.ts';
import { createDashboardStore } from '../../renderer/src/store/dashboardStore.ts';
import { queueSelectors } from '../../renderer/src/store/slices/queue/selectors.ts';
import { ingest, openCore, type Core } from './harness.tsx';

let core: Core;
beforeEach(async () => {
  core = await openCore({ breakthrough: { repeatEscalation: { attempts: 0, minutes: 1 } } });
});
afterEach(() => core.close());

/** A hydrated review window over `items`, held during a block and released at its end. */
async function reviewOf(items: { source: string; sender?: string; title: string; url?: string }[]) {
  core.lull.engine.startFocus({ minutes: 60 });
  for (const item of items) {
    await ingest(core, item);
    core.clock.advance(1000); // arrivals in order, as they would come
  }
  core.lull.engine.endFocus();
  const store = createReviewStore(core.api, core.deps);
  await store.getState().hydrate();
  return store;
}

const heldIds = async (): Promise<string[]> => (await core.api.listQueue({ view: 'held', limit: 1000 })).items.map((i) => i.id);
const reviewIds = async (): Promise<string[]> => (await core.api.listQueue({ view: 'review', limit: 1000 })).items.map((i) => i.id);

describe('queue slice', () => {
  it('groups by source, then thread entry (a sender within a batch; an item alone is its own row), in order of first arrival, with a count of what is left', async () => {
    const store = await reviewOf([
      { source: 'slack', sender: 'anna', title: 'a1' },
      { source: 'mail', sender: 'bo', title: 'b1' },
      { source: 'slack', sender: 'cai', title: 'c1' },
      { source: 'slack', sender: 'anna', title: 'a2' },
    ]);
    const rows = queueSelectors.rows(store.getState());
    expect(rows.map((r) => (r.kind === 'item' ? r.item.title : r.kind === 'thread' ? `  ${r.name} ${r.count}` : `${r.source} ${r.count}`))).toEqual([
      'slack 3',
      '  anna 2',
      'c1',
      'mail 1',
      'b1',
    ]);
    expect(queueSelectors.left(store.getState())).toBe(4);
    expect(store.getState().activeKey).toBe(rows[0]?.key);
  });

  it('shows an action at once, sends it when the undo window closes, and undo brings the item back unsent', async () => {
    const store = await reviewOf([
      { source: 'ci', sender: 'bot', title: 'one' },
      { source: 'ci', sender: 'bot', title: 'two' },
    ]);
    const s = store.getState();
    s.moveActive(1); // source, entry "bot · 2 messages"
    s.toggleGroup(); // opened
    s.moveActive(1); // its first item
    s.act('done');
    expect(queueSelectors.left(store.getState())).toBe(1);
    expect(await reviewIds()).toHaveLength(2); // not sent yet
    store.getState().undo();
    expect(queueSelectors.left(store.getState())).toBe(2);
    expect(queueSelectors.activeRow(store.getState())?.kind).toBe('item');
    store.getState().act('dismiss');
    core.runTimers();
    await store.getState().flush();
    await expect.poll(reviewIds).toHaveLength(1);
    expect(store.getState().lastCommitted).toEqual({ kind: 'dismiss', count: 1 });
  });

  it('sends the previous action when the next one is taken; a group action covers every item in it', async () => {
    const store = await reviewOf([
      { source: 'ci', sender: 'bot', title: 'b1' },
      { source: 'ci', sender: 'bot', title: 'b2' },
      { source: 'mail', sender: 'eve', title: 'e1' },
    ]);
    store.getState().act('done'); // the "ci" source row: both items
    expect(queueSelectors.left(store.getState())).toBe(1);
    store.getState().act('snooze'); // cursor moved to "mail": sends the done first
    await expect.poll(reviewIds).toHaveLength(1);
    await store.getState().flush();
    expect(await reviewIds()).toEqual([]);
    const held = await core.api.listQueue({ view: 'held', limit: 10 });
    expect(held.items.map((i) => [i.title, i.snoozedUntil !== null])).toEqual([['e1', true]]);
  });

  it('keeps each group in its place when its first item is acted on', async () => {
    const store = await reviewOf([
      { source: 'slack', sender: 'anna', title: 'a1' },
      { source: 'mail', sender: 'bo', title: 'b1' },
      { source: 'slack', sender: 'anna', title: 'a2' },
    ]);
    store.getState().moveActive(1);
    store.getState().toggleGroup();
    store.getState().moveActive(1);
    store.getState().act('done');
    const rows = queueSelectors.rows(store.getState());
    expect(rows.map((r) => r.kind === 'source' && r.source).filter(Boolean)).toEqual(['slack', 'mail']);
    const active = queueSelectors.activeRow(store.getState());
    expect(active?.kind === 'item' && active.item.title).toBe('a2');
  });

  it('moves with j/k limits, folds groups, and keeps the cursor on the next row after an action', async () => {
    const store = await reviewOf([
      { source: 'a', sender: 'x', title: '1' },
      { source: 'a', sender: 'x', title: '2' },
      { source: 'b', sender: 'y', title: '3' },
    ]);
    const s = () => store.getState();
    s().moveActive(-5);
    expect(queueSelectors.activeIndex(s())).toBe(0);
    s().toggleGroup();
    expect(queueSelectors.rows(s()).map((r) => r.kind)).toEqual(['source', 'source', 'item']);
    s().toggleGroup(undefined, true);
    s().moveActive(1);
    s().toggleGroup(undefined, true); // the entry "x · 2 messages"
    s().moveActiveTo('last');
    expect(queueSelectors.activeRow(s())?.kind).toBe('item');
    s().moveActive(-2); // item "2"
    s().toggleGroup(undefined, false); // left on an item folds its entry, the cursor on it
    expect(queueSelectors.activeRow(s())?.kind).toBe('thread');
    expect(queueSelectors.rows(s()).map((r) => r.kind)).toEqual(['source', 'thread', 'source', 'item']);
    s().toggleGroup(undefined, true);
    s().moveActive(2);
    s().act('dismiss');
    const active = queueSelectors.activeRow(s());
    expect(active?.kind === 'source' && active.source).toBe('b');
  });

  it('loads a long queue page by page, showing the first page before the rest', async () => {
    core.lull.engine.startFocus({ minutes: 600 });
    await Promise.all(Array.from({ length: 2500 }, (_, i) => ingest(core, { source: `s${i % 4}`, title: `t${i}` })));
    const store = createDashboardStore(core.api, core.deps);
    const seen: number[] = [];
    store.subscribe((st) => {
      if (st.items.length > 0 && seen[seen.length - 1] !== st.items.length) seen.push(st.items.length);
    });
    await store.getState().loadQueue();
    expect(seen).toEqual([1000, 2000, 2500]);
    expect(queueSelectors.left(store.getState())).toBe(2500);
    expect(queueSelectors.sourceCounts(store.getState()).map((c) => c.count)).toEqual([625, 625, 625, 625]);
  });

  it('reloads the held view when main reports a count it does not show', async () => {
    core.lull.engine.startFocus({ minutes: 60 });
    const store = createDashboardStore(core.api, core.deps);
    await store.getState().hydrate();
    await store.getState().loadQueue();
    await ingest(core, { source: 'ci', title: 'late' });
    await expect.poll(() => store.getState().items.length).toBe(1);
    expect(store.getState().status?.held).toBe(1);
  });

  it('reloads the held view once when a batch is released (its count says so; batch:released adds no second fetch)', async () => {
    core.lull.engine.startFocus({ minutes: 60 });
    for (const title of ['a', 'b', 'c']) await ingest(core, { source: 'ci', title });
    let lists = 0;
    const api = { ...core.api, listQueue: (request: Parameters<typeof core.api.listQueue>[0]) => (lists++, core.api.listQueue(request)) };
    const store = createDashboardStore(api, core.deps);
    await store.getState().hydrate();
    await store.getState().loadQueue();
    lists = 0;
    await core.api.releaseNow();
    await expect.poll(() => store.getState().items).toEqual([]);
    await expect.poll(() => store.getState().today?.held).toBe(3);
    await store.getState().loadQueue(); // one load of our own, settled behind any reload still running
    expect(lists).toBe(2);
  });

  it('adds 100 held arrivals in place from queue:item-added, without listing the queue again', async () => {
    core.lull.engine.startFocus({ minutes: 60 });
    await ingest(core, { source: 'ci', title: 'before' });
    core.clock.advance(10);
    let lists = 0;
    const api = { ...core.api, listQueue: (request: Parameters<typeof core.api.listQueue>[0]) => (lists++, core.api.listQueue(request)) };
    const store = createDashboardStore(api, core.deps);
    await store.getState().hydrate();
    await store.getState().loadQueue();
    lists = 0;
    for (let i = 0; i < 100; i++) {
      await ingest(core, { source: `s${i % 3}`, sender: `p${i % 7}`, title: `t${i}` });
      core.clock.advance(10);
    }
    await expect.poll(() => store.getState().status?.held).toBe(101);
    expect(store.getState().items.map((i) => i.title)).toEqual(['before', ...Array.from({ length: 100 }, (_, i) => `t${i}`)]);
    expect(queueSelectors.left(store.getState())).toBe(101);
    expect(lists).toBe(0);
    // What main lists is what the window shows, in the same order.
    expect(store.getState().items.map((i) => i.id)).toEqual(await heldIds());
  });

  it('updates and drops items in place from queue:item-changed: handled elsewhere, withdrawn by the source, snoozed', async () => {
    core.lull.engine.startFocus({ minutes: 60 });
    const [a, b, c] = [await ingest(core, { source: 'ci', title: 'a', url: 'https://ci.example/a' }), await ingest(core, { source: 'ci', title: 'b' }), await ingest(core, { source: 'ci', title: 'c' })];
    let lists = 0;
    const api = { ...core.api, listQueue: (request: Parameters<typeof core.api.listQueue>[0]) => (lists++, core.api.listQueue(request)) };
    const store = createDashboardStore(api, core.deps);
    await store.getState().hydrate();
    await store.getState().loadQueue();
    lists = 0;
    core.lull.engine.done(a.item.id); // from another window, the CLI or the tray
    core.lull.engine.withdraw({ id: b.item.id }); // the source took it back
    core.lull.engine.snooze(c.item.id);
    await expect.poll(() => store.getState().status?.held).toBe(1);
    expect(store.getState().items.map((i) => [i.title, i.snoozedUntil !== null])).toEqual([['c', true]]);
    expect(lists).toBe(0);
  });

  it('brings an item back with a notice when main refuses the action (nothing is lost)', async () => {
    const store = await reviewOf([{ source: 'ci', sender: 'bot', title: 'gone' }]);
    const [id] = await reviewIds();
    const [item] = store.getState().items;
    // Main no longer knows the id the window acts on (as if it came from another machine).
    store.setState({ items: [{ ...item!, id: 'unknown-id' }] });
    store.getState().moveActiveTo('last');
    store.getState().act('done');
    await store.getState().flush();
    expect(queueSelectors.left(store.getState())).toBe(1);
    expect(store.getState().notice?.kind).toBe('error');
    expect(await reviewIds()).toEqual([id]);
    expect(await heldIds()).toEqual([]);
  });

  it('main lists breakthroughs waiting for a verdict for 7 days, and what resolved itself for a day', async () => {
    const DAY = 86_400_000;
    core.lull.engine.startFocus({ minutes: 60 });
    const urgent = await core.lull.engine.ingest({ source: 'pager', title: 'db down', priority: 'urgent' });
    const answered = await core.lull.engine.ingest({ source: 'pager', title: 'disk full', priority: 'urgent' });
    const code = await ingest(core, { source: 'sms', title: 'your code' });
    core.lull.engine.withdraw({ id: code.item.id });
    await core.api.judge({ id: answered.item.id, urgent: false });
    const ids = async (view: 'unjudged' | 'resolved'): Promise<string[]> => (await core.api.listQueue({ view, limit: 10 })).items.map((i) => i.id);
    expect(await ids('unjudged')).toEqual([urgent.item.id]);
    expect(await ids('resolved')).toEqual([code.item.id]);
    core.clock.advance(DAY + 1000);
    expect(await ids('resolved')).toEqual([]);
    expect(await ids('unjudged')).toEqual([urgent.item.id]);
    core.clock.advance(6 * DAY);
    expect(await ids('unjudged')).toEqual([]);
  });
});
