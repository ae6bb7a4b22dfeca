// The shell's edges to the system, each with plain fakes: launch arguments, power events,
// clock and time-zone changes, launch at login, the global shortcut.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { followTimeZone, readSystemTimeZone, watchClock } from '../../main/service/clockWatch.ts';
import { forwardedSchema, parseLaunchArgs, runLaunchCommand } from '../../main/app/launchArgs.ts';
import { applyLaunchAtLogin, autostartEntry } from '../../main/app/loginItem.ts';
import { watchPower } from '../../main/app/power.ts';
import { bindFocusShortcut, SHORTCUT_FOCUS } from '../../main/app/shortcut.ts';
import { commandsOf } from '../../main/service/commands.ts';
import { createOperations } from '../../main/service/operations.ts';
import { harness } from '../support/engineHarness.ts';
import { openDatabase } from '../../main/store/database.ts';
import { createTokenStore } from '../../main/store/tokens.ts';
import { fileSecrets } from '../../main/store/secrets.ts';
import { settingsSchema, type Settings } from '../../main/core/settings.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();

describe('launch arguments', () => {
  it('reads the lull commands a launch carries and ignores Chromium switches', () => {
    expect(parseLaunchArgs([])).toEqual({ kind: 'show' });
    expect(parseLaunchArgs(['--login'])).toEqual({ kind: 'background' });
    expect(parseLaunchArgs(['--no-sandbox', 'focus', 'start', '90'])).toEqual({ kind: 'focus', request: { minutes: 90 } });
    expect(parseLaunchArgs(['focus', 'start', '--until-next-batch'])).toEqual({ kind: 'focus', request: { until: 'next-batch' } });
    expect(parseLaunchArgs(['focus', 'start'])).toEqual({ kind: 'focus', request: { minutes: 50 } });
    expect(parseLaunchArgs(['focus', 'stop'])).toEqual({ kind: 'stop' });
    expect(parseLaunchArgs(['release'])).toEqual({ kind: 'release' });
    expect(parseLaunchArgs(['settings'])).toEqual({ kind: 'open', window: 'dashboard', route: '/settings' });
    expect(parseLaunchArgs(['review'])).toEqual({ kind: 'open', window: 'review' });
    expect(parseLaunchArgs(['focus', 'start', '0']).kind).toBe('invalid');
    expect(parseLaunchArgs(['focus', 'start', '1e3']).kind).toBe('invalid');
    expect(parseLaunchArgs(['rm', '-rf'])).toEqual({ kind: 'invalid', message: 'unknown command: rm' });
    expect(forwardedSchema.safeParse({ args: ['x'.repeat(257)] }).success).toBe(false);
    expect(forwardedSchema.safeParse({ args: 'focus stop' }).success).toBe(false);
  });

  it('does what the command asks, and shows the dashboard for anything it cannot do', async () => {
    const done: string[] = [];
    const targets = { startFocus: (r: unknown) => done.push(`focus ${JSON.stringify(r)}`), endFocus: () => done.push('stop'), releaseNow: () => done.push('release'), open: (w: string, r?: string) => done.push(`open ${w} ${r ?? ''}`) };
    for (const args of [['focus', 'start', '25'], ['focus', 'stop'], ['release'], ['report'], ['bogus'], [], ['--login']]) await runLaunchCommand(parseLaunchArgs(args), targets);
    expect(done).toEqual(['focus {"minutes":25}', 'stop', 'release', 'open dashboard /report', 'open dashboard ', 'open dashboard ']);
  });

  it('goes through the same operations as IPC and HTTP: a refused command shows the dashboard', async () => {
    const h = harness('2026-11-23T08:00:00Z', { schedule: [] });
    const opened: string[] = [];
    const targets = { ...commandsOf(createOperations({ engine: h.engine, settings: { get: () => h.engine.getSettings(), patch: () => ({ ok: false, issues: [] }) }, tokens: createTokenStore(openDatabase(':memory:'), Date.now), secrets: fileSecrets(tempDir()) })), open: (w: string) => opened.push(w) };
    await runLaunchCommand(parseLaunchArgs(['focus', 'start', '25']), targets);
    expect(h.engine.status()).toMatchObject({ state: 'focus', block: { endsAt: Date.parse('2026-11-23T08:25:00Z') } });
    await runLaunchCommand(parseLaunchArgs(['focus', 'start', '25']), targets); // already focusing: refused by the operation
    expect(opened).toEqual(['dashboard']);
  });
});

describe('power events', () => {
  it('resync on suspend, resume and unlock; lock is only noted; shutdown quits', () => {
    const monitor = new EventEmitter();
    const seen: string[] = [];
    watchPower({ powerMonitor: monitor, resync: () => seen.push('resync'), onShutdown: () => seen.push('quit') });
    for (const event of ['suspend', 'resume', 'lock-screen', 'unlock-screen', 'shutdown']) monitor.emit(event);
    expect(seen).toEqual(['resync', 'resync', 'resync', 'quit']);
  });
});

