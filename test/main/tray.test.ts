// The tray on a fake clock and a real engine (memory store): its icon, title, tooltip and menu
// follow engine events; text in the user's locale and 12/24-hour habit; counts, never content.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { createTray, type SourceTrouble } from '../../main/app/tray.ts';
import { reviewLine, tooltip, type TrayWords } from '../../main/app/trayText.ts';
import { languageFor as trayLanguage } from '../../main/core/settings.ts';
import { harness } from '../support/engineHarness.ts';
import { FakeTray, menuItem, type FakeMenu } from '../support/electronStub.ts';

const icons = { idle: { path: 'idle' }, focusing: { path: 'focusing' }, holding: { path: 'holding' } };
const flush = () => new Promise((resolve) => setImmediate(resolve));

function setUp(words: Partial<TrayWords> = {}, showsTitle = false, troubles?: () => readonly SourceTrouble[]) {
  const h = harness('2026-11-23T08:00:00Z', { batchTimes: ['12:00', '15:00'] });
  const tray = new FakeTray(icons.idle);
  const opened: (string | undefined)[] = [];
  let menus = 0;
  const control = createTray({
    tray,
    icons,
    buildMenu: (template: MenuItemConstructorOptions[]): FakeMenu => (menus++, { template }),
    engine: h.engine,
    clock: h.clock,
    words: () => ({ language: 'en', locale: 'en-GB', timeZone: 'Europe/Stockholm', ...words }),
    showsTitle,
    ...(troubles && { troubles }),
    actions: {
      startFocus: (r) => h.engine.startFocus(r),
      endFocus: () => h.engine.endFocus(),
      releaseNow: () => h.engine.releaseNow(),
      skipToday: () => h.engine.skipToday(),
      openDashboard: (route) => opened.push(route),
      quit: () => opened.push('quit'),
    },
  });
  const click = (label: string | RegExp) => menuItem(tray.menu, label)?.click?.({} as never, undefined, {} as never);
  return { ...h, tray, control, opened, click, menus: () => menus };
}

