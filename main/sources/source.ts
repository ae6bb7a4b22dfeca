// What every source of notifications is to the rest of Lull: started with a context that lets
// it hand items to the engine and hear its events, stopped cleanly, and honest about its health.
import type { FocusEngine } from '../core/engine.ts';
import type { Settings } from '../core/settings.ts';

export interface SourceContext {
  engine: FocusEngine;
  settings(): Settings;
  /** Lull's data dir, for state a source must keep across a crash. */
  dataDir: string;
}

export interface SourceHealth {
  /** `unavailable`: cannot run here (no session bus …); `degraded`: runs, but something is missing. */
  state: 'running' | 'stopped' | 'unavailable' | 'degraded';
  /** One line for the user, without notification text. */
  detail?: string;
}

export interface RunningSource {
  readonly name: string;
  health(): SourceHealth;
  /** Listens for health changes; returns its unsubscribe. */
  onHealth(listener: (health: SourceHealth) => void): () => void;
  stop(): Promise<void>;
}

export type StartSource = (ctx: SourceContext) => Promise<RunningSource>;
