// Opens Lull's core for a process: the store, the settings, the engine and the operations.
// The Electron shell and the headless host both start here and differ only in their edges.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../core/clock.ts';
import { FocusEngine } from '../core/engine.ts';
import type { Clock } from '../core/ports.ts';
import type { EngineEvent } from '../core/types.ts';
import { createRepository } from '../store/repository.ts';
import type { SettingsHandle } from '../store/settingsStore.ts';
import { contractEvents, createOperations, type OperationDeps, type Operations } from './operations.ts';
import type { EventChannel, EventPayload } from '../../preload/contract.ts';

export interface LullOptions {
  dataDir: string;
  /** conf in the host, electron-store in the app: both give the same handle. */
  openSettings: (cwd: string) => SettingsHandle;
  clock?: Clock;
  openItem?: OperationDeps['openItem'];
  exportPdf?: OperationDeps['exportPdf'];
}

export type ContractListener = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

export interface Lull {
  engine: FocusEngine;
  settings: SettingsHandle;
  operations: Operations;
  dataDir: string;
  /** Engine events translated to the contract's events, for windows and SSE. */
  onContractEvent(listener: ContractListener): () => void;
  close(): void;
}

export function openLull(opts: LullOptions): Lull {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const settings = opts.openSettings(opts.dataDir);
  const repository = createRepository(join(opts.dataDir, 'lull.db'));
  const engine = new FocusEngine({ clock: opts.clock ?? systemClock, store: repository, settings: settings.get() });
  const listeners = new Set<ContractListener>();
  const publish = (event: EngineEvent): void => {
    const out = contractEvents(event, engine.getSettings().timeZone);
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
  if (recovered) queueMicrotask(() => publish({ type: 'settings', reason: 'reset-corrupt', detail: recovered.movedTo }));
  const operations = createOperations({ engine, settings, openItem: opts.openItem, exportPdf: opts.exportPdf });
  return {
    engine,
    settings,
    operations,
    dataDir: opts.dataDir,
    onContractEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      offEngine();
      offSettings();
      engine.stop();
      repository.close();
    },
  };
}
