// Opens Lull's core for a process: the store, the settings, the engine and the operations.
// The Electron shell and the headless host both start here and differ only in their edges.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../core/clock.ts';
import { FocusEngine } from '../core/engine.ts';
import type { Clock } from '../core/ports.ts';
import type { EngineEvent } from '../core/types.ts';
import { acquireInstanceLock } from '../store/instanceLock.ts';
import { createRepository } from '../store/repository.ts';
import type { SettingsHandle } from '../store/settingsStore.ts';
import { contractEvents } from './events.ts';
import { createOperations, type OperationDeps, type Operations } from './operations.ts';
import type { EventChannel, EventPayload } from '../../preload/contract.ts';
import type { OutputDefinition } from '../delivery/output.ts';
import { inbox } from '../sources/inbox/index.ts';
import type { SourceDefinition, SourceHealth } from '../sources/source.ts';
import { fileSecrets, type SecretStore } from '../store/secrets.ts';
import { createTokenStore, type TokenStore } from '../store/tokens.ts';
import { openDoors, type Doors } from './doors.ts';
import { foldHealth, openOutputs } from './outputs.ts';
import { mailName } from '../core/mailSettings.ts';
import { settingsView } from './settingsView.ts';

export interface LullOptions {
  dataDir: string;
  /** conf in the host, electron-store in the app: both give the same handle. */
  openSettings: (cwd: string) => SettingsHandle;
  clock?: Clock;
  openItem?: OperationDeps['openItem'];
  exportPdf?: OperationDeps['exportPdf'];
  /** The doors to open (sources/index.ts lists them all); default: the HTTP inbox alone. */
  doors?: readonly SourceDefinition[];
  /** The environment sources and outputs see (the roots pass process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** What leaves Lull (delivery/index.ts lists them): digests, the daemon hold; default: none. */
  outputs?: readonly OutputDefinition[];
  /** Doors and outputs that name their platforms start only on this one (default: process.platform). */
  platform?: NodeJS.Platform;
  /** Mail and calendar passwords: the app's safeStorage store; default: <data dir>/secrets.json (the host's). */
  secrets?: SecretStore;
}

/** Whether a door or an output runs on `platform` (every platform when it names none). */
export const runsOn = (platform: NodeJS.Platform) => (d: { platforms?: readonly NodeJS.Platform[] }): boolean => !d.platforms || d.platforms.includes(platform);

export type ContractListener = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

export interface Lull {
  engine: FocusEngine;
  settings: SettingsHandle;
  operations: Operations;
  /** The notify-only tokens; the API asks them who a request's token belongs to. */
  tokens: TokenStore;
  dataDir: string;
  /** The sources' HTTP routes, for the API to mount on Lull's port. */
  doors: Doors;
  /** Engine events translated to the contract's events, for windows and SSE. */
  onContractEvent(listener: ContractListener): () => void;
  /** Health of each started source, by name, with the outputs' health joined to the source it belongs to. */
  sourceHealth(): Record<string, SourceHealth>;
  /** Resolves once every source and output has started (or failed to, which is logged and shown as its health). */
  ready: Promise<void>;
  /** Stops the sources, then the outputs, then the engine, then closes the store: nothing acknowledged is lost. */
  close(): Promise<void>;
}

export function openLull(opts: LullOptions): Lull {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  // One Lull per data dir: a second one (host or app) is refused before it touches anything.
  const lock = acquireInstanceLock(opts.dataDir);
  let settings: SettingsHandle;
  let repository: ReturnType<typeof createRepository>;
  try {
    settings = opts.openSettings(opts.dataDir);
    repository = createRepository(join(opts.dataDir, 'lull.db'));
  } catch (error) {
    lock.release();
    throw error;
  }
  const clock = opts.clock ?? systemClock;
  const engine = new FocusEngine({ clock, store: repository, settings: settings.get() });
  const tokens = createTokenStore(repository.db, () => clock.now());
  const listeners = new Set<ContractListener>();
  let doors: Doors | null = null;
  let outputs: ReturnType<typeof openOutputs> | null = null;
  const sourceHealth = (): Record<string, SourceHealth> => foldHealth(doors?.health() ?? {}, outputs?.health() ?? {});
  const publish = (event: EngineEvent): void => {
    if (listeners.size === 0) return; // nobody to tell: skip presenting the status
    const out = contractEvents(event, engine.getSettings().timeZone, sourceHealth);
    for (const [channel, payload] of Object.entries(out)) {
      for (const l of listeners) l(channel as EventChannel, payload as EventPayload<EventChannel>);
    }
  };
  const offEngine = engine.on(publish);
  const secrets = opts.secrets ?? fileSecrets(opts.dataDir);
  const view = (): EventPayload<'settings:changed'> => settingsView(settings.get(), (name) => secrets.has(name));
  const offSettings = settings.onChange((next) => {
    engine.setSettings(next);
    if (listeners.size > 0) for (const l of listeners) l('settings:changed', settingsView(next, (name) => secrets.has(name)));
  });
  // A password stored or forgotten changes what a mail account shows (`password: "stored"`).
  const offSecrets = secrets.onChange((name) => {
    if (listeners.size === 0 || !settings.get().sources.mail.some((a) => mailName(a.name) === name)) return;
    const shown = view();
    for (const l of listeners) l('settings:changed', shown);
  });
  engine.start();
  // Told on a microtask, so listeners attached right after openLull() hear it.
  const recovered = settings.recovered;
  // The settings store, not the engine, knows of a reset: it is told to listeners directly.
  if (recovered) queueMicrotask(() => listeners.forEach((l) => l('settings:reset', { movedTo: recovered.movedTo })));
  const operations = createOperations({ engine, settings, openItem: opts.openItem, exportPdf: opts.exportPdf, sourceHealth, clock, tokens, secrets, env: opts.env ?? {} });
  // A source's health is part of Lull's state: a change is told as a state change.
  const stateChanged = (): void => publish({ type: 'state', status: engine.status() });
  const here = runsOn(opts.platform ?? process.platform);
  doors = openDoors((opts.doors ?? [inbox]).filter(here), {
    engine,
    clock,
    dataDir: opts.dataDir,
    env: opts.env ?? {},
    // Sources read a secret and hear of changes; they never write one.
    secrets: { get: (name) => secrets.get(name), onChange: (listener) => secrets.onChange(listener) },
    onSettings: (listener) => settings.onChange(listener),
    healthChanged: stateChanged,
  });
  outputs = openOutputs((opts.outputs ?? []).filter(here), {
    engine,
    clock,
    dataDir: opts.dataDir,
    env: opts.env ?? {},
    onSettings: (listener) => settings.onChange(listener),
    healthChanged: stateChanged,
  });
  const ready = Promise.all([doors.ready, outputs.ready]).then(() => undefined);
  let closed: Promise<void> | null = null;
  return {
    engine,
    settings,
    operations,
    tokens,
    dataDir: opts.dataDir,
    doors,
    onContractEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sourceHealth,
    ready,
    close() {
      closed ??= (async () => {
        await ready;
        // Sources first: what they accepted is committed, and outputs still hear its events.
        await doors.stop().catch(() => {});
        await outputs.stop().catch(() => {});
        offEngine();
        offSettings();
        offSecrets();
        engine.stop();
        repository.close();
        lock.release();
      })();
      return closed;
    },
  };
}
