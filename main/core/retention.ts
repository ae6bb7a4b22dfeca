// What the engine remembers, and for how long: dedupe keys for a day, each sender's recent
// attempts for the repeat window, and stored text for the retention the user chose. Once a day
// (and at once when the user shortens retention) text past it is erased and the memory pruned.
import type { EngineStore } from './ports.ts';
import { RepeatTracker } from './rules.ts';
import type { Settings } from './settings.ts';
import type { Item } from './types.ts';

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
  const repeats = new RepeatTracker();
  const repeatWindow = (): number => settings().breakthrough.repeatEscalation.minutes * MINUTE;
  /** The last time text past retention was erased (persisted as the engine's `retentionAt`). */
  let lastRunAt: number | null = null;

  return {
    get lastRunAt(): number | null {
      return lastRunAt;
    },

    /** Rebuilds the memory from the last day's items after a restart. */
    restore(recent: readonly Item[], ranAt: number | null): void {
      lastRunAt = ranAt;
      const windowMs = repeatWindow();
      for (const item of recent) {
        repeats.record(item.sender, item.receivedAt, windowMs);
        if (item.dedupeKey) dedupe.set(item.dedupeKey, { at: item.receivedAt, item, committed: Promise.resolve() });
      }
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

    /** Records an attempt from `sender` and returns how many it made within the repeat window. */
    attempt(sender: string | undefined, now: number): number {
      return repeats.record(sender, now, repeatWindow());
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
      repeats.prune(now - repeatWindow());
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
