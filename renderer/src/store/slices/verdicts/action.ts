// "Was it urgent?" (PRODUCT.md §2): the breakthroughs waiting for a verdict, a cursor of their own,
// and the answer — shown at once, sent when the undo window closes or the next answer is given,
// like the queue's actions, so undo needs no inverse operation in main.
import type { Item } from '../../../../../preload/contract.ts';
import { errorMessage, listAll, type SliceCreator } from '../../slice.ts';
import { UNDO_MS } from '../queue/action.ts';
import type { SessionSlice } from '../session/action.ts';

export interface VerdictState {
  /** Breakthroughs with no verdict (main's `unjudged` view), oldest first. */
  unjudged: readonly Item[];
  verdictLoad: 'idle' | 'loading' | 'ready' | 'failed';
  /** Ids answered here: out of the list while the answer waits to be sent or is on its way. */
  judged: ReadonlySet<string>;
  verdictActive: string | null;
  verdictPending: { id: string; urgent: boolean } | null;
}

export interface VerdictAction {
  loadVerdicts(): Promise<void>;
  /** An item main told about: a new breakthrough joins; one answered elsewhere leaves. */
  verdictHeard(item: Item): void;
  setVerdictActive(id: string | null): void;
  moveVerdict(delta: number): void;
  judge(urgent: boolean, id?: string): void;
  undoVerdict(): void;
  flushVerdict(): Promise<void>;
}

export type VerdictSlice = VerdictState & VerdictAction;

const waiting = (item: Item): boolean => item.disposition === 'breakthrough' && item.verdict === undefined;

let rowsMemo: { unjudged: readonly Item[]; judged: ReadonlySet<string>; rows: readonly Item[] } | null = null;

export const verdictSelectors = {
  /** The rows on screen: what is not yet answered here (a stable array while neither changes). */
  rows(s: VerdictState): readonly Item[] {
    if (rowsMemo?.unjudged !== s.unjudged || rowsMemo.judged !== s.judged) {
      rowsMemo = { unjudged: s.unjudged, judged: s.judged, rows: s.judged.size ? s.unjudged.filter((i) => !s.judged.has(i.id)) : s.unjudged };
    }
    return rowsMemo.rows;
  },
  activeIndex: (s: VerdictState): number => verdictSelectors.rows(s).findIndex((i) => i.id === s.verdictActive),
};

export const createVerdictSlice: SliceCreator<VerdictSlice, Pick<SessionSlice, 'notify'>> = (set, get, deps) => {
  let undoTimer: unknown = null;
  const firstId = (): string | null => verdictSelectors.rows(get())[0]?.id ?? null;
  return {
    unjudged: [],
    verdictLoad: 'idle',
    judged: new Set(),
    verdictActive: null,
    verdictPending: null,
    async loadVerdicts() {
      set({ verdictLoad: get().verdictLoad === 'ready' ? 'ready' : 'loading' });
      try {
        const items = await listAll(deps.api, 'unjudged');
        const pending = get().verdictPending?.id;
        set({ unjudged: items, judged: new Set(pending ? [pending] : []), verdictLoad: 'ready' });
        if (verdictSelectors.activeIndex(get()) < 0) set({ verdictActive: firstId() });
      } catch {
        set({ verdictLoad: 'failed' });
      }
    },
    verdictHeard(item) {
      const s = get();
      if (s.verdictLoad !== 'ready') return;
      const at = s.unjudged.findIndex((i) => i.id === item.id);
      if (at >= 0 && !waiting(item)) set({ unjudged: s.unjudged.filter((i) => i.id !== item.id) });
      else if (at < 0 && waiting(item)) set({ unjudged: [...s.unjudged, item] });
      if (verdictSelectors.activeIndex(get()) < 0) set({ verdictActive: firstId() });
    },
    setVerdictActive: (verdictActive) => set({ verdictActive }),
    moveVerdict(delta) {
      const rows = verdictSelectors.rows(get());
      if (rows.length === 0) return;
      const at = verdictSelectors.activeIndex(get());
      set({ verdictActive: rows[at < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, at + delta))]?.id ?? null });
    },
    judge(urgent, id = get().verdictActive ?? undefined) {
      if (!id || !verdictSelectors.rows(get()).some((i) => i.id === id)) return;
      void get().flushVerdict();
      const index = verdictSelectors.rows(get()).findIndex((i) => i.id === id);
      const judged = new Set([...get().judged, id]);
      const rows = verdictSelectors.rows({ ...get(), judged });
      // The cursor stays at the same place: on the next row, or the last one.
      set({ judged, verdictPending: { id, urgent }, verdictActive: (rows[index] ?? rows[rows.length - 1])?.id ?? null });
      undoTimer = deps.setTimeout(() => void get().flushVerdict(), UNDO_MS);
    },
    undoVerdict() {
      const pending = get().verdictPending;
      if (!pending) return;
      deps.clearTimeout(undoTimer);
      const judged = new Set(get().judged);
      judged.delete(pending.id);
      set({ verdictPending: null, judged, verdictActive: pending.id });
    },
    async flushVerdict() {
      const pending = get().verdictPending;
      if (!pending) return;
      deps.clearTimeout(undoTimer);
      set({ verdictPending: null });
      try {
        await deps.api.judge(pending);
        set({ unjudged: get().unjudged.filter((i) => i.id !== pending.id) });
      } catch (error) {
        get().notify({ kind: 'error', message: errorMessage(error) });
      } finally {
        const judged = new Set(get().judged);
        judged.delete(pending.id);
        set({ judged });
      }
    },
  };
};
