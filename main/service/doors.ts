// Starts the sources (doors) with their contexts (parts.ts does what doors and outputs share):
// ingest and withdraw go to the engine, each source gets the clock, the environment and the
// secrets, and its routes are collected for the API to mount.
import type { Clock } from '../core/ports.ts';
import type { DoorHandler, DoorMethod, DoorRouteOptions, RunningSource, Secrets, SourceDefinition, SourceHealth } from '../sources/source.ts';
import { startParts, type PartsOptions } from './parts.ts';

export interface DoorRoute {
  method: DoorMethod;
  path: string;
  handler: DoorHandler;
  options: DoorRouteOptions;
}

export interface DoorsOptions extends PartsOptions {
  clock: Clock;
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
  secrets: Secrets;
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
  const parts = startParts(definitions, opts, (definition, { log, settings, healthChanged }) =>
    definition.start({
      ingest: (item) => opts.engine.ingest(item),
      withdraw: async (ref) => opts.engine.withdraw(ref),
      clock: opts.clock,
      settings,
      log,
      dataDir: opts.dataDir,
      env: opts.env,
      secrets: opts.secrets,
      http: { route: (method, path, handler, options = {}) => void routes.push({ method, path, handler, options }) },
      healthChanged,
    }),
  );
  return {
    routes,
    ready: parts.ready,
    // A source still starting is not listed yet: it has nothing to say until it runs or fails.
    health: () => ({ ...Object.fromEntries(parts.failed), ...Object.fromEntries([...parts.running].flatMap(([d, s]) => linesOf(d.name, s))) }),
    stop: () => parts.stop((source) => source.stop()),
  };
}

/** A running source's status lines: its parts' own when it has any, else its one line. */
function linesOf(name: string, source: RunningSource): [string, SourceHealth][] {
  const each = Object.entries(source.each?.() ?? {});
  return each.length > 0 ? each : [[name, source.health()]];
}
