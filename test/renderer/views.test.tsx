// @vitest-environment jsdom
// Each view rendered with its window's real store over the real core: first run, the state and
// focus commands, the week grid, today's numbers, the held queue (counts while focusing), the
// review list from the keyboard, settings refused in place, the report, and Swedish.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReviewStore } from '../../renderer/src/store/reviewStore.ts';
import { DashboardApp } from '../../renderer/src/views/DashboardApp.tsx';
import { HeldQueueView } from '../../renderer/src/views/queue/HeldQueueView.tsx';
import { ReportView } from '../../renderer/src/views/report/ReportView.tsx';
import { ReviewApp } from '../../renderer/src/views/ReviewApp.tsx';
import { SettingsView } from '../../renderer/src/views/settings/SettingsView.tsx';
import { TodayView } from '../../renderer/src/views/today/TodayView.tsx';
import { giveLayout, ingest, openCore, renderWindow, type Core, openDashboard } from './harness.tsx';

let core: Core;
beforeAll(giveLayout);
beforeEach(async () => {
  core = await openCore({ breakthrough: { repeatEscalation: { attempts: 0, minutes: 1 } } });
  window.location.hash = '';
});
afterEach(async () => {
  cleanup();
  await core.close();
});

const dashboard = () => openDashboard(core);

describe('first run', () => {
  it('asks for a role, shows the week it plans and how holding works, holds nothing until "start now"', async () => {
    const store = await dashboard();
    renderWindow(store, <DashboardApp />);
    await userEvent.click(screen.getByRole('radio', { name: /Manager or lead/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { name: 'When should Lull start holding?' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'How holding works' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'This week' })).toBeTruthy();
    expect(screen.getByText(/11:00, 13:00, 15:00 and 17:00/)).toBeTruthy();
    expect(await core.api.getSettings()).toMatchObject({ role: 'manager', scheduleFrom: null });
    // 09:30 on a Monday is inside the manager's 09:00–10:30 block, which waits for the user's word.
    expect(core.lull.engine.status().state).toBe('idle');
    expect(await screen.findByText('You are inside a planned block now, until 10:30.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'From the next planned block (Monday 23, 14:00)' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Start now' }));
    await screen.findByRole('navigation', { name: 'Pages' });
    expect(core.lull.engine.status()).toMatchObject({ state: 'focus', block: { kind: 'scheduled' } });
  });

  it('the Today view says calmly that scheduled blocks are not on yet, and "from the next planned block" turns them on', async () => {
    await core.api.patchSettings({ role: 'maker', schedule: [{ weekdays: [1, 2, 3, 4, 5], start: '13:00', end: '15:00' }], scheduleFrom: null });
    const store = await dashboard();
    renderWindow(store, <TodayView />);
    expect(screen.getByRole('heading', { name: 'Scheduled blocks are not on yet' })).toBeTruthy();
    expect(screen.getByText('No planned block runs now. The first one starts Monday 23, 13:00.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'From the next planned block (Monday 23, 13:00)' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Scheduled blocks are not on yet' })).toBeNull());
    expect((await core.api.getSettings()).scheduleFrom).toBe('2026-11-23T08:30:00.000Z');
  });
});

