// When the review window opens by itself (setting `reviewAt`): at block end, or also at each
// batch, and only when something is waiting for review — an empty window would be noise.
import type { Settings } from '../core/settings.ts';
import type { EngineEvent } from '../core/types.ts';

export interface ReviewTriggerOptions {
  engine: { on(listener: (event: EngineEvent) => void): () => void };
  reviewAt: () => Settings['reviewAt'];
  /** True when released items wait for review. */
  waiting: () => boolean;
  open: () => void;
}

export function openReviewOnSchedule(opts: ReviewTriggerOptions): () => void {
  return opts.engine.on((event) => {
    const when = opts.reviewAt();
    if (when === 'never') return;
    const due = event.type === 'block-ended' || (event.type === 'batch' && when === 'every-batch');
    if (due && opts.waiting()) opts.open();
  });
}
