// What the engine remembers, and for how long: dedupe keys for a day, each sender's recent
// attempts (attempts.ts) for the repeat window, and stored text for the retention the user chose. Once a day
// (and at once when the user shortens retention) text past it is erased and the memory pruned.
import { AttemptTracker, type AttemptRule } from './attempts.ts';
import type { EngineStore } from './ports.ts';
import { neverBreaksThrough } from './rules.ts';
import type { Settings } from './settings.ts';
import { MOMENT_GAP_MS } from './stats.ts';
import type { IncomingItem, Item } from './types.ts';

const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** An item remembered by its dedupe key, with the commit a duplicate must wait for. */
export interface Remembered {
  at: number;
  item: Item;
  committed: Promise<void>;
}

export interface RetentionOptions {
  store: Pick<EngineStore, 'eraseTextBefore' | 'eraseBodies'>;
  settings: () => Settings;
}

export function createRetention({ store, settings }: RetentionOptions) {
  const dedupe = new Map<string, Remembered>();
  const repeats = new AttemptTracker();
  const repeatRule = (): AttemptRule => {
    const { attempts, minutes } = settings().breakthrough.repeatEscalation;
    return { attempts, windowMs: minutes * MINUTE };
  };
  /** A source marked neverBreaksThrough cannot escalate, so its arrivals are not attempts. */
  const counts = (item: Pick<IncomingItem, 'source'>): boolean => !neverBreaksThrough(item, settings().breakthrough);
  /** The last time text past retention was erased (persisted as the engine's `retentionAt`). */
  let lastRunAt: number | null = null;

  return {
    get lastRunAt(): number | null {
      return lastRunAt;
    },

    /** Rebuilds the memory from the last day's items after a restart. */
    restore(recent: readonly Item[], ranAt: number | null): void {
      lastRunAt = ranAt;
      const rule = repeatRule();
      // Attempts are counted during blocks only (an item decided in a block carries its id).
      const inBlocks = recent.filter((i) => i.blockId !== null && counts(i)).sort((a, b) => a.receivedAt - b.receivedAt);
      for (const item of inBlocks) repeats.record(item.sender, item.receivedAt, rule);
      for (const item of recent) if (item.dedupeKey) dedupe.set(item.dedupeKey, { at: item.receivedAt, item, committed: Promise.resolve() });
    },

    /** The first item with this dedupe key within the last day, if any. */
    recall(key: string | undefined, now: number): Remembered | undefined {
      const seen = key ? dedupe.get(key) : undefined;
      return seen && seen.at > now - DAY ? seen : undefined;
    },

    /** The id remembered for a dedupe key, however old, until the daily prune forgets it. */
    idFor(key: string): string | undefined {
      return dedupe.get(key)?.item.id;
    },

    remember(key: string, remembered: Remembered): void {
      dedupe.set(key, remembered);
    },

    forget(key: string): void {
      dedupe.delete(key);
    },

    /**
     * Records an arrival during a block and returns the number of its sender's attempt within
     * the repeat window (0: no sender, or a source that never breaks through).
     */
    attempt(item: Pick<IncomingItem, 'sender' | 'source'>, now: number): number {
      return counts(item) ? repeats.record(item.sender, now, repeatRule()) : 0;
    },

    /** When the next daily erasure is due. */
    dueAt(now: number): number {
      return (lastRunAt ?? now) + DAY;
    },

    /** Erases text past retention and prunes the memory, at most once a day. */
    apply(now: number): void {
      if (lastRunAt !== null && now - lastRunAt < DAY) return;
      store.eraseTextBefore(now - settings().storage.retentionDays * DAY);
      lastRunAt = now;
      // A sender quiet for longer than the window and the moment gap has no attempt left to count.
      repeats.prune(now - Math.max(repeatRule().windowMs, MOMENT_GAP_MS));
      for (const [key, seen] of dedupe) if (seen.at <= now - DAY) dedupe.delete(key);
    },

    /**
     * Privacy choices apply to what is already stored, at once: no body is kept once the user
     * picks "titles only", and a shorter retention erases older text now, not tomorrow.
     * Returns true when stored bodies were erased (held copies must drop theirs too).
     */
    settingsChanged(before: Settings['storage'], after: Settings['storage']): boolean {
      const erased = after.mode === 'titles' && before.mode !== 'titles';
      if (erased) store.eraseBodies();
      if (after.retentionDays !== before.retentionDays) lastRunAt = null;
      return erased;
    },
  };
}

export type Retention = ReturnType<typeof createRetention>;