describe('today', () => {
  it('shows idle with the next batch, starts focus for 50 min, then shows "focusing until" and ends it', async () => {
    await core.api.patchSettings({ role: 'maker' });
    const store = await dashboard();
    renderWindow(store, <TodayView />);
    expect(screen.getByRole('heading', { name: 'Not focusing' })).toBeTruthy();
    expect(screen.getByText('Next batch at 12:00 (in 3 hr)')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Focus 50 min' }));
    expect(await screen.findByRole('heading', { name: 'Focusing until 10:20' })).toBeTruthy();
    expect(core.lull.engine.status().state).toBe('focus');
    await userEvent.click(screen.getByRole('button', { name: 'End focus now' }));
    await screen.findByRole('heading', { name: 'Not focusing' });
  });

  it('#/focus (the tray’s "Custom…") opens today with the cursor in the minutes field', async () => {
    await core.api.patchSettings({ role: 'maker' });
    window.location.hash = '#/focus';
    const store = await dashboard();
    renderWindow(store, <DashboardApp />);
    const minutes = await screen.findByRole('spinbutton', { name: 'Minutes' });
    expect(document.activeElement).toBe(minutes);
    await userEvent.type(minutes, '35{Enter}');
    await screen.findByRole('heading', { name: 'Focusing until 10:05' });
  });

  it('draws the week: planned blocks, batch times, the now-line; and today’s numbers say how the estimate is counted', async () => {
    await core.api.patchSettings({ role: 'maker', schedule: [{ weekdays: [1, 2, 3, 4, 5], start: '13:00', end: '15:00' }] });
    const store = await dashboard();
    renderWindow(store, <TodayView />);
    const monday = screen.getByRole('region', { name: /Monday/ });
    expect(within(monday).getByText('Planned 13:00–15:00')).toBeTruthy();
    expect(within(monday).getByText('Batch 12:00')).toBeTruthy();
    expect(within(monday).getByText('Now, 09:30')).toBeTruthy();
    expect(screen.getByText(/How we count: held items that arrive within 2 minutes/)).toBeTruthy();
    expect(screen.getByText(/≈ 0 mins? \(estimate\)/)).toBeTruthy();
  });
});

describe('held queue', () => {
  it('shows counts, not content, while a block runs; the content shows when asked for, grouped', async () => {
    core.lull.engine.startFocus({ minutes: 60 });
    for (const item of [
      { source: 'slack', sender: 'Anna', title: 'are you free?' },
      { source: 'slack', sender: 'Bo', title: 'lunch' },
      { source: 'ci', sender: 'bot', title: 'build green' },
    ]) {
      await ingest(core, item);
      core.clock.advance(1000);
    }
    const store = await dashboard();
    renderWindow(store, <HeldQueueView />);
    expect(await screen.findByText('3 items held')).toBeTruthy();
    const counts = screen.getByRole('list', { name: 'Held items by source' });
    await waitFor(() => expect(within(counts).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['slack 2 items', 'ci 1 item']));
    expect(screen.queryByText('are you free?')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show what is held' }));
    const tree = screen.getByRole('tree');
    // An item alone is its own row under its source (a thread entry is for several).
    expect(within(tree).getAllByRole('treeitem').map((r) => r.getAttribute('aria-level'))).toEqual(['1', '2', '2', '1', '2']);
    expect(within(tree).getByText('are you free?')).toBeTruthy();
  });
});

describe('review window', () => {
  it('is driven from the keyboard: j/k, e, s, x, u, ? and Enter; a count of what is left', async () => {
    core.lull.engine.startFocus({ minutes: 60 });
    for (const [i, title] of ['first', 'second', 'third', 'fourth'].entries()) {
      await ingest(core, { source: 'mail', sender: 'eve', title, url: i === 0 ? 'https://example.org/1' : undefined });
      core.clock.advance(1000);
    }
    core.lull.engine.endFocus();
    const store = createReviewStore(core.api, core.deps);
    await store.getState().hydrate();
    renderWindow(store, <ReviewApp />);
    const left = () => screen.getByText(/\d+ left/).textContent;
    expect(left()).toBe('4 left');
    await userEvent.keyboard('j{Enter}j'); // source → the entry "eve · 4 messages", opened → "first"
    expect(screen.getByRole('treeitem', { selected: true }).textContent).toContain('first');
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('e');
    expect(left()).toBe('3 left');
    expect(screen.getByText(/Marked done/)).toBeTruthy();
    expect(screen.getByRole('treeitem', { selected: true }).textContent).toContain('second');
    await userEvent.keyboard('u');
    expect(left()).toBe('4 left');
    await userEvent.keyboard('jxs');
    expect(left()).toBe('2 left');
    await act(() => store.getState().flush());
    const review = await core.api.listQueue({ view: 'review', limit: 10 });
    expect(review.items.map((i) => i.title)).toEqual(['first', 'fourth']);
    const held = await core.api.listQueue({ view: 'held', limit: 10 });
    expect(held.items.map((i) => i.title)).toEqual(['third']);
    await userEvent.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.keyboard('k');
    expect(screen.getByRole('treeitem', { selected: true }).textContent).toContain('first');
  });

  it('every action is also a labelled button', async () => {
    const store = createReviewStore(core.api, core.deps);
    await store.getState().hydrate();
    renderWindow(store, <ReviewApp />);
    const toolbar = screen.getByRole('toolbar');
    expect(within(toolbar).getAllByRole('button').map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Open Enter',
      'Done e',
      'Snooze to next batch s',
      'Dismiss x',
      'Undo u',
      'Keys ?',
    ]);
    expect(screen.getByText('Nothing is waiting for review.')).toBeTruthy();
  });
});

describe('the urgent protocol in the review', () => {
  async function review() {
    const store = createReviewStore(core.api, core.deps);
    await store.getState().hydrate();
    renderWindow(store, <ReviewApp />);
    return store;
  }
  const left = () => screen.getByText(/\d+ left/).textContent;

  it('threads: 5 items with one thread key and 4 from one sender are two entries with counts; an entry opens to its items; done acts on an entry or one item; undo takes back the whole action', async () => {
    core.lull.engine.startFocus({ minutes: 60 });
    for (let i = 0; i < 5; i++) {
      await core.lull.engine.ingest({ source: 'github', sender: ['ann', 'bo', 'cy'][i % 3], thread: 'pr-42', title: `review ${i}` });
      core.clock.advance(1000);
    }
    for (let i = 0; i < 4; i++) {
      await ingest(core, { source: 'chat', sender: 'Anna', title: `chat ${i}` });
      core.clock.advance(1000);
    }
    core.lull.engine.endFocus();
    const store = await review();
    const entries = () => screen.getAllByRole('treeitem').filter((r) => r.getAttribute('aria-level') === '2');
    expect(entries().map((r) => r.textContent)).toEqual(['▸ann and 2 others· 5 messages', '▸Anna· 4 messages']);
    expect(entries().map((r) => r.getAttribute('aria-expanded'))).toEqual(['false', 'false']);
    expect(left()).toBe('9 left');

    await userEvent.keyboard('j{Enter}'); // the thread entry, opened
    const items = screen.getAllByRole('treeitem').filter((r) => r.getAttribute('aria-level') === '3');
    expect(items.map((r) => r.querySelector('.qtitle')?.textContent)).toEqual(['review 0', 'review 1', 'review 2', 'review 3', 'review 4']);
    expect(screen.getByRole('treeitem', { selected: true }).textContent).toContain('5 messages');
    await userEvent.keyboard('e'); // the cursor is on the entry: all 5
    expect(left()).toBe('4 left');
    expect(screen.getByText(/5 marked done/)).toBeTruthy();
    await userEvent.keyboard('u'); // one action, one undo: all 5 back
    expect(left()).toBe('9 left');
    await userEvent.keyboard('e');
    await act(() => store.getState().flush());
    expect((await core.api.listQueue({ view: 'review', limit: 100 })).items.map((i) => i.title)).toEqual(['chat 0', 'chat 1', 'chat 2', 'chat 3']);

    await userEvent.keyboard('j{Enter}j'); // chat → "Anna · 4 messages", opened → "chat 0"
    expect(screen.getByRole('treeitem', { selected: true }).textContent).toContain('chat 0');
    await userEvent.keyboard('e'); // one item inside the entry: just that one
    expect(left()).toBe('3 left');
    expect(entries().map((r) => r.textContent)).toEqual(['▾Anna· 3 messages']);
    await act(() => store.getState().flush());
    expect((await core.api.listQueue({ view: 'review', limit: 100 })).items.map((i) => i.title)).toEqual(['chat 1', 'chat 2', 'chat 3']);
  });

  it('was it urgent?: every breakthrough waits with two buttons; y and n answer the active row, undo takes an answer back, and the answers reach main', async () => {
    core.lull.engine.startFocus({ minutes: 60 });
    const ids: string[] = [];
    for (const title of ['db down', 'disk full', 'cert expires']) {
      const { item } = await core.lull.engine.ingest({ source: 'pager', sender: 'ops', title, priority: 'urgent' });
      expect(item.disposition).toBe('breakthrough');
      ids.push(item.id);
      core.clock.advance(60_000);
    }
    await ingest(core, { source: 'mail', sender: 'eve', title: 'lunch?' });
    core.lull.engine.endFocus();
    const store = await review();
    const section = screen.getByRole('region', { name: /Was it urgent\?/ });
    const list = within(section).getByRole('list', { name: 'Breakthroughs waiting for an answer' });
    const rows = () => within(list).getAllByRole('listitem').map((li) => li.querySelector('.qtitle')?.textContent);
    expect(rows()).toEqual(['db down', 'disk full', 'cert expires']);
    expect(within(section).getByText('3 to answer')).toBeTruthy();
    expect(within(list).getAllByRole('button', { name: 'Urgent' })).toHaveLength(3);
    expect(within(list).getAllByRole('button', { name: 'Not urgent' })).toHaveLength(3);
    expect(within(screen.getByRole('tree')).queryByText('db down')).toBeNull(); // not in the batch
    expect(left()).toBe('1 left');

    await userEvent.keyboard('y');
    expect(rows()).toEqual(['disk full', 'cert expires']);
    expect(within(section).getByText('Marked urgent')).toBeTruthy();
    await userEvent.keyboard('u');
    expect(rows()).toEqual(['db down', 'disk full', 'cert expires']);
    await userEvent.keyboard('y'); // db down: urgent
    await userEvent.keyboard('n'); // disk full: not urgent (sends the first)
    await waitFor(() => expect(core.lull.engine.getItem(ids[0]!).verdict).toBe('urgent'));
    expect(rows()).toEqual(['cert expires']);
    expect(left()).toBe('1 left'); // the batch's count is the batch's
    await userEvent.click(within(list).getByRole('button', { name: 'Not urgent' }));
    expect(screen.queryByRole('list', { name: 'Breakthroughs waiting for an answer' })).toBeNull();
    expect(within(section).getByText('Marked not urgent')).toBeTruthy(); // still undoable
    await act(() => store.getState().flush());
    expect(ids.map((id) => core.lull.engine.getItem(id).verdict)).toEqual(['urgent', 'not-urgent', 'not-urgent']);
    expect((await core.api.listQueue({ view: 'unjudged', limit: 10 })).items).toEqual([]);
    await userEvent.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard' });
    expect(within(help).getByText('Was it urgent? Yes')).toBeTruthy();
    expect(within(help).getByText('Was it urgent? No')).toBeTruthy();
  });

  it('what resolved itself is listed apart, with a count, never in the batch list', async () => {
    core.lull.engine.startFocus({ minutes: 60 });
    const code = await ingest(core, { source: 'sms', sender: 'bank', title: 'your code is 123456' });
    await ingest(core, { source: 'mail', sender: 'eve', title: 'lunch?' });
    core.lull.engine.withdraw({ id: code.item.id });
    core.lull.engine.endFocus();
    await review();
    const section = screen.getByRole('region', { name: 'Resolved while you focused' });
    expect(within(section).getByText('1 item took care of itself')).toBeTruthy();
    const list = within(section).getByRole('list', { name: 'Items resolved while you focused' });
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('.qtitle')?.textContent)).toEqual(['your code is 123456']);
    expect(within(section).queryAllByRole('button')).toEqual([]);
    const tree = screen.getByRole('tree');
    expect(within(tree).queryByText('your code is 123456')).toBeNull();
    expect(within(tree).getByText('lunch?')).toBeTruthy();
    expect(left()).toBe('1 left');
  });
});

