// The domain's nouns: what arrives, what is held, blocks of focus and the batches that end a hold.
// Times are epoch milliseconds inside the core; boundaries (API, UI) format them. Every enum is
// the vocabulary's (vocabulary.ts), never written out again here.
import type { z } from 'zod';
import type {
  batchReasonSchema,
  blockEndSchema,
  blockKindSchema,
  breakthroughRuleSchema,
  dispositionSchema,
  focusStateSchema,
  itemStatusSchema,
  prioritySchema,
  verdictSchema,
} from './vocabulary.ts';

export type Priority = z.output<typeof prioritySchema>;
export type Disposition = z.output<typeof dispositionSchema>;
export type BreakthroughRule = z.output<typeof breakthroughRuleSchema>;
export type ItemStatus = z.output<typeof itemStatusSchema>;
export type Verdict = z.output<typeof verdictSchema>;
export { BREAKTHROUGH_RULES } from './vocabulary.ts';

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
  /** Items with the same thread key (within one source) are released as one entry (PRODUCT.md §2). */
  thread?: string | undefined;
  /** When it resolves itself (a one-time code, "starts in 5 min"): a held item is then not released. Epoch ms. */
  expiresAt?: number | undefined;
  /** The application that raised it (desktop bus app name); defaults to the source. */
  app?: string | undefined;
  category?: string | undefined;
  /** An icon to show it with again (the desktop app's own); in memory only, never stored. */
  icon?: string | undefined;
}

export interface Item extends Omit<IncomingItem, 'icon'> {
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
  /** A breakthrough's "was it urgent?" answer; absent until the user gives one. */
  verdict?: Verdict | undefined;
}

export type BlockKind = z.output<typeof blockKindSchema>;
export type BlockEnd = z.output<typeof blockEndSchema>;

export interface FocusBlock {
  id: string;
  kind: BlockKind;
  startedAt: number;
  endsAt: number;
  endedAt: number | null;
  endReason: BlockEnd | null;
}

export type BatchReason = z.output<typeof batchReasonSchema>;

export interface Batch {
  id: string;
  at: number;
  reason: BatchReason;
  count: number;
}

export type FocusRequest = { minutes: number } | { until: 'next-batch' };

export interface Status {
  state: z.output<typeof focusStateSchema>;
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
  /**
   * `incoming` is what the source handed in, in memory only: an output that shows the item again
   * (a breakthrough while the desktop's daemon is held) shows it as it came, whatever is stored.
   */
  | { type: 'item-added'; item: Item; incoming: IncomingItem }
  | { type: 'item-changed'; item: Item }
  | { type: 'batch'; batch: Batch; items: Item[] }
  | { type: 'block-started'; block: FocusBlock }
  | { type: 'block-ended'; block: FocusBlock };

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
