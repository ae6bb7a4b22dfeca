// @vitest-environment jsdom
// The dashboard store and its status, schedule, stats, settings and report slices against the
// real core: hydrated by invokes, kept current by events, never persisting anything itself.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { weeklyReportCsv } from '../../main/core/reportCsv.ts';
import { shiftWeek } from '../../renderer/src/format/time.ts';
import { createDashboardStore } from '../../renderer/src/store/dashboardStore.ts';
import { scheduleSelectors } from '../../renderer/src/store/slices/schedule/selectors.ts';
import { settingsSelectors } from '../../renderer/src/store/slices/settings/selectors.ts';
import { statsSelectors } from '../../renderer/src/store/slices/stats/selectors.ts';
import { ingest, openCore, type Core } from './harness.tsx';

let core: Core;
beforeEach(async () => {
  core = await openCore({ schedule: [{ weekdays: [1, 2, 3, 4, 5], start: '13:00', end: '15:00' }] });
});
afterEach(() => core.close());

async function hydrated() {
  const store = createDashboardStore(core.api, core.deps);
  const off = await store.getState().hydrate();
  return { store, off };
}

describe('dashboard store', () => {
  it('hydrates status, settings, today and the week from main; a null role means first run', async () => {
    const { store } = await hydrated();
    const s = store.getState();
    expect(s.hydrated).toBe('yes');
    expect(s.status).toMatchObject({ state: 'idle', held: 0, nextBatchAt: '2026-11-23T12:00:00.000+01:00' });
    expect(s.settings?.timeZone).toBe('Europe/Stockholm');
    expect(s.firstRun).toBe('role');
    expect(s.today?.held).toBe(0);
    const days = scheduleSelectors.days(s);
    expect(days).toHaveLength(7);
    expect(days[0]?.map((e) => `${e.kind}@${e.start}`)).toEqual(['batch@540', 'batch@720', 'planned@780', 'batch@900', 'batch@1080']);
    expect(scheduleSelectors.hourRange(s)).toEqual({ from: 8, to: 19 });
  });

  it('follows main through its events: focus started elsewhere, items held, settings changed', async () => {
    const { store, off } = await hydrated();
    core.lull.engine.startFocus({ minutes: 50 });
    await expect.poll(() => store.getState().status?.state).toBe('focus');
    await ingest(core, { source: 'ci', title: 'build', sender: 'bot' });
    await expect.poll(() => store.getState().status?.held).toBe(1);
    await expect.poll(() => store.getState().today?.held).toBe(1);
    await expect.poll(() => scheduleSelectors.days(store.getState())[0]?.some((e) => e.kind === 'adhoc')).toBe(true);
    await core.api.patchSettings({ refocusMinutes: 30 });
    await expect.poll(() => store.getState().settings?.refocusMinutes).toBe(30);
    off();
    core.lull.engine.endFocus();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().status?.state).toBe('focus'); // unsubscribed: no longer listening
  });

  it('redraws the week once when a block ends: the state change says so, block:ended adds no second fetch', async () => {
    core.lull.engine.startFocus({ minutes: 50 });
    let fetches = 0;
    const api = { ...core.api, weekSchedule: (request: Parameters<typeof core.api.weekSchedule>[0]) => (fetches++, core.api.weekSchedule(request)) };
    const store = createDashboardStore(api, core.deps);
    await store.getState().hydrate();
    fetches = 0;
    core.lull.engine.endFocus();
    await expect.poll(() => typeof store.getState().schedule?.blocks[0]?.endedAt).toBe('string');
    await store.getState().loadSchedule(); // one fetch of our own, after the redraw
    expect(fetches).toBe(2);
  });

  it('runs focus commands and shows a refusal as a calm notice', async () => {
    const { store } = await hydrated();
    await store.getState().startFocus({ minutes: 25 });
    expect(store.getState().status?.block?.endsAt).toBe('2026-11-23T09:55:00.000+01:00');
    await store.getState().startFocus({ minutes: 25 });
    expect(store.getState().notice).toMatchObject({ kind: 'error' });
    await store.getState().stopFocus();
    expect(store.getState().status?.state).toBe('idle');
    await store.getState().skipToday();
    expect(store.getState().statusBusy).toBe(false);
  });

  it('counts breakthroughs by rule for today', async () => {
    await core.api.patchSettings({ breakthrough: { keywords: ['outage'] } });
    const { store } = await hydrated();
    core.lull.engine.startFocus({ minutes: 50 });
    await ingest(core, { source: 'pager', title: 'outage in eu' });
    await expect.poll(() => statsSelectors.breakthroughs(store.getState()).find((r) => r.rule === 'keyword')?.count).toBe(1);
  });
});