describe('clock and time-zone watch', () => {
  function setUp() {
    let wall = 1_000_000;
    let mono = 0;
    let zone = 'Europe/Stockholm';
    let tick: () => void = () => {};
    const seen: string[] = [];
    const stop = watchClock({
      wallNow: () => wall,
      monotonicNow: () => mono,
      systemTimeZone: () => zone,
      every: (ms, fn) => {
        expect(ms).toBe(60_000);
        tick = fn;
        return () => seen.push('stopped');
      },
      onClockJump: () => seen.push('jump'),
      onTimeZoneChange: (from, to) => seen.push(`${from} → ${to}`),
    });
    const pass = (wallMs: number, monoMs = wallMs) => {
      wall += wallMs;
      mono += monoMs;
      tick();
    };
    return { seen, stop, pass, setZone: (z: string) => (zone = z) };
  }

  it('tells a wall-clock jump from time passing, and a time-zone change', () => {
    const w = setUp();
    w.pass(60_000);
    w.pass(60_010);
    expect(w.seen).toEqual([]);
    w.pass(60_000 + 3_600_000, 60_000);
    w.pass(60_000 - 600_000, 60_000);
    w.setZone('America/New_York');
    w.pass(60_000);
    w.stop();
    expect(w.seen).toEqual(['jump', 'jump', 'Europe/Stockholm → America/New_York', 'stopped']);
  });

  it('the setting follows the system zone when it was the system zone; otherwise the engine resyncs', () => {
    const done: string[] = [];
    const env: NodeJS.ProcessEnv = {};
    const lull = (zone: string) => ({ settingsTimeZone: () => zone, setTimeZone: (z: string) => done.push(`set ${z}`), resync: () => done.push('resync') });
    followTimeZone(lull('Europe/Stockholm'), 'Europe/Stockholm', 'Asia/Tokyo', env);
    followTimeZone(lull('Europe/London'), 'Europe/Stockholm', 'Asia/Tokyo', env);
    expect(done).toEqual(['set Asia/Tokyo', 'resync']);
    expect(env.TZ).toBe('Asia/Tokyo');
  });

  it('reads the zone from /etc/localtime, or Intl when there is no link', () => {
    expect(readSystemTimeZone(() => '/usr/share/zoneinfo/Europe/Stockholm')).toBe('Europe/Stockholm');
    expect(readSystemTimeZone(() => { throw new Error('EINVAL'); })).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('launch at login', () => {
  it('uses login items on macOS and Windows, and an XDG autostart entry on Linux', () => {
    const items: unknown[] = [];
    const set = (s: unknown) => void items.push(s);
    applyLaunchAtLogin({ enabled: true, platform: 'darwin', setLoginItemSettings: set, command: ['/Applications/Lull.app'] });
    applyLaunchAtLogin({ enabled: false, platform: 'win32', setLoginItemSettings: set, command: ['C:\\Lull.exe'] });
    expect(items).toEqual([{ openAtLogin: true, args: ['--login'] }, { openAtLogin: false, args: ['--login'] }]);
    const dir = join(tempDir(), 'autostart');
    applyLaunchAtLogin({ enabled: true, platform: 'linux', setLoginItemSettings: set, command: ['/opt/Lull $1/lull', '/app"x'], autostartDir: dir });
    expect(readFileSync(join(dir, 'lull.desktop'), 'utf8')).toContain('Exec="/opt/Lull \\$1/lull" "/app\\"x" "--login"\n');
    applyLaunchAtLogin({ enabled: false, platform: 'linux', setLoginItemSettings: set, command: [], autostartDir: dir });
    expect(existsSync(join(dir, 'lull.desktop'))).toBe(false);
    expect(items).toHaveLength(2);
    expect(autostartEntry(['/x'])).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Lull\n/);
  });
});

describe('global shortcut', () => {
  it('toggles focus through the service’s commands, follows the setting, and survives a refused accelerator', async () => {
    let settings: Settings = settingsSchema.parse({ shortcut: 'Alt+F' });
    const listeners = new Set<(s: Settings) => void>();
    const registered = new Map<string, () => void>();
    const taken = new Set(['Ctrl+Q']);
    const change = (shortcut: string) => {
      settings = { ...settings, shortcut };
      for (const l of listeners) l(settings);
    };
    const h = harness('2026-11-23T08:00:00Z', { schedule: [] });
    const commands = commandsOf(createOperations({ engine: h.engine, settings: { get: () => h.engine.getSettings(), patch: () => ({ ok: false, issues: [] }) }, tokens: createTokenStore(openDatabase(':memory:'), Date.now), secrets: fileSecrets(tempDir()) }));
    const state = () => h.engine.status().state;
    const flush = () => new Promise((resolve) => setImmediate(resolve));
    const bound = bindFocusShortcut({
      globalShortcut: {
        register: (a, cb) => {
          if (a === 'Nonsense+') throw new Error('invalid accelerator');
          if (taken.has(a)) return false;
          registered.set(a, cb);
          return true;
        },
        unregister: (a) => void registered.delete(a),
      },
      settings: { get: () => settings, onChange: (l) => (listeners.add(l), () => listeners.delete(l)) },
      toggle: () => commands.toggleFocus(SHORTCUT_FOCUS),
    });
    registered.get('Alt+F')?.();
    await flush();
    expect(state()).toBe('focus');
    expect(h.engine.status().block?.endsAt).toBe(Date.parse('2026-11-23T08:50:00Z'));
    registered.get('Alt+F')?.();
    await flush();
    expect(state()).toBe('idle');
    change('Ctrl+Q');
    expect(bound.registered()).toBeNull();
    expect([...registered.keys()]).toEqual([]);
    change('Nonsense+');
    expect(bound.registered()).toBeNull();
    change('Alt+G');
    expect([...registered.keys()]).toEqual(['Alt+G']);
    bound.dispose();
    expect([...registered.keys()]).toEqual([]);
  });
});
