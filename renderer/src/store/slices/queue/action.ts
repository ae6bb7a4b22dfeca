// Queue actions, keyboard first: move, open, done, dismiss, snooze, on an item or a whole group.
// An action shows at once and reaches main when the next one is taken or the undo window
// closes (or the window hides), so "undo" needs no inverse operation in main.
import type { Item } from '../../../../../preload/contract.ts';
import { errorMessage, refresher, type SliceCreator } from '../../slice.ts';
import type { SessionSlice } from '../session/action.ts';
import { initialQueueState, type QueueActionKind, type QueueState, type QueueView } from './initialState.ts';
import { queueSelectors } from './selectors.ts';

export const UNDO_MS = 8_000;
const PAGE = 1000;
const PARALLEL = 8;

export interface QueueAction {
  /** Loads the whole queue, page by page; the first page paints before the rest arrive. */
  loadQueue(): Promise<void>;
  /** Main says `held` items are held: reload when the held view does not match. */
  heldCountIs(held: number): void;
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

/** The set less `ids`; the same set when none of them is in it (so nothing re-derives). */
const without = (set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> => {
  if (!ids.some((id) => set.has(id))) return set;
  const out = new Set(set);
  for (const id of ids) out.delete(id);
  return out;
};

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

    const fetchAll = async (): Promise<void> => {
      const first = get().items.length === 0;
      set({ queueLoad: first ? 'loading' : get().queueLoad, queueError: null });
      const loaded: Item[] = [];
      let cursor: string | undefined;
      try {
        do {
          const page = await api.listQueue({ view, limit: PAGE, ...(cursor && { cursor }) });
          loaded.push(...page.items);
          cursor = page.nextCursor ?? undefined;
          if (first) {
            set({ items: [...loaded], queueLoad: cursor ? 'more' : 'ready' });
            if (get().activeKey === null) set({ activeKey: queueSelectors.rows(get())[0]?.key ?? null });
          }
        } while (cursor);
      } catch (error) {
        set({ queueLoad: 'failed', queueError: errorMessage(error) });
        return;
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
      const { ok, failed, error } = await inParallel(ids, (id) => call({ id }));
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
        const shown = s.items.filter((i) => i.status === 'held' && !s.hidden.has(i.id)).length;
        if (held !== shown) void reload();
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
        if (!key || key.startsWith('i\u0001')) return;
        const collapsed = new Set(get().collapsed);
        const willOpen = open ?? collapsed.has(key);
        if (willOpen) collapsed.delete(key);
        else collapsed.add(key);
        set({ collapsed });
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
        // The cursor stays at the same place in the list: on the next row, or the last one.
        const rows = queueSelectors.rows({ ...before, ...change });
        const landing = keepsRow ? (rows[index + 1] ?? rows[index]) : (rows[index] ?? rows[rows.length - 1]);
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
