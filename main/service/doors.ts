// Starts the sources (doors) with their contexts: ingest and withdraw go to the engine, each
// source gets its own slice of the settings (told only when that slice changes), a named
// logger, the environment and the secrets, and its routes are collected for the API to mount.
// A source that fails to start is logged and shown as unavailable; it never stops the others.
import type { FocusEngine } from '../core/engine.ts';
import type { Clock } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import { logger } from '../log.ts';
import type { DoorHandler, DoorMethod, RunningSource, Secrets, SourceDefinition, SourceHealth } from '../sources/source.ts';

export interface DoorRoute {
  method: DoorMethod;
  path: string;
  handler: DoorHandler;
}

export interface DoorsOptions {
  engine: FocusEngine;
  clock: Clock;
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
  secrets: Secrets;
  onSettings(listener: (settings: Settings) => void): () => void;
  /** Called when a source's health changes. */
  healthChanged(): void;
}

export interface Doors {
  routes: readonly DoorRoute[];
  health(): Record<string, SourceHealth>;
  /** Resolves once every source has started, or failed to. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function openDoors(definitions: readonly SourceDefinition[], opts: DoorsOptions): Doors {
  const routes: DoorRoute[] = [];
  const running = new Map<string, RunningSource>();
  const failed = new Map<string, SourceHealth>();
  const offs: (() => void)[] = [];
  const ready = Promise.all(
    definitions.map(async (definition) => {
      const log = logger(definition.name);
      const slice = () => definition.settings(opts.engine.getSettings());
      try {
        // start() runs up to its first await now, so every route is registered before the server is built.
        const source = await definition.start({
          ingest: (item) => opts.engine.ingest(item),
          withdraw: async (ref) => opts.engine.withdraw(ref),
          clock: opts.clock,
          settings: {
            get: slice,
            onChange(listener) {
              let last = JSON.stringify(slice());
              const off = opts.onSettings((all) => {
                const next = definition.settings(all);
                const text = JSON.stringify(next);
                if (text === last) return;
                last = text;
                listener(next);
              });
              offs.push(off);
              return off;
            },
          },
          log,
          dataDir: opts.dataDir,
          env: opts.env,
          secrets: opts.secrets,
          http: { route: (method, path, handler) => void routes.push({ method, path, handler }) },
          healthChanged: opts.healthChanged,
        });
        running.set(definition.name, source);
      } catch (error) {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, 'the source could not start');
        failed.set(definition.name, { state: 'unavailable', detail: 'could not start; see the log' });
      }
    }),
  ).then(() => {
    if (definitions.length > 0) opts.healthChanged();
  });
  return {
    routes,
    ready,
    // A source still starting is not listed yet: it has nothing to say until it runs or fails.
    health: () => ({ ...Object.fromEntries(failed), ...Object.fromEntries([...running].map(([name, s]) => [name, s.health()])) }),
    async stop() {
      await ready;
      for (const off of offs) off();
      await Promise.allSettled([...running.values()].map((s) => s.stop()));
    },
  };
}
