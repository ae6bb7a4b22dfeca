// Queue actions, keyboard first: move, open, done, dismiss, snooze, on an item or a whole group.
// An action shows at once and reaches main when the next one is taken or the undo window
// closes (or the window hides), so "undo" needs no inverse operation in main.
import type { Item } from '../../../../../preload/contract.ts';
import { errorMessage, listAll, refresher, type SliceCreator } from '../../slice.ts';
import type { SessionSlice } from '../session/action.ts';
import { initialQueueState, type QueueActionKind, type QueueState, type QueueView } from './initialState.ts';
import { queueSelectors, type QueueRow } from './selectors.ts';

export const UNDO_MS = 8_000;
const PAGE = 1000;
const PARALLEL = 8;

export interface QueueAction {
  /** Loads the whole queue, page by page; the first page paints before the rest arrive. */
  loadQueue(): Promise<void>;
  /** Main says `held` items are held: reload when the held view does not match. */
  heldCountIs(held: number): void;
  /** An item arrived: a held one joins the held view in place (no listing of the whole queue). */
  itemAdded(item: Item): void;
  /** An item changed (handled, snoozed, withdrawn): updated in place, or dropped from a view it left. */
  itemChanged(item: Item): void;
  setActive(key: string | null): void;
  moveActive(delta: number): void;
  moveActiveTo(where: 'first' | 'last'): void;
  toggleGroup(key?: string, open?: boolean): void;
  act(kind: QueueActionKind, key?: string): void;
  openActive(): Promise<void>;
  undo(): void;
  /** Sends the pending action to main now. */
  flush(): Promise<void>;
  reveal(): void;
  setHelp(open: boolean): void;
}

export type QueueSlice = QueueState & QueueAction;

/** Which items a view shows: the held queue, or what a batch released and waits for review. */
const VIEW_STATUS: Record<QueueView, Item['status']> = { held: 'held', review: 'released' };

/** Main's order: arrival, then id. */
const before = (a: Item, b: Item): boolean => {
  const ta = Date.parse(a.receivedAt);
  const tb = Date.parse(b.receivedAt);
  return ta < tb || (ta === tb && a.id < b.id);
};

/** `items` with `item` in its place in main's order; arrivals are newest, so the search starts at the end. */
function insertInOrder(items: readonly Item[], item: Item): Item[] {
  let at = items.length;
  while (at > 0 && before(item, items[at - 1]!)) at--;
  return [...items.slice(0, at), item, ...items.slice(at)];
}

