// Starts the outputs with their contexts, as doors.ts starts the sources (parts.ts does what they
// share): each hears the engine's events, reads the status, and gets the clock, the data dir and
// the environment. Its health can join the line of the source it belongs to.
import type { Clock, Health } from '../core/ports.ts';
import type { OutputDefinition } from '../delivery/output.ts';
import { startParts, type PartsOptions } from './parts.ts';

export interface OutputsOptions extends PartsOptions {
  clock: Clock;
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
}

export interface OutputHealth {
  health: Health;
  /** The source whose line it joins, if any. */
  healthOf?: string;
}

export interface Outputs {
  health(): Record<string, OutputHealth>;
  /** Resolves once every output has started, or failed to. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function openOutputs(definitions: readonly OutputDefinition[], opts: OutputsOptions): Outputs {
  const parts = startParts(definitions, opts, (definition, { log, settings, track, healthChanged }) =>
    definition.start({
      onEvent: (listener) => track(opts.engine.on(listener)),
      status: () => opts.engine.status(),
      clock: opts.clock,
      settings,
      log,
      dataDir: opts.dataDir,
      env: opts.env,
      healthChanged,
    }),
  );
  return {
    ready: parts.ready,
    health() {
      const out: Record<string, OutputHealth> = {};
      for (const [name, health] of parts.failed) out[name] = { health };
      for (const [definition, output] of parts.running) {
        const health = output.health?.();
        if (health) out[definition.name] = { health, ...(definition.healthOf !== undefined && { healthOf: definition.healthOf }) };
      }
      return out;
    },
    stop: () => parts.stop((output) => output.stop()),
  };
}

const RANK: Record<Health['state'], number> = { stopped: 0, unavailable: 0, degraded: 1, running: 2 };

/**
 * One line from a source's health and an output's that joins it: the source's when it cannot run
 * (stopped, unavailable), then the output's problem, then the source's, else both running lines.
 */
export function joinHealth(source: Health, output: Health): Health {
  if (RANK[source.state] === 0) return source;
  if (output.state !== 'running') return output;
  if (source.state !== 'running') return source;
  return { state: 'running', detail: [source.detail, output.detail].filter(Boolean).join('; ') };
}

/** The status lines by name: every source's, with the health of the outputs that join it folded in. */
export function foldHealth(sources: Record<string, Health>, outputs: Record<string, OutputHealth>): Record<string, Health> {
  const out = { ...sources };
  for (const [name, { health, healthOf }] of Object.entries(outputs)) {
    const into = healthOf !== undefined ? out[healthOf] : undefined;
    if (healthOf !== undefined && into) out[healthOf] = joinHealth(into, health);
    else out[name] = health;
  }
  return out;
}
