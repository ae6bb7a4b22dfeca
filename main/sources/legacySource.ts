// The older shape of a source, started with the engine itself: only the desktop bus still has it,
// until it is split into a door (sources/) and an output (delivery/). New sources use source.ts.
import type { FocusEngine } from '../core/engine.ts';
import type { Settings } from '../core/settings.ts';
import type { SourceHealth } from './source.ts';

export interface SourceContext {
  engine: FocusEngine;
  settings(): Settings;
  /** Lull's data dir, for state a source must keep across a crash. */
  dataDir: string;
}

export interface RunningSource {
  readonly name: string;
  health(): SourceHealth;
  /** Listens for health changes; returns its unsubscribe. */
  onHealth(listener: (health: SourceHealth) => void): () => void;
  stop(): Promise<void>;
}

export type StartSource = (ctx: SourceContext) => Promise<RunningSource>;
