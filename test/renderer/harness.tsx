// Renderer tests run against Lull's real core: a SQLite file in a temp dir, the engine on a fake
// clock, the real IPC handlers and the real preload bridge over an in-memory ipc pair (only
// Electron itself is stood in for). Views render in jsdom with the window's real store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { StoreApi } from 'zustand';
import { registerIpc, type SenderEvent } from '../../main/app/ipc.ts';
import { SCHEDULE_ALWAYS, type SettingsInput } from '../../main/core/settings.ts';
import { openLull, type Lull } from '../../main/service/lull.ts';
import { openConfSettings } from '../../main/store/confSettings.ts';
import { createBridge, reviveErrors } from '../../preload/bridge.ts';
import type { LullApi } from '../../preload/contract.ts';
import { LocaleProvider } from '../../renderer/src/components/Locale.tsx';
import { createI18n } from '../../renderer/src/i18n/index.ts';
import { resolveLanguage } from '../../renderer/src/i18n/language.ts';
import { StoreProvider } from '../../renderer/src/store/context.tsx';
import { createDashboardStore, type DashboardStore } from '../../renderer/src/store/dashboardStore.ts';
import type { ReviewStore } from '../../renderer/src/store/reviewStore.ts';
import type { StoreDeps } from '../../renderer/src/store/slice.ts';
import { FakeClock } from '../support/fakeClock.ts';

export const MONDAY_0930 = '2026-11-23T09:30:00+01:00';

export interface Core {
  lull: Lull;
  api: LullApi;
  clock: FakeClock;
  /** Store deps on the same fake clock; timers run when the test calls `runTimers`. */
  deps: Partial<StoreDeps>;
  runTimers(): void;
  close(): Promise<void>;
}

export async function openCore(settings: SettingsInput = {}, start = MONDAY_0930): Promise<Core> {
  const dir = mkdtempSync(join(tmpdir(), 'lull-renderer-'));
  const patched = openConfSettings(dir).patch({ timeZone: 'Europe/Stockholm', schedule: [], scheduleFrom: SCHEDULE_ALWAYS, ...settings });
  if (!patched.ok) throw new Error(`bad test settings: ${JSON.stringify(patched.issues)}`);
  const clock = new FakeClock(start);
  const lull = openLull({ dataDir: dir, openSettings: openConfSettings, clock, openItem: async (url) => url !== undefined });
  const handlers = new Map<string, (event: SenderEvent, payload: unknown) => unknown>();
  registerIpc({ ipcMain: { handle: (channel, fn) => void handlers.set(channel, fn) }, operations: lull.operations, isTrustedSender: (url) => url.startsWith('lull://app/') });
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  lull.onContractEvent((channel, payload) => {
    for (const l of listeners.get(channel) ?? []) l({}, structuredClone(payload));
  });
  const api = overTheContextBridge(createBridge({
    invoke: async (channel, payload) => structuredClone(await handlers.get(channel)?.({ senderFrame: { url: 'lull://app/index.html' } }, structuredClone(payload))),
    on: (channel, l) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
    removeListener: (channel, l) => listeners.get(channel)?.delete(l),
  }));
  const timers: (() => void)[] = [];
  return {
    lull,
    api,
    clock,
    deps: {
      now: () => clock.now(),
      setTimeout: (fn) => timers.push(fn),
      clearTimeout: (handle) => {
        if (typeof handle === 'number') timers[handle - 1] = () => undefined;
      },
    },
    runTimers: () => timers.splice(0).forEach((fn) => fn()),
    async close() {
      await lull.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Posts an item through the engine, as a source would. */
export function ingest(core: Core, item: { source: string; title: string; sender?: string; body?: string; url?: string }) {
  return core.lull.engine.ingest(item);
}

/** The dashboard's store over the core, hydrated as the window does on mount. */
export async function openDashboard(core: Core): Promise<StoreApi<DashboardStore>> {
  const store = createDashboardStore(core.api, core.deps);
  await store.getState().hydrate();
  return store;
}

export function renderWindow(store: StoreApi<DashboardStore> | StoreApi<ReviewStore>, ui: ReactNode, languages: readonly string[] = ['en-GB']) {
  const i18n = createI18n(resolveLanguage('system', languages).language);
  return render(
    <StoreProvider store={store as StoreApi<DashboardStore | ReviewStore>}>
      <LocaleProvider i18n={i18n} systemLanguages={languages}>
        {ui}
      </LocaleProvider>
    </StoreProvider>,
  );
}

/** jsdom lays nothing out: give elements a size so the virtual list renders rows. */
export function giveLayout(): void {
  for (const [name, value] of [['offsetHeight', 600], ['offsetWidth', 800], ['clientHeight', 600], ['clientWidth', 800]] as const) {
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
  }
  HTMLElement.prototype.scrollTo ??= function scrollTo() {};
}

/**
 * The page's view of `window.lull`, as Electron's context bridge gives it: a rejection that is an
 * Error keeps only its message, anything else is copied; the page revives refusals as renderer/src/api/bridge.ts does.
 */
function overTheContextBridge(api: LullApi): LullApi {
  const crossed: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(api as unknown as Record<string, (...a: unknown[]) => unknown>)) {
    crossed[name] = (...args: unknown[]) => {
      const result = fn(...args);
      return result instanceof Promise ? result.catch((e: unknown) => Promise.reject(e instanceof Error ? new Error(e.message) : structuredClone(e))) : result;
    };
  }
  return reviveErrors(crossed as LullApi);
}
