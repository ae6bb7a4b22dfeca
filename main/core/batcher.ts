// The held items and their release as one batch: what waits, what is owed out (the maximum
// hold, a snooze's end), what expires (never released), and the batch itself. The engine decides when; this keeps what.
import type { EngineStore } from './ports.ts';
import { batchBoundaries, nextBatchAfter } from './schedule.ts';
import type { Settings } from './settings.ts';
import type { Batch, BatchReason, Item } from './types.ts';

/** A release this late after its boundary is reported as a catch-up (sleep, clock jump, restart). */
const CATCH_UP_AFTER = 60_000;

export interface BatcherOptions {
  store: Pick<EngineStore, 'saveBatch'>;
  newId: () => string;
  /** Batch times and the maximum hold, read at each use. */
  settings: () => Settings;
  /** Hears every batch once it is stored, with its items as released. */
  onBatch: (batch: Batch, items: Item[]) => void;
}

export function createBatcher({ store, newId, settings, onBatch }: BatcherOptions) {
  const held = new Map<string, Item>();

  /** When the oldest item not snoozed reaches the maximum hold. */
  const maxHoldDeadline = (): number | null => {
    let oldest: number | null = null;
    for (const i of held.values()) if (i.snoozedUntil === null && (oldest === null || i.receivedAt < oldest)) oldest = i.receivedAt;
    return oldest === null ? null : oldest + settings().maxHoldMinutes * 60_000;
  };

  /** When the first snooze ends. */
  const earliestSnooze = (): number | null => {
    let first: number | null = null;
    for (const i of held.values()) if (i.snoozedUntil !== null && (first === null || i.snoozedUntil < first)) first = i.snoozedUntil;
    return first;
  };

  /** When the first held item expires (its `expiresAt`): the engine resolves it then. */
  const earliestExpiry = (): number | null => {
    let first: number | null = null;
    for (const i of held.values()) if (i.expiresAt !== undefined && (first === null || i.expiresAt < first)) first = i.expiresAt;
    return first;
  };

  return {
    get size(): number {
      return held.size;
    },

    get(id: string): Item | undefined {
      return held.get(id);
    },

    /** Holds the item, or replaces the held copy of it (a snooze, an erased body). */
    hold(item: Item): void {
      held.set(item.id, item);
    },

    /** Takes an item out of the hold; false when it was not held. */
    drop(id: string): boolean {
      return held.delete(id);
    },

    /** The held items whose `expiresAt` has passed at `now` (still held: the caller resolves them). */
    expired(now: number): Item[] {
      const out: Item[] = [];
      for (const i of held.values()) if (i.expiresAt !== undefined && i.expiresAt <= now) out.push(i);
      return out;
    },

    /** Drops the body of every held copy (the user chose "titles only"). */
    forgetBodies(): void {
      for (const [id, item] of held) if (item.body !== undefined) held.set(id, { ...item, body: undefined });
    },

    /**
     * Releases what is due (every held item with `includeSnoozed`) as one batch; null when nothing
     * is. An expired item is never due: the engine resolves it first, and this holds even if not.
     */
    release(reason: BatchReason, now: number, includeSnoozed: boolean): Batch | null {
      const due = [...held.values()].filter(
        (i) => (i.expiresAt === undefined || i.expiresAt > now) && (includeSnoozed || i.snoozedUntil === null || i.snoozedUntil <= now),
      );
      if (due.length === 0) return null;
      const batch: Batch = { id: newId(), at: now, reason, count: due.length };
      store.saveBatch(batch, due.map((i) => i.id));
      const items = due.map((i): Item => {
        held.delete(i.id);
        return { ...i, status: 'released', batchId: batch.id, releasedAt: now, snoozedUntil: null };
      });
      onBatch(batch, items);
      return batch;
    },

    /**
     * The release owed at `now` since the engine last looked (`last`), by the first reason owed:
     * the block's end (`blockEnd`, when it releases), a batch boundary, the maximum hold or a
     * snooze's end. A late one, or several boundaries at once, is one catch-up. Null when none is.
     */
    owed(last: number, now: number, blockEnd: number | null): BatchReason | null {
      let dueSince: number | null = null;
      let reason: BatchReason | null = null;
      const owe = (r: BatchReason, at: number): void => {
        reason ??= r;
        dueSince = Math.min(dueSince ?? at, at);
      };
      if (blockEnd !== null) owe('block-end', blockEnd);
      const boundaries = batchBoundaries(settings(), last, now);
      if (boundaries.length > 0) owe('schedule', boundaries[0] ?? now);
      const deadline = maxHoldDeadline();
      if (deadline !== null && deadline <= now) owe('max-hold', deadline);
      const snoozeDue = earliestSnooze();
      if (snoozeDue !== null && snoozeDue <= now) owe('schedule', snoozeDue);
      if (reason === null || dueSince === null) return null;
      return now - dueSince > CATCH_UP_AFTER || boundaries.length > 1 ? 'catch-up' : reason;
    },

    /** The next moment something is owed: an expiry, the maximum hold, a snooze's end, the next batch time. */
    dueAt(now: number): number | null {
      const candidates = [earliestExpiry(), maxHoldDeadline(), earliestSnooze(), held.size > 0 ? nextBatchAfter(settings(), now) : null];
      const due = candidates.filter((c): c is number => c !== null);
      return due.length ? Math.min(...due) : null;
    },
  };
}

export type Batcher = ReturnType<typeof createBatcher>;