describe('settings', () => {
  it('refuses an invalid value in place with the reason; a valid one is saved at once', async () => {
    await core.api.patchSettings({ role: 'maker' });
    const store = await dashboard();
    renderWindow(store, <SettingsView />);
    const maxHold = screen.getByLabelText('Maximum hold');
    await userEvent.clear(maxHold);
    await userEvent.type(maxHold, '2{Enter}');
    expect(await screen.findByText('Must be at least 5.')).toBeTruthy();
    expect(maxHold.getAttribute('aria-invalid')).toBe('true');
    expect((await core.api.getSettings()).maxHoldMinutes).toBe(180);
    await userEvent.clear(maxHold);
    await userEvent.type(maxHold, '120{Enter}');
    await waitFor(async () => expect((await core.api.getSettings()).maxHoldMinutes).toBe(120));
    expect(screen.queryByText('Must be at least 5.')).toBeNull();

    const first = screen.getByLabelText('Batch time 1');
    fireEvent.change(first, { target: { value: '08:30' } });
    fireEvent.blur(first);
    await waitFor(async () => expect((await core.api.getSettings()).batchTimes).toEqual(['08:30', '12:00', '15:00', '18:00']));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Saturday' }));
    await waitFor(async () => expect((await core.api.getSettings()).batchWeekdays).toEqual([1, 2, 3, 4, 5, 6]));
    await userEvent.click(screen.getByRole('button', { name: 'Add a block' }));
    await waitFor(async () => expect((await core.api.getSettings()).schedule).toHaveLength(1));
    const keywords = screen.getByLabelText('Keywords');
    await userEvent.type(keywords, 'outage{Enter}incident');
    fireEvent.blur(keywords);
    await waitFor(() => expect(core.lull.settings.get().breakthrough.keywords).toEqual(['outage', 'incident']));
  });
});

