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
import { inbox } from '../sources/inbox/index.ts';
import type { SourceDefinition, SourceHealth } from '../sources/source.ts';
import type { RunningSource, StartSource } from '../sources/legacySource.ts';
import { fileSecrets } from '../store/secrets.ts';
import { logger } from '../log.ts';
import { openDoors, type Doors } from './doors.ts';

const log = logger('lull');

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
  /** Sources of the older shape, started with the engine itself (the desktop bus, until it is a door). */
  sources?: readonly StartSource[];
}

export type ContractListener = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

export interface Lull {
  engine: FocusEngine;
  settings: SettingsHandle;
  operations: Operations;
  dataDir: string;
  /** The sources' HTTP routes, for the API to mount on Lull's port. */
  doors: Doors;
  /** Engine events translated to the contract's events, for windows and SSE. */
  onContractEvent(listener: ContractListener): () => void;
  /** Health of each started source, by name. */
  sourceHealth(): Record<string, SourceHealth>;
  /** Resolves once every source has started (or failed to, which is logged and shown as its health). */
  ready: Promise<void>;
  /** Stops the sources, then the engine, then closes the store: nothing acknowledged is lost. */
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
  const listeners = new Set<ContractListener>();
  const running: RunningSource[] = [];
  const failed: Record<string, SourceHealth> = {};
  let doors: Doors | null = null;
  const sourceHealth = (): Record<string, SourceHealth> => ({ ...doors?.health(), ...failed, ...Object.fromEntries(running.map((s) => [s.name, s.health()])) });
  const publish = (event: EngineEvent): void => {
    if (listeners.size === 0) return; // nobody to tell: skip presenting the status
    const out = contractEvents(event, engine.getSettings().timeZone, sourceHealth());
    for (const [channel, payload] of Object.entries(out)) {
      for (const l of listeners) l(channel as EventChannel, payload as EventPayload<EventChannel>);
    }
  };
  const offEngine = engine.on(publish);
  const offSettings = settings.onChange((next) => {
    engine.setSettings(next);
    for (const l of listeners) l('settings:changed', next);
  });
  engine.start();
  // Told on a microtask, so listeners attached right after openLull() hear it.
  const recovered = settings.recovered;
  // The settings store, not the engine, knows of a reset: it is told to listeners directly.
  if (recovered) queueMicrotask(() => listeners.forEach((l) => l('settings:reset', { movedTo: recovered.movedTo })));
  const operations = createOperations({ engine, settings, openItem: opts.openItem, exportPdf: opts.exportPdf, sourceHealth });
  // A source's health is part of Lull's state: a change is told as a state change.
  const stateChanged = (): void => publish({ type: 'state', status: engine.status() });
  doors = openDoors(opts.doors ?? [inbox], {
    engine,
    clock,
    dataDir: opts.dataDir,
    env: opts.env ?? {},
    secrets: fileSecrets(opts.dataDir),
    onSettings: (listener) => settings.onChange(listener),
    healthChanged: stateChanged,
  });
  const ready = Promise.all(
    (opts.sources ?? []).map(async (start, n) => {
      try {
        const source = await start({ engine, settings: () => engine.getSettings(), dataDir: opts.dataDir });
        running.push(source);
        source.onHealth(stateChanged);
      } catch (error) {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, 'a source could not start');
        failed[`source-${n}`] = { state: 'unavailable', detail: 'could not start' };
      }
    }),
  ).then(async () => {
    await doors.ready;
    if ((opts.sources ?? []).length > 0) stateChanged();
  });
  let closed: Promise<void> | null = null;
  return {
    engine,
    settings,
    operations,
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
        await Promise.allSettled([...running.map((s) => s.stop()), doors.stop()]);
        offEngine();
        offSettings();
        engine.stop();
        repository.close();
        lock.release();
      })();
      return closed;
    },
  };
}
