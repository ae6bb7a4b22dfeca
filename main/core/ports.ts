// What the core needs from the world, as interfaces: a clock with timers, and a store.
// Implementations live in main/store (SQLite) and test/support (fake clock, memory store).
import type { z } from 'zod';
import type { Batch, FocusBlock, Item, ItemStatus, Verdict } from './types.ts';
import type { sourceStateSchema } from './vocabulary.ts';

export type Cancel = () => void;

export interface Clock {
  now(): number;
  /** Calls `fn` once at (or soon after) epoch-ms `at`. Returns a cancel function. */
  at(at: number, fn: () => void): Cancel;
}

/** What the engine persists besides items, blocks and batches. */
export interface EngineMeta {
  /** The last time the engine looked at the clock; batch boundaries after it are still owed. */
  lastTickAt: number | null;
  /** Local date (YYYY-MM-DD) whose scheduled blocks the user skipped. */
  skipDate: string | null;
  /** Start of the scheduled occurrence the user ended early, so it is not restarted. */
  endedOccurrence: number | null;
  /** Last time text past retention was erased. */
  retentionAt: number | null;
}

export interface ItemPatch {
  status?: ItemStatus;
  batchId?: string | null;
  releasedAt?: number | null;
  snoozedUntil?: number | null;
  handledAt?: number | null;
  verdict?: Verdict;
}

export interface ItemQuery {
  status?: ItemStatus[];
  /** Only breakthroughs with no "was it urgent?" answer yet (PRODUCT.md §2). */
  unjudged?: boolean;
  /** Only items received at or after this moment (epoch ms). */
  since?: number;
  limit: number;
  /** Opaque position from the previous page. */
  cursor?: string | undefined;
}

export interface ItemPage {
  items: Item[];
  nextCursor: string | null;
}

export interface EngineStore {
  /** Open items (held), the running block, meta, and items of the last day (dedupe, repeat escalation). */
  load(since: number): { held: Item[]; recent: Item[]; activeBlock: FocusBlock | null; meta: EngineMeta };
  /** Resolves once the item is durably committed (group commit is the store's business). */
  commitItem(item: Item): Promise<void>;
  updateItems(ids: readonly string[], patch: ItemPatch): void;
  saveBlock(block: FocusBlock): void;
  /** Records a batch and marks its items released, in one transaction. */
  saveBatch(batch: Batch, itemIds: readonly string[]): void;
  saveMeta(meta: EngineMeta): void;
  getItem(id: string): Item | null;
  listItems(query: ItemQuery): ItemPage;
  itemsBetween(from: number, to: number): Item[];
  blocksBetween(from: number, to: number): FocusBlock[];
  /** Erases title, body and url of items received before `before`; counts stay. Returns how many. */
  eraseTextBefore(before: number): number;
  /** Erases every stored body (the user chose "titles only"). Returns how many. */
  eraseBodies(): number;
}

/** How a source or an output is doing, as the status shows it. */
export interface Health {
  state: z.output<typeof sourceStateSchema>;
  /** One line for the user, without notification text. */
  detail?: string;
}

/** A source's or an output's own part of the settings. */
export interface SettingsSlice<S> {
  get(): S;
  /** Called when this slice (not the rest of the settings) changes; returns its unsubscribe. */
  onChange(listener: (next: S) => void): () => void;
}
