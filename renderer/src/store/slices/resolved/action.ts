// "Resolved while you focused" (PRODUCT.md §2): items their source took back while held, listed
// apart in the review and never mixed into the batch. Read-only: there is nothing left to do.
import type { Item } from '../../../../../preload/contract.ts';
import { listAll, type SliceCreator } from '../../slice.ts';

export interface ResolvedState {
  /** Main's `resolved` view (the last day), oldest first. */
  resolved: readonly Item[];
  resolvedLoad: 'idle' | 'loading' | 'ready' | 'failed';
}

export interface ResolvedAction {
  loadResolved(): Promise<void>;
  /** An item main told about: one its source just took back joins the list. */
  resolvedHeard(item: Item): void;
}

export type ResolvedSlice = ResolvedState & ResolvedAction;

export const createResolvedSlice: SliceCreator<ResolvedSlice> = (set, get, deps) => ({
  resolved: [],
  resolvedLoad: 'idle',
  async loadResolved() {
    set({ resolvedLoad: get().resolvedLoad === 'ready' ? 'ready' : 'loading' });
    try {
      const items = await listAll(deps.api, 'resolved');
      set({ resolved: items, resolvedLoad: 'ready' });
    } catch {
      set({ resolvedLoad: 'failed' });
    }
  },
  resolvedHeard(item) {
    const s = get();
    if (s.resolvedLoad !== 'ready' || item.status !== 'resolved' || s.resolved.some((i) => i.id === item.id)) return;
    set({ resolved: [...s.resolved, item] });
  },
});
