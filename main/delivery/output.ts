// What an output is to the rest of Lull: something that reacts to the engine's events and shows
// or changes something outside Lull (digests, the notification daemon's hold, the feed). A folder
// or file exports one OutputDefinition; Lull starts it with a context and it answers with stop()
// and, when it can fail in a way the user must know, health(). An output never sees a source.
import type { Clock, Health, SettingsSlice } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import type { EngineEvent, Status } from '../core/types.ts';
import type { Logger } from '../log.ts';

export interface OutputContext<S> {
  /** The engine's events; returns the unsubscribe. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
  status(): Status;
  clock: Clock;
  settings: SettingsSlice<S>;
  log: Logger;
  dataDir: string;
  /** The environment Lull was started with, never process.env directly. */
  env: Readonly<Record<string, string | undefined>>;
  /** Tells Lull that health() has changed. */
  healthChanged(now: Health): void;
}

export interface RunningOutput {
  health?(): Health;
  /** Puts back what it changed outside Lull and stops. */
  stop(): Promise<void>;
}

export interface OutputDefinition<S = unknown> {
  readonly name: string;
  /**
   * The source whose status line this output's health joins (the daemon hold joins the desktop
   * bus's: one line for "the desktop"). Listed under its own name when absent or when that
   * source does not run.
   */
  readonly healthOf?: string;
  readonly platforms?: readonly NodeJS.Platform[];
  settings(all: Settings): S;
  start(ctx: OutputContext<S>): RunningOutput | Promise<RunningOutput>;
}

export const defineOutput = <S>(definition: OutputDefinition<S>): OutputDefinition => definition as unknown as OutputDefinition;
