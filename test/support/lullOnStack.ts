// Opens Lull (real SQLite in a temp dir, conf settings) with the desktop-bus source and the daemon
// hold on a private desktop stack, and collects what the engine records from the desktop. `source`
// is the desktop as the user sees it: the desktop-bus status line (with the hold's joined to it),
// and both halves' diagnostics and settled().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SettingsInput } from '../../main/core/settings.ts';
import type { Item } from '../../main/core/types.ts';
import { openLull, type Lull, type LullOptions } from '../../main/service/lull.ts';
import { createDesktopHold, type DesktopHoldOptions, type RunningDesktopHold } from '../../main/delivery/desktop/index.ts';
import { createDesktopBus, type DesktopBusOptions, type RunningDesktopBus } from '../../main/sources/desktopBus/index.ts';
import { inbox } from '../../main/sources/inbox/index.ts';
import type { SourceHealth } from '../../main/sources/source.ts';
import { openConfSettings } from '../../main/store/confSettings.ts';
import type { DesktopStack } from './desktopStack.ts';

export interface DesktopUnderTest {
  health(): SourceHealth;
  /** Hears each change of the status line; returns its unsubscribe. */
  onHealth(listener: (health: SourceHealth) => void): () => void;
  diagnostics(): Promise<Awaited<ReturnType<RunningDesktopHold['diagnostics']>> & ReturnType<RunningDesktopBus['diagnostics']>>;
  /** Resolves once what was captured is committed and the daemon operations asked for have run. */
  settled(): Promise<void>;
}

export interface LullOnStack {
  lull: Lull;
  source: DesktopUnderTest;
  dataDir: string;
  /** Resolves with the next `n` items the engine records from the desktop. */
  nextItems(n: number, timeoutMs?: number): Promise<Item[]>;
  close(): Promise<void>;
}

/** No schedule and no batch times: blocks and batches happen only when a test says so. */
export const quietSettings: SettingsInput = { schedule: [], batchTimes: [], timeZone: 'UTC' };

/** The environment Lull sees (default: the stack's), and the two halves' options. */
export type DesktopOptions = { env?: NodeJS.ProcessEnv; retry?: DesktopBusOptions['retry']; intake?: DesktopBusOptions['intake']; hold?: DesktopHoldOptions['hold'] };

export interface OnStackOptions {
  bus?: DesktopOptions;
  /** An existing data dir (kept on close); a fresh temp dir otherwise (removed on close). */
  dataDir?: string;
  clock?: LullOptions['clock'];
  settings?: SettingsInput;
}

export async function openLullOnStack(stack: DesktopStack, opts: OnStackOptions = {}): Promise<LullOnStack> {
  const givenDataDir = opts.dataDir;
  const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'lull-bus-'));
  const found: { bus?: RunningDesktopBus; hold?: RunningDesktopHold } = {};
  const bus = { hold: { settlePollMs: 100 }, ...opts.bus };
  const lull = openLull({
    dataDir,
    clock: opts.clock,
    openSettings: (cwd) => {
      const settings = openConfSettings(cwd);
      settings.patch({ ...quietSettings, ...opts.settings });
      return settings;
    },
    env: bus.env ?? stack.env,
    platform: 'linux',
    doors: [inbox, createDesktopBus({ retry: bus.retry, intake: bus.intake, onStarted: (s) => (found.bus = s) })],
    outputs: [createDesktopHold({ retry: bus.retry, hold: bus.hold, onStarted: (o) => (found.hold = o) })],
  });
  await lull.ready;
  const { bus: capture, hold } = found;
  if (!capture || !hold) throw new Error('the desktop-bus source or the daemon hold did not start');
  const health = (): SourceHealth => lull.sourceHealth()['desktop-bus'] ?? { state: 'stopped', detail: 'not listed' };
  const source: DesktopUnderTest = {
    health,
    onHealth(listener) {
      return lull.onContractEvent((channel) => {
        if (channel === 'state:changed') listener(health());
      });
    },
    async diagnostics() {
      return { ...capture.diagnostics(), ...(await hold.diagnostics()) };
    },
    async settled() {
      await capture.settled();
      await hold.settled();
    },
  };
  const seen: Item[] = [];
  const waiters: { n: number; resolve: (items: Item[]) => void }[] = [];
  lull.engine.on((e) => {
    if (e.type !== 'item-added' || e.item.source !== 'desktop') return;
    seen.push(e.item);
    for (const w of [...waiters]) {
      if (seen.length < w.n) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(seen.splice(0, w.n));
    }
  });
  return {
    lull,
    source,
    dataDir,
    nextItems(n, timeoutMs = 15_000) {
      if (seen.length >= n) return Promise.resolve(seen.splice(0, n));
      return new Promise((resolve, reject) => {
        const w = { n, resolve: (items: Item[]) => (clearTimeout(timer), resolve(items)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`only ${seen.length} of ${n} desktop items were recorded`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    async close() {
      await lull.close();
      if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it returns `want` (a real process changing state), or fails with the last value. */
export async function until<T>(probe: () => Promise<T>, want: T, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await probe();
  while (last !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    last = await probe();
  }
  return last;
}