describe('settings slice', () => {
  it('refuses an invalid value in place with the reason, and sends nothing', async () => {
    const { store } = await hydrated();
    const ok = await store.getState().saveSettings({ batchTimes: ['09:00', '25:00'], maxHoldMinutes: 2 });
    expect(ok).toBe(false);
    expect(settingsSelectors.errorFor('batchTimes')(store.getState())).toBe('must be HH:MM (24-hour)');
    expect(settingsSelectors.exactErrorFor('batchTimes.1')(store.getState())).toBe('must be HH:MM (24-hour)');
    expect(settingsSelectors.errorFor('maxHoldMinutes')(store.getState())).toMatch(/>=\s*5/);
    expect((await core.api.getSettings()).batchTimes).toEqual(['09:00', '12:00', '15:00', '18:00']);
  });

  it('saves a valid change at once, clears the field’s old refusal, and main’s next batch follows', async () => {
    const { store } = await hydrated();
    await store.getState().saveSettings({ batchTimes: ['xx'] });
    expect(await store.getState().saveSettings({ batchTimes: ['10:15', '16:00'] })).toBe(true);
    expect(store.getState().fieldErrors).toEqual({});
    expect(store.getState().settings?.batchTimes).toEqual(['10:15', '16:00']);
    await expect.poll(() => store.getState().status?.nextBatchAt).toBe('2026-11-23T10:15:00.000+01:00');
  });

  it('choosing a role saves the role and its preset', async () => {
    const { store } = await hydrated();
    expect(await store.getState().chooseRole('customer-facing')).toBe(true);
    const saved = await core.api.getSettings();
    expect(saved).toMatchObject({ role: 'customer-facing', maxHoldMinutes: 60 });
    expect(store.getState().settings?.role).toBe('customer-facing');
  });

  it('ignores settings it cannot read rather than showing them', async () => {
    const { store } = await hydrated();
    store.getState().receiveSettings({ batchTimes: 'nine' });
    expect(store.getState().settings?.batchTimes).toEqual(['09:00', '12:00', '15:00', '18:00']);
  });
});

describe('report slice', () => {
  it('loads this week, then the previous one, and its CSV is the one the CLI and API make', async () => {
    core.lull.engine.startFocus({ minutes: 30 });
    await ingest(core, { source: 'mail', title: 'x', sender: 'eve' });
    const { store } = await hydrated();
    await store.getState().loadReport();
    expect(store.getState().report?.week).toBe('2026-W48');
    expect(store.getState().report?.arrivals).toBe(1);
    const csv = store.getState().reportCsv();
    expect(csv?.name).toBe('lull-report-2026-W48.csv');
    expect(csv?.text).toBe(weeklyReportCsv(await core.api.weeklyReport({ week: '2026-W48' })));
    await store.getState().loadReport(shiftWeek(store.getState().report!.week, -1)); // as the view's "previous week" link does
    expect(store.getState().report?.week).toBe('2026-W47');
    expect(store.getState().reportWeek).toBe('2026-W47');
  });

  it('reports a PDF export that main refuses (the host has none) as a notice', async () => {
    const { store } = await hydrated();
    await store.getState().loadReport();
    await store.getState().exportPdf();
    expect(store.getState().notice?.kind).toBe('error');
  });
});