describe('weekly report', () => {
  it('shows charts with the numbers beside them, the change against last week, and week navigation', async () => {
    core.lull.engine.startFocus({ minutes: 30 });
    await ingest(core, { source: 'mail', sender: 'eve', title: 'x' });
    await ingest(core, { source: 'ci', sender: 'bot', title: 'y' });
    const store = await dashboard();
    renderWindow(store, <ReportView week={null} />);
    expect(await screen.findByRole('heading', { name: /Week 48/ })).toBeTruthy();
    const summary = screen.getByRole('table', { name: 'This week beside the week before' });
    const held = within(summary).getByRole('row', { name: /^Held/ });
    expect(within(held).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '0', '+2']);
    expect(screen.getByRole('img', { name: '0 of 0.5 planned focus hours kept this week.' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /The busiest hour was Monday 23 at 9:00, with 2 arrivals/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Previous week' }).getAttribute('href')).toBe('#/report/2026-W47');
    expect(screen.getByRole('link', { name: 'Next week →' }).getAttribute('href')).toBe('#/report/2026-W49');
    expect(screen.getByText(/Refocus time saved/).textContent).toContain('estimate');
  });
});

describe('language', () => {
  it('follows a Swedish system, and the language setting over it', async () => {
    await core.api.patchSettings({ role: 'maker' });
    const store = await dashboard();
    renderWindow(store, <TodayView />, ['sv-SE']);
    expect(screen.getByRole('heading', { name: 'Inget fokuspass' })).toBeTruthy();
    expect(screen.getByText('Nästa omgång kl. 12:00 (om 3 tim)')).toBeTruthy();
    expect(document.documentElement.lang).toBe('sv');
    await act(() => store.getState().saveSettings({ language: 'en' }));
    expect(await screen.findByRole('heading', { name: 'Not focusing' })).toBeTruthy();
  });
});

describe('source health', () => {
  it('says calmly when desktop notifications cannot be seen, in the window’s language', async () => {
    await core.api.patchSettings({ role: 'maker' });
    const store = await dashboard();
    const status = store.getState().status!;
    act(() => store.getState().setStatus({ ...status, sources: [{ name: 'desktop-bus', state: 'unavailable', detail: 'no D-Bus session bus' }, { name: 'other', state: 'running' }] }));
    renderWindow(store, <DashboardApp />);
    expect(screen.getByText('Desktop notifications: no D-Bus session bus')).toBeTruthy();
    expect(document.querySelectorAll('.notice-source')).toHaveLength(1);
  });
});
