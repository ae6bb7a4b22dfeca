// What happens to an item after the decision: the user marks it done or dismisses it, snoozes
// it to the next batch, or its source takes it back because it resolved itself (PRODUCT.md §2).
import type { Batcher } from './batcher.ts';
import type { Clock, EngineStore } from './ports.ts';
import { nextBatchAfter } from './schedule.ts';
import type { Settings } from './settings.ts';
import { LullError, type Item, type Verdict } from './types.ts';

const MINUTE = 60_000;

export type WithdrawRef = { id: string } | { dedupeKey: string };

export interface HandlingOptions {
  clock: Clock;
  store: Pick<EngineStore, 'updateItems' | 'getItem'>;
  settings: () => Settings;
  hold: Batcher;
  /** One item by id, held or not; throws not-found otherwise. */
  find: (id: string) => Item;
  /** The item remembered for a dedupe key. */
  idFor: (dedupeKey: string) => string | undefined;
  /**
   * Hears each change once stored: `rearm` when the timer needs a new look, `held` when the
   * number of held items changed.
   */
  onChange: (item: Item, now: number, what: { rearm: boolean; held: boolean }) => void;
}

export function createHandling({ clock, store, settings, hold, find, idFor, onChange }: HandlingOptions) {
  const handle = (id: string, status: 'done' | 'dismissed'): Item => {
    const now = clock.now();
    const updated: Item = { ...find(id), status, handledAt: now, snoozedUntil: null };
    store.updateItems([id], { status, handledAt: now, snoozedUntil: null });
    onChange(updated, now, { rearm: false, held: hold.drop(id) });
    return updated;
  };

  return {
    done: (id: string): Item => handle(id, 'done'),

    dismiss: (id: string): Item => handle(id, 'dismissed'),

    /** Holds the item again until the next batch (or the maximum hold, with no batch time set). */
    snooze(id: string): Item {
      const now = clock.now();
      const item = find(id);
      const until = nextBatchAfter(settings(), now) ?? now + settings().maxHoldMinutes * MINUTE;
      const updated: Item = { ...item, status: 'held', snoozedUntil: until, handledAt: null };
      store.updateItems([id], { status: 'held', snoozedUntil: until, handledAt: null });
      hold.hold(updated);
      onChange(updated, now, { rearm: true, held: true });
      return updated;
    },

    /** "Was it urgent?": only a breakthrough has a verdict; it may be changed, never erased. */
    judge(id: string, verdict: Verdict): Item {
      const item = find(id);
      if (item.disposition !== 'breakthrough') throw new LullError('conflict', 'only a breakthrough can be judged urgent or not');
      const updated: Item = { ...item, verdict };
      store.updateItems([id], { verdict });
      onChange(updated, clock.now(), { rearm: false, held: false });
      return updated;
    },

    /**
     * Takes back an item its source withdrew (it resolved itself): a held item is not released,
     * one waiting for review needs none. Handled items stay as they are. Null when none matches.
     */
    withdraw(ref: WithdrawRef): Item | null {
      const now = clock.now();
      const id = 'id' in ref ? ref.id : idFor(ref.dedupeKey);
      const item = id === undefined ? null : (hold.get(id) ?? store.getItem(id));
      if (!item || (item.status !== 'held' && item.status !== 'released')) return item;
      const updated: Item = { ...item, status: 'resolved', handledAt: now, snoozedUntil: null };
      store.updateItems([item.id], { status: 'resolved', handledAt: now, snoozedUntil: null });
      const wasHeld = hold.drop(item.id);
      onChange(updated, now, { rearm: wasHeld, held: wasHeld });
      return updated;
    },

    /**
     * Resolves every held item whose `expiresAt` has passed, as a withdrawal would: it is not
     * released in any batch. It resolved at its expiry (`handledAt`), not when Lull noticed after
     * a sleep or a restart, so the hold times in the report stay true. The caller re-arms.
     */
    expire(now: number): Item[] {
      const gone = hold.expired(now);
      if (gone.length === 0) return gone;
      const byMoment = new Map<number, string[]>();
      const resolved = gone.map((item): Item => {
        const at = Math.min(now, Math.max(item.receivedAt, item.expiresAt ?? now));
        const ids = byMoment.get(at);
        if (ids) ids.push(item.id);
        else byMoment.set(at, [item.id]);
        hold.drop(item.id);
        return { ...item, status: 'resolved', handledAt: at, snoozedUntil: null };
      });
      for (const [at, ids] of byMoment) store.updateItems(ids, { status: 'resolved', handledAt: at, snoozedUntil: null });
      for (const item of resolved) onChange(item, now, { rearm: false, held: true });
      return resolved;
    },
  };
}

export type Handling = ReturnType<typeof createHandling>;
