// Starts the outputs with their contexts, as doors.ts starts the sources: each hears the engine's
// events, reads the status, gets its own slice of the settings (told only when that slice
// changes), a named logger, the data dir and the environment. An output that fails to start is
// logged and shown as unavailable; it never stops the others.
import type { FocusEngine } from '../core/engine.ts';
import type { Clock, Health } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import type { OutputDefinition, RunningOutput } from '../delivery/output.ts';
import { logger } from '../log.ts';

export interface OutputsOptions {
  engine: FocusEngine;
  clock: Clock;
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
  onSettings(listener: (settings: Settings) => void): () => void;
  /** Called when an output's health changes. */
  healthChanged(): void;
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
  const running = new Map<OutputDefinition, RunningOutput>();
  const failed = new Map<string, Health>();
  const offs: (() => void)[] = [];
  const ready = Promise.all(
    definitions.map(async (definition) => {
      const log = logger(definition.name);
      const slice = () => definition.settings(opts.engine.getSettings());
      try {
        const output = await definition.start({
          onEvent: (listener) => {
            const off = opts.engine.on(listener);
            offs.push(off);
            return off;
          },
          status: () => opts.engine.status(),
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
          healthChanged: opts.healthChanged,
        });
        running.set(definition, output);
      } catch (error) {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, 'the output could not start');
        failed.set(definition.name, { state: 'unavailable', detail: 'could not start; see the log' });
      }
    }),
  ).then(() => {
    if (definitions.length > 0) opts.healthChanged();
  });
  return {
    ready,
    health() {
      const out: Record<string, OutputHealth> = {};
      for (const [name, health] of failed) out[name] = { health };
      for (const [definition, output] of running) {
        const health = output.health?.();
        if (health) out[definition.name] = { health, ...(definition.healthOf !== undefined && { healthOf: definition.healthOf }) };
      }
      return out;
    },
    async stop() {
      await ready;
      for (const off of offs) off();
      await Promise.allSettled([...running.values()].map((o) => o.stop()));
    },
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
