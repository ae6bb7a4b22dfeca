// The domain's nouns: what arrives, what is held, blocks of focus and the batches that end a hold.
// Times are epoch milliseconds inside the core; boundaries (API, UI) format them.

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type Disposition = 'held' | 'delivered' | 'breakthrough';
export type BreakthroughRule = 'urgent' | 'vip' | 'keyword' | 'app' | 'repeat';
export const BREAKTHROUGH_RULES: readonly BreakthroughRule[] = ['urgent', 'vip', 'keyword', 'app', 'repeat'];

/**
 * Where an item stands: `held` waits for a batch; `released` came out in a batch and waits
 * for review; `delivered` passed at once (no block, or a breakthrough); `done` and
 * `dismissed` were handled by the user.
 */
export type ItemStatus = 'held' | 'released' | 'delivered' | 'done' | 'dismissed';

/** What a source hands to the engine. */
export interface IncomingItem {
  source: string;
  title: string;
  body?: string | undefined;
  sender?: string | undefined;
  url?: string | undefined;
  priority?: Priority | undefined;
  tags?: string[] | undefined;
  dedupeKey?: string | undefined;
  /** The application that raised it (desktop bus app name); defaults to the source. */
  app?: string | undefined;
  category?: string | undefined;
}

export interface Item extends IncomingItem {
  id: string;
  receivedAt: number;
  disposition: Disposition;
  rule: BreakthroughRule | null;
  status: ItemStatus;
  blockId: string | null;
  batchId: string | null;
  releasedAt: number | null;
  snoozedUntil: number | null;
  handledAt: number | null;
}

export type BlockKind = 'adhoc' | 'scheduled';
export type BlockEnd = 'completed' | 'ended-early' | 'skipped';

export interface FocusBlock {
  id: string;
  kind: BlockKind;
  startedAt: number;
  endsAt: number;
  endedAt: number | null;
  endReason: BlockEnd | null;
}

export type BatchReason = 'schedule' | 'catch-up' | 'block-end' | 'max-hold' | 'manual';

export interface Batch {
  id: string;
  at: number;
  reason: BatchReason;
  count: number;
}

export type FocusRequest = { minutes: number } | { until: 'next-batch' };

export interface Status {
  state: 'idle' | 'focus';
  block: FocusBlock | null;
  held: number;
  nextBatchAt: number | null;
}

export interface IngestResult {
  item: Item;
  /** True when the dedupe key matched an item from the last 24 h: `item` is that first item. */
  duplicate: boolean;
}

/** Engine events: whoever listens (shell, host, API's SSE) reacts; the core never knows who. */
export type EngineEvent =
  | { type: 'state'; status: Status }
  | { type: 'item'; item: Item }
  | { type: 'item-updated'; item: Item }
  | { type: 'batch'; batch: Batch; items: Item[] }
  | { type: 'block-started'; block: FocusBlock }
  | { type: 'block-ended'; block: FocusBlock }
  | { type: 'settings'; reason: 'changed' | 'reset-corrupt'; detail?: string };

/** Domain errors carry a stable code the boundaries map to HTTP statuses or exit codes. */
export type LullErrorCode = 'conflict' | 'not-found' | 'invalid' | 'no-batch-time';

export class LullError extends Error {
  readonly code: LullErrorCode;
  constructor(code: LullErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'LullError';
  }
}
