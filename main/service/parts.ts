// What starting the doors (sources) and the outputs share: each gets a named logger, its own
// slice of the settings (told only when that slice changes) and a healthChanged() that tells Lull
// only real changes; each starts at once, side by side; one that fails to start is logged and
// shown as unavailable, and never stops the others.
import type { FocusEngine } from '../core/engine.ts';
import type { Health, SettingsSlice } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import { logger, type Logger } from '../log.ts';

export interface PartsOptions {
  engine: FocusEngine;
  onSettings(listener: (settings: Settings) => void): () => void;
  /** Called once every part has started or failed, so the status shows their health. */
  healthChanged(): void;
}

export interface PartBasics<S> {
  log: Logger;
  settings: SettingsSlice<S>;
  /** The part's health now: logged and told to Lull only when it differs from the last one. */
  healthChanged(now: Health): void;
  /** Keeps an unsubscribe to call when the parts stop. */
  track(off: () => void): () => void;
}

export interface Parts<D, R> {
  running: Map<D, R>;
  failed: Map<string, Health>;
  ready: Promise<void>;
  /** Unsubscribes what the parts listened to, then stops each (after every start has settled). */
  stop(stopOne: (part: R) => Promise<void>): Promise<void>;
}

export function startParts<S, D extends { name: string; settings(all: Settings): S }, R>(
  definitions: readonly D[],
  opts: PartsOptions,
  start: (definition: D, basics: PartBasics<S>) => R | Promise<R>,
): Parts<D, R> {
  const running = new Map<D, R>();
  const failed = new Map<string, Health>();
  const offs: (() => void)[] = [];
  const track = (off: () => void): (() => void) => (offs.push(off), off);
  const ready = Promise.all(
    definitions.map(async (definition) => {
      const log = logger(definition.name);
      const slice = (): S => definition.settings(opts.engine.getSettings());
      let lastHealth = '';
      const healthChanged = (now: Health): void => {
        const key = `${now.state}|${now.detail ?? ''}`;
        if (key === lastHealth) return;
        lastHealth = key;
        log.info({ state: now.state, detail: now.detail }, 'health');
        opts.healthChanged();
      };
      const settings: SettingsSlice<S> = {
        get: slice,
        onChange(listener) {
          let last = JSON.stringify(slice());
          return track(
            opts.onSettings((all) => {
              const next = definition.settings(all);
              const text = JSON.stringify(next);
              if (text === last) return;
              last = text;
              listener(next);
            }),
          );
        },
      };
      try {
        // start() runs up to its first await now: a door's routes are registered before the server is built.
        running.set(definition, await start(definition, { log, settings, track, healthChanged }));
      } catch (error) {
        log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not start');
        failed.set(definition.name, { state: 'unavailable', detail: 'could not start; see the log' });
      }
    }),
  ).then(() => {
    if (definitions.length > 0) opts.healthChanged();
  });
  return {
    running,
    failed,
    ready,
    async stop(stopOne) {
      await ready;
      for (const off of offs) off();
      await Promise.allSettled([...running.values()].map(stopOne));
    },
  };
}
