// The composition root under the Electron stub, with a real store, real settings file and a real
// HTTP API on loopback: single instance and argument forwarding, lazy windows, the tray following
// the engine, digests, the review window at block end, power events, the shortcut, login items, quit.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../support/tempDir.ts';
import { bootShell, invoke, postNotification, quitShell, type Stub } from './bootShell.ts';

vi.mock('electron', () => import('../support/electronStub.ts'));
const notices = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock('node-notifier', () => ({
  default: {
    notify: (options: Record<string, unknown>, callback?: (error: null, response: string) => void) => {
      notices.push(options);
      callback?.(null, '');
    },
  },
}));

const tempDir = useTempDirs();
const argv = process.argv;
const env = { home: process.env.LULL_HOME, xdg: process.env.XDG_CONFIG_HOME };
let running: Stub | null = null;

afterEach(async () => {
  process.argv = argv;
  if (running) await quitShell(running);
  running = null;
  notices.length = 0;
  for (const [name, value] of [['LULL_HOME', env.home], ['XDG_CONFIG_HOME', env.xdg]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function boot(args: string[], opts: { granted?: boolean; defaultDataDir?: boolean } = {}) {
  const stub = await bootShell(tempDir(), args, opts);
  if (opts.granted !== false) running = stub;
  return stub;
}
const post = postNotification;

const trayOf = (stub: Stub) => {
  const tray = stub.electron.state.trays[0];
  if (!tray) throw new Error('no tray');
  return tray;
};

describe('the Electron shell', () => {
  it('quits at once when another Lull holds the single-instance lock', async () => {
    const stub = await boot(['focus', 'stop'], { granted: false });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stub.electron.state.quits).toBe(1);
    expect(stub.electron.state.trays).toHaveLength(0);
    expect(stub.electron.state.windows).toHaveLength(0);
    expect(stub.electron.state.singleInstance.data).toEqual({ args: ['focus', 'stop'] });
  });

  it('starts in the tray at login with no window, and a second launch forwards its lull arguments', async () => {
    const stub = await boot(['--login']);
    const tray = trayOf(stub);
    expect(stub.electron.state.windows).toHaveLength(0);
    expect(tray.image.path).toMatch(/tray-idle\.png$/);
    expect(tray.toolTip).toMatch(/^Lull — Not focusing/);

    stub.app.emit('second-instance', stub.preventable(), ['lull', 'focus', 'start', '25'], '/', { args: ['focus', 'start', '25'] });
    await vi.waitFor(() => expect(tray.image.path).toMatch(/tray-focusing\.png$/));
    expect(tray.toolTip).toMatch(/Focusing until .* \(25 min left\)/);
    expect(stub.menuItem(tray.menu, 'End focus now')?.enabled).toBe(true);
    expect(stub.menuItem(tray.menu, 'Start focus')?.enabled).toBe(false);
    expect(stub.electron.state.windows).toHaveLength(0);

    // Forged data from a second process is not trusted: it only shows the dashboard.
    stub.app.emit('second-instance', stub.preventable(), [], '/', { args: 'focus stop' });
    expect(stub.electron.state.windows).toHaveLength(1);
    stub.app.emit('second-instance', stub.preventable(), [], '/', { args: [] });
    expect(stub.electron.state.windows).toHaveLength(1);
    const dashboard = stub.electron.state.windows[0];
    expect(dashboard?.urls).toEqual(['lull://app/index.html']);
    expect(dashboard?.shown).toBe(false);
    dashboard?.emit('ready-to-show');
    expect(dashboard?.shown).toBe(true);
    expect((await invoke(stub, 'status:get')).value.state).toBe('focus');
  });

  it('creates windows lazily, one per kind, destroys them on close and remembers their bounds', async () => {
    const stub = await boot([]);
    expect(stub.electron.state.windows).toHaveLength(1);
    const first = stub.electron.state.windows[0];
    if (!first) throw new Error('no dashboard');
    first.bounds = { x: 40, y: 50, width: 900, height: 700 };
    first.close();
    expect(stub.FakeBrowserWindow.getAllWindows()).toHaveLength(0);
    expect(JSON.parse(readFileSync(join(stub.home, 'windows.json'), 'utf8')).dashboard).toEqual({ x: 40, y: 50, width: 900, height: 700 });
    stub.menuItem(trayOf(stub).menu, 'Settings…')?.click?.({} as never, undefined, {} as never);
    const second = stub.electron.state.windows[1];
    expect(second).not.toBe(first);
    expect(second?.options).toMatchObject({ x: 40, y: 50, width: 900, height: 700, show: false });
    expect(second?.urls).toEqual(['lull://app/index.html#/settings']);
  });

  it('holds through the HTTP inbox: the tray counts, a digest goes out at release, the review window opens at block end', async () => {
    const stub = await boot(['--login']);
    const tray = trayOf(stub);
    expect((await invoke(stub, 'focus:start', { minutes: 50 })).ok).toBe(true);
    expect((await post(stub.home, { source: 'ci', title: 'build 812 is green', sender: 'Anna' })).status).toBe(202);
    await vi.waitFor(() => expect(tray.image.path).toMatch(/tray-holding\.png$/));
    expect(tray.toolTip).toContain('1 held');
    const everything = JSON.stringify([tray.toolTip, tray.title, tray.menu?.template.map((i) => i.label)]);
    expect(everything).not.toMatch(/build 812|Anna/);
    expect(notices).toHaveLength(0);

    // A breakthrough that came through the inbox is shown at once, marked as Lull's own.
    expect((await post(stub.home, { source: 'pager', title: 'db down', priority: 'urgent' })).status).toBe(202);
    expect(notices).toEqual([expect.objectContaining({ title: 'db down', 'app-name': 'Lull', hint: 'string:x-lull:digest', urgency: 'critical' })]);

    expect(stub.electron.state.windows).toHaveLength(0);
    expect((await invoke(stub, 'focus:stop')).value).toEqual({ released: 1 });
    expect(notices[1]).toMatchObject({ title: 'Lull', message: '1 held\nci · Anna · 1 message', 'app-name': 'Lull', hint: 'string:x-lull:digest', sound: false });
    const review = stub.electron.state.windows[0];
    expect(review?.urls).toEqual(['lull://app/review.html']);
    await vi.waitFor(() => expect(review?.webContents.sent.map((s) => s.channel)).toContain('state:changed'));
    await vi.waitFor(() => expect(tray.image.path).toMatch(/tray-idle\.png$/));
  });

  it('resyncs the engine on suspend, resume and unlock', async () => {
    const stub = await boot(['--login']);
    const { FocusEngine } = await import('../../main/core/engine.ts');
    const resync = vi.spyOn(FocusEngine.prototype, 'resync');
    stub.powerMonitor.emit('suspend');
    stub.powerMonitor.emit('resume');
    stub.powerMonitor.emit('lock-screen');
    stub.powerMonitor.emit('unlock-screen');
    expect(resync).toHaveBeenCalledTimes(3);
    resync.mockRestore();
  });

  it('toggles focus with the shortcut from settings, registered again when it changes', async () => {
    const stub = await boot(['--login']);
    const shortcuts = stub.electron.state.shortcuts;
    expect([...shortcuts.keys()]).toEqual(['CommandOrControl+Alt+F']);
    shortcuts.get('CommandOrControl+Alt+F')?.();
    expect((await invoke(stub, 'status:get')).value.state).toBe('focus');
    expect((await invoke(stub, 'settings:patch', { shortcut: 'Alt+Shift+L' })).ok).toBe(true);
    expect([...shortcuts.keys()]).toEqual(['Alt+Shift+L']);
    shortcuts.get('Alt+Shift+L')?.();
    expect((await invoke(stub, 'status:get')).value.state).toBe('idle');
  });

  it('follows launchAtLogin with an XDG autostart entry on Linux', async () => {
    const stub = await boot(['--login']);
    const entry = join(stub.home, 'xdg', 'autostart', 'lull.desktop');
    expect(existsSync(entry)).toBe(false);
    expect((await invoke(stub, 'settings:patch', { launchAtLogin: true })).ok).toBe(true);
    expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=".*" "--login"$/m);
    expect((await invoke(stub, 'settings:patch', { launchAtLogin: false })).ok).toBe(true);
    expect(existsSync(entry)).toBe(false);
  });

  it('exports the weekly report as PDF through printToPDF in a window it destroys', async () => {
    const stub = await boot(['--login']);
    const result = await invoke(stub, 'report:pdf', { week: '2026-W47' });
    expect(result.ok).toBe(true);
    expect(result.value.path).toBe(join(stub.home, 'Lull report 2026-W47.pdf'));
    expect(readFileSync(result.value.path, 'utf8')).toMatch(/^%PDF/);
    const print = stub.electron.state.windows[0];
    expect(print?.destroyed).toBe(true);
    expect(print?.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true });
    expect(print?.urls[0]).toMatch(/^data:text\/html/);
  });

  it('without $LULL_HOME, keeps its data where the host and the lull command look, not in Electron\'s userData', async () => {
    const stub = await boot(['--login'], { defaultDataDir: true });
    const { defaultDataDir } = await import('../../main/service/dataDir.ts');
    expect(stub.home).toBe(defaultDataDir());
    expect(existsSync(join(stub.home, 'lull.db'))).toBe(true);
    expect(existsSync(stub.electron.state.paths.userData ?? '')).toBe(false);
  });

  it('closes Lull on quit: the API file is removed and the tray destroyed', async () => {
    const stub = await boot(['--login']);
    stub.app.quit();
    await vi.waitFor(() => expect(stub.electron.state.quits).toBe(2));
    expect(existsSync(join(stub.home, 'api.json'))).toBe(false);
    expect(trayOf(stub).destroyed).toBe(true);
  });
});