describe('tray', () => {
  it('says which source cannot do its work, one line each, and redraws only when that changes', () => {
    let troubles: SourceTrouble[] = [];
    const t = setUp({}, false, () => troubles);
    const labels = () => (t.tray.menu as FakeMenu).template.map((i) => i.label);
    expect(labels().filter((l) => l?.startsWith('⚠'))).toEqual([]);
    const before = t.menus();
    t.control.refresh();
    expect(t.menus()).toBe(before);
    troubles = [{ name: 'mail:work', detail: 'retrying in 8 s: imap.example.test:993 refused the connection' }, { name: 'mail:home' }];
    t.control.refresh();
    expect(labels().filter((l) => l?.startsWith('⚠'))).toEqual(['⚠ mail:work: retrying in 8 s: imap.example.test:993 refused the connection', '⚠ mail:home: cannot do its work; see the dashboard']);
    expect(t.menus()).toBe(before + 1);
  });

  it('follows the engine: idle, focusing, holding with a count, back to idle after release', async () => {
    const t = setUp({}, true);
    expect(t.tray.image).toBe(icons.idle);
    expect(t.tray.toolTip).toBe('Lull — Not focusing\nNext batch at 12:00 (in 3 h)');
    expect(menuItem(t.tray.menu, 'End focus now')?.enabled).toBe(false);
    expect(menuItem(t.tray.menu, 'Release held now')?.enabled).toBe(false);

    t.click('25 minutes');
    await flush();
    expect(t.tray.image).toBe(icons.focusing);
    expect(t.tray.toolTip).toBe('Lull — Focusing until 09:25 (25 min left)\nNext batch at 12:00 (in 3 h)');
    expect(menuItem(t.tray.menu, 'Start focus')?.enabled).toBe(false);

    await t.post('Anna: are you free?', { sender: 'Anna', source: 'slack' });
    await t.post('PR review', { source: 'github' });
    await flush();
    expect(t.tray.image).toBe(icons.holding);
    expect(t.tray.title).toBe('2');
    expect(t.tray.toolTip).toContain('2 held');
    expect(JSON.stringify([t.tray.toolTip, t.tray.title, t.tray.menu])).not.toMatch(/Anna|free|PR review/);

    t.click('Release held now');
    await flush();
    expect(t.batches().map((b) => b.batch.reason)).toEqual(['manual']);
    expect(t.tray.image).toBe(icons.focusing);
    expect(t.tray.title).toBe('');
    t.click('End focus now');
    await flush();
    expect(t.tray.image).toBe(icons.idle);
  });

  it('counts what waits for review as entries after a block ("9 to review in 2 conversations"); during a block only "held"', async () => {
    const t = setUp();
    t.engine.setSettings({ ...t.engine.getSettings(), breakthrough: { ...t.engine.getSettings().breakthrough, repeatEscalation: { attempts: 0, minutes: 30 } } });
    t.click('25 minutes');
    for (let i = 0; i < 5; i++) await t.post(`build ${i}`, { source: 'ci', thread: 'main' });
    for (let i = 0; i < 4; i++) await t.post(`lunch? ${i}`, { source: 'slack', sender: 'Anna' });
    await flush();
    expect(t.tray.toolTip).toBe('Lull — Focusing until 09:25 (25 min left) · 9 held\nNext batch at 12:00 (in 3 h)');
    t.click('Release held now');
    await flush();
    // Released inside the block: what waits for review is not pulled into view until the block ends.
    expect(t.tray.toolTip).toBe('Lull — Focusing until 09:25 (25 min left)\nNext batch at 12:00 (in 3 h)');
    await t.post('one more', { source: 'slack', sender: 'Bo' });
    t.click('End focus now');
    await flush();
    expect(t.tray.toolTip).toBe('Lull — Not focusing · 10 to review in 3 conversations\nNext batch at 12:00 (in 3 h)');
    expect(menuItem(t.tray.menu, /to review/)?.label).toBe('Not focusing · 10 to review in 3 conversations');
    expect(JSON.stringify([t.tray.toolTip, t.tray.menu])).not.toMatch(/build|lunch|Anna|Bo\b|main/);

    // Handling a whole entry takes it off; what is left reads as plain counts once nothing is grouped.
    for (const item of t.engine.listItems({ status: ['released'], limit: 50 }).items.filter((i) => i.source === 'ci')) t.engine.done(item.id);
    await flush();
    expect(t.tray.toolTip).toContain('Not focusing · 5 to review in 2 conversations');
    for (const item of t.engine.listItems({ status: ['released'], limit: 50 }).items.filter((i) => i.sender === 'Anna').slice(0, 3)) t.engine.dismiss(item.id);
    await flush();
    expect(t.tray.toolTip).toContain('Not focusing · 2 to review\n');

    // A tray opened later counts what waits from the store, in the user's language.
    t.control.dispose();
    const tray = new FakeTray(icons.idle);
    const actions = { startFocus: () => {}, endFocus: () => {}, releaseNow: () => {}, skipToday: () => {}, openDashboard: () => {}, quit: () => {} };
    const again = createTray({ tray, icons, buildMenu: (template: MenuItemConstructorOptions[]): FakeMenu => ({ template }), engine: t.engine, clock: t.clock, words: () => ({ language: 'sv', locale: 'sv-SE', timeZone: 'Europe/Stockholm' }), showsTitle: false, actions });
    expect(tray.toolTip).toBe('Lull — Inte i fokus · 2 att gå igenom\nNästa omgång 12:00 (om 3 tim)');
    again.dispose();
  });

  it('says review counts in Swedish with plural forms', () => {
    const words = { language: 'sv' as const, locale: 'sv-SE', timeZone: 'Europe/Stockholm' };
    expect(reviewLine({ items: 9, conversations: 2 }, words)).toBe('9 att gå igenom i 2 konversationer');
    expect(reviewLine({ items: 5, conversations: 1 }, words)).toBe('5 att gå igenom i 1 konversation');
    expect(reviewLine({ items: 5, conversations: 1 }, { ...words, language: 'en' })).toBe('5 to review in 1 conversation');
    expect(reviewLine({ items: 1, conversations: 1 }, { ...words, language: 'en' })).toBe('1 to review');
    expect(reviewLine({ items: 0, conversations: 0 }, words)).toBe('');
  });

  it('keeps "time left" true once a minute during a block, by the clock and not by polling the engine', async () => {
    const t = setUp();
    t.engine.startFocus({ minutes: 50 });
    await flush();
    const renders = t.menus();
    expect(t.tray.toolTip).toContain('(50 min left)');
    t.clock.advance(60_000);
    expect(t.tray.toolTip).toContain('(49 min left)');
    t.clock.advance(29 * 60_000);
    expect(t.tray.toolTip).toContain('(20 min left)');
    expect(t.menus() - renders).toBe(30);
    t.control.dispose();
    expect(t.tray.destroyed).toBe(true);
    t.clock.advance(60_000);
    expect(t.menus() - renders).toBe(30);
  });

  it('idle, it redraws when the next batch time passes', async () => {
    const t = setUp();
    t.clock.advanceTo('2026-11-23T11:00:01Z');
    expect(t.tray.toolTip).toContain('Next batch at 15:00 (in 3 h)');
  });

  it('the menu has every entry of the product: focus lengths, until next batch, custom, end, release, skip, dashboard, settings, quit', () => {
    const t = setUp();
    const labels = (items: MenuItemConstructorOptions[]): unknown[] => items.map((i) => (Array.isArray(i.submenu) ? [i.label, labels(i.submenu as MenuItemConstructorOptions[])] : (i.label ?? i.type)));
    expect(labels(t.tray.menu?.template ?? [])).toEqual([
      'Not focusing',
      'Next batch at 12:00 (in 3 h)',
      'separator',
      ['Start focus', ['25 minutes', '50 minutes', '90 minutes', 'Until the next batch (12:00)', 'Custom…']],
      'End focus now',
      'Release held now',
      "Skip today's schedule",
      'separator',
      'Open dashboard',
      'Settings…',
      'separator',
      'Quit Lull',
    ]);
    t.click('Custom…');
    t.click('Settings…');
    t.click('Open dashboard');
    t.click('Quit Lull');
    expect(t.opened).toEqual(['/focus', '/settings', undefined, 'quit']);
  });

  it('a refused action is logged, not thrown into the menu', async () => {
    const t = setUp();
    t.click('Until the next batch (12:00)');
    await flush();
    expect(t.tray.image).toBe(icons.focusing);
    expect(() => t.engine.startFocus({ minutes: 5 })).toThrow();
    expect(() => t.click('25 minutes')).not.toThrow();
  });

  it('speaks the user’s language and clock habit', () => {
    const status = { state: 'focus' as const, block: { id: 'b', kind: 'adhoc' as const, startedAt: 0, endsAt: Date.parse('2026-11-23T14:30:00Z'), endedAt: null, endReason: null }, held: 3, nextBatchAt: Date.parse('2026-11-23T17:00:00Z') };
    const now = Date.parse('2026-11-23T13:50:00Z');
    const en = tooltip(status, now, { language: 'en', locale: 'en-US', timeZone: 'Europe/Stockholm' });
    expect(en).toMatch(/^Lull — Focusing until 3:30\sPM \(40 min left\) · 3 held\nNext batch at 6:00\sPM \(in 3 h 10 min\)$/);
    const sv = tooltip(status, now, { language: 'sv', locale: 'sv-SE', timeZone: 'Europe/Stockholm' });
    expect(sv).toBe('Lull — Fokus till 15:30 (40 min kvar) · 3 väntar\nNästa omgång 18:00 (om 3 tim 10 min)');
    expect(trayLanguage('system', 'sv-FI')).toBe('sv');
    expect(trayLanguage('system', 'de-DE')).toBe('en');
    expect(trayLanguage('en', 'sv-SE')).toBe('en');
  });
});