/** The set less `ids`; the same set when none of them is in it (so nothing re-derives). */
const without = (set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> => {
  if (!ids.some((id) => set.has(id))) return set;
  const out = new Set(set);
  for (const id of ids) out.delete(id);
  return out;
};

function nextStillThere(rows: readonly QueueRow[], from: number, there: (key: string) => boolean): QueueRow | undefined {
  for (let i = from + 1; i < rows.length; i++) if (there(rows[i]!.key)) return rows[i];
  for (let i = from - 1; i >= 0; i--) if (there(rows[i]!.key)) return rows[i];
  return undefined;
}

async function inParallel<T>(ids: readonly string[], run: (id: string) => Promise<T>): Promise<{ ok: T[]; failed: string[]; error: unknown }> {
  const ok: T[] = [];
  const failed: string[] = [];
  let error: unknown = null;
  for (let i = 0; i < ids.length; i += PARALLEL) {
    const chunk = ids.slice(i, i + PARALLEL);
    const results = await Promise.allSettled(chunk.map(run));
    results.forEach((r, j) => {
      if (r.status === 'fulfilled') ok.push(r.value);
      else {
        failed.push(chunk[j] ?? '');
        error ??= r.reason;
      }
    });
  }
  return { ok, failed, error };
}

export function createQueueSlice(view: QueueView): SliceCreator<QueueSlice, Pick<SessionSlice, 'notify'>> {
  return (set, get, deps) => {
    const { api } = deps;
    let undoTimer: unknown = null;
    /** Ids whose action is on its way to main: main still counts them until it answers. */
    const sending = new Set<string>();

    /** What main told while a load runs: newer than the pages read before it, so applied last. */
    let toldWhileLoading: Map<string, Item> | null = null;

    const fetchAll = async (): Promise<void> => {
      const told = (toldWhileLoading = new Map());
      const first = get().items.length === 0;
      set({ queueLoad: first ? 'loading' : get().queueLoad, queueError: null });
      let loaded: Item[] = [];
      try {
        loaded = await listAll(api, view, PAGE, (sofar, more) => {
          if (!first) return;
          set({ items: [...sofar], queueLoad: more ? 'more' : 'ready' });
          if (get().activeKey === null) set({ activeKey: queueSelectors.rows(get())[0]?.key ?? null });
        });
      } catch (error) {
        toldWhileLoading = null;
        set({ queueLoad: 'failed', queueError: errorMessage(error) });
        return;
      }
      toldWhileLoading = null;
      for (const item of told.values()) {
        loaded = loaded.filter((i) => i.id !== item.id);
        if (item.status === VIEW_STATUS[view]) loaded = insertInOrder(loaded, item);
      }
      // Forget acted-on ids main no longer lists; the pending ones stay hidden until sent.
      const present = new Set(loaded.map((i) => i.id));
      const pending = new Set(get().pending?.ids ?? []);
      const hidden = new Set([...get().hidden].filter((id) => present.has(id) || pending.has(id)));
      set({ items: loaded, hidden, queueLoad: 'ready' });
      const s = get();
      if (s.activeKey === null || queueSelectors.activeIndex(s) < 0) set({ activeKey: queueSelectors.rows(s)[0]?.key ?? null });
    };
    const reload = refresher(fetchAll);

    const commit = async (kind: QueueActionKind, ids: readonly string[]): Promise<void> => {
      const call = kind === 'done' ? api.markDone : kind === 'dismiss' ? api.dismiss : api.snooze;
      for (const id of ids) sending.add(id);
      const { ok, failed, error } = await inParallel(ids, (id) => call({ id })).finally(() => ids.forEach((id) => sending.delete(id)));
      const snoozing = without(get().snoozing, ids);
      if (kind === 'snooze' && view === 'held') {
        // Snoozed items stay held: show them with their new time.
        const updated = new Map(ok.map((i) => [i.id, i]));
        set({ items: get().items.map((i) => updated.get(i.id) ?? i) });
      }
      set({ snoozing, hidden: without(get().hidden, failed), lastCommitted: ok.length ? { kind, count: ok.length } : get().lastCommitted });
      if (failed.length) get().notify({ kind: 'error', message: errorMessage(error) });
    };

    return {
      ...initialQueueState(),
      loadQueue: () => reload(),
      heldCountIs(held) {
        const s = get();
        if (view !== 'held' || s.queueLoad === 'idle') return;
        // An action not yet sent (or on its way) hides its item here while main still holds it.
        const unsent = new Set([...(s.pending?.ids ?? []), ...sending]);
        const shown = s.items.filter((i) => i.status === 'held' && (!s.hidden.has(i.id) || unsent.has(i.id))).length;
        if (held !== shown) void reload();
      },
      itemAdded(item) {
        toldWhileLoading?.set(item.id, item);
        if (get().queueLoad !== 'ready' || item.status !== VIEW_STATUS[view]) return;
        if (get().items.some((i) => i.id === item.id)) return;
        const index = queueSelectors.activeIndex(get());
        set({ items: insertInOrder(get().items, item) });
        // A lone item that the arrival joins into a closed entry is no row any more: stay in place.
        if (get().activeKey === null || queueSelectors.activeIndex(get()) < 0) set({ activeKey: queueSelectors.rows(get())[Math.max(0, index)]?.key ?? null });
      },
      itemChanged(item) {
        toldWhileLoading?.set(item.id, item);
        const s = get();
        if (s.queueLoad !== 'ready') return;
        const at = s.items.findIndex((i) => i.id === item.id);
        const belongs = item.status === VIEW_STATUS[view];
        if (at < 0) {
          if (belongs) get().itemAdded(item); // snoozed back into the held queue
          return;
        }
        if (belongs) {
          set({ items: s.items.map((i, n) => (n === at ? item : i)) });
          return;
        }
        // Acted on here and already out of sight: nothing to redraw (a done entry of 250 items
        // brings 250 of these); the next load forgets it.
        if (s.hidden.has(item.id) && !(s.pending?.ids.includes(item.id) ?? false)) return;
        // It left this view (done, dismissed, released, or withdrawn by its source): drop it; the
        // cursor stays at the same place in the list.
        const index = queueSelectors.activeIndex(s);
        const pending = s.pending?.ids.includes(item.id) ?? false;
        set({ items: s.items.filter((i) => i.id !== item.id), hidden: pending ? s.hidden : without(s.hidden, [item.id]), snoozing: without(s.snoozing, [item.id]) });
        if (queueSelectors.activeIndex(get()) < 0) {
          const rows = queueSelectors.rows(get());
          set({ activeKey: (rows[Math.min(index, rows.length - 1)] ?? rows[0])?.key ?? null });
        }
      },
      setActive: (activeKey) => set({ activeKey }),
      moveActive(delta) {
        const s = get();
        const rows = queueSelectors.rows(s);
        if (rows.length === 0) return;
        const at = queueSelectors.activeIndex(s);
        const next = at < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, at + delta));
        set({ activeKey: rows[next]?.key ?? null });
      },
      moveActiveTo(where) {
        const rows = queueSelectors.rows(get());
        set({ activeKey: (where === 'first' ? rows[0] : rows[rows.length - 1])?.key ?? null });
      },
      toggleGroup(key = get().activeKey ?? undefined, open) {
        if (!key) return;
        if (key.startsWith('i\u0001')) {
          // Left on an item inside an entry folds the entry, with the cursor on it.
          const rows = queueSelectors.rows(get());
          let at = queueSelectors.rowIndex(get(), key);
          const row = rows[at];
          if (open !== false || row?.kind !== 'item' || row.level !== 3) return;
          while (at > 0 && rows[at]?.kind !== 'thread') at--;
          key = rows[at]!.key;
          set({ activeKey: key });
        }
        // Sources start open and remember who was folded; entries start closed and remember who was opened.
        const entry = key.startsWith('t\u0001');
        const marks = new Set(entry ? get().opened : get().collapsed);
        const isOpen = entry ? marks.has(key) : !marks.has(key);
        const willOpen = open ?? !isOpen;
        if (willOpen === isOpen) return;
        if (willOpen === entry) marks.add(key);
        else marks.delete(key);
        set(entry ? { opened: marks } : { collapsed: marks });
      },
      act(kind, key = get().activeKey ?? undefined) {
        if (!key) return;
        const ids = queueSelectors.idsOf(get(), key);
        if (ids.length === 0) return;
        void get().flush();
        const before = get();
        const index = queueSelectors.rowIndex(before, key);
        const keepsRow = kind === 'snooze' && view === 'held';
        const change = keepsRow ? { snoozing: new Set([...before.snoozing, ...ids]) } : { hidden: new Set([...before.hidden, ...ids]) };
        // The cursor moves on to the next row still there (an emptied entry or source goes with
        // its last item), else the nearest one above.
        // (The rows before, then after: the one-entry memo then keeps `after` for the set below.)
        const rowsBefore = queueSelectors.rows(before);
        const after = { ...before, ...change };
        const rows = queueSelectors.rows(after);
        const landing = keepsRow ? (rows[index + 1] ?? rows[index]) : nextStillThere(rowsBefore, index, (k) => queueSelectors.rowIndex(after, k) >= 0);
        // One update per keypress: one render.
        set({ ...change, pending: { kind, ids, fromKey: key }, activeKey: landing?.key ?? null });
        undoTimer = deps.setTimeout(() => void get().flush(), UNDO_MS);
      },
      async openActive() {
        const row = queueSelectors.activeRow(get());
        if (!row) return;
        if (row.kind !== 'item') return get().toggleGroup(row.key);
        try {
          const { opened } = await api.openItem({ id: row.item.id });
          if (!opened) get().notify({ kind: 'info', message: 'queue.nothingToOpen', translate: true });
        } catch (error) {
          get().notify({ kind: 'error', message: errorMessage(error) });
        }
      },
      undo() {
        const pending = get().pending;
        if (!pending) return;
        deps.clearTimeout(undoTimer);
        set({ pending: null, hidden: without(get().hidden, pending.ids), snoozing: without(get().snoozing, pending.ids), activeKey: pending.fromKey });
      },
      async flush() {
        const pending = get().pending;
        if (!pending) return;
        deps.clearTimeout(undoTimer);
        set({ pending: null });
        await commit(pending.kind, pending.ids);
      },
      reveal: () => set({ revealed: true }),
      setHelp: (helpOpen) => set({ helpOpen }),
    };
  };
}
