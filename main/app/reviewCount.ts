// What waits for review — released in a batch and not yet done, dismissed, snoozed or resolved —
// counted as items and as entries (threads, PRODUCT.md §2) for the tray: "9 to review in 2
// conversations". Kept from the engine's events, which carry what changed, so a redraw of the tray
// never lists the store; the store is listed once, at the start.
import { groupThreads, type Threadable } from '../core/threads.ts';
import type { EngineEvent, Item } from '../core/types.ts';
import type { ItemPage, ItemQuery } from '../core/ports.ts';

export interface ReviewCount {
  items: number;
  conversations: number;
}

export interface ReviewSource {
  on(listener: (event: EngineEvent) => void): () => void;
  listItems(query: ItemQuery): ItemPage;
}

export interface ReviewTracker {
  count(): ReviewCount;
  dispose(): void;
}

const PAGE = 500;

/** `onChange` hears each change of the count (not of the items' other fields). */
export function trackReview(engine: ReviewSource, onChange: (count: ReviewCount) => void): ReviewTracker {
  const waiting = new Map<string, Threadable>();
  let counted: ReviewCount | null = null;
  const count = (): ReviewCount => (counted ??= { items: waiting.size, conversations: groupThreads([...waiting.values()]).length });
  const keep = (item: Item): void => {
    if (item.status === 'released') waiting.set(item.id, { id: item.id, source: item.source, sender: item.sender, thread: item.thread, batchId: item.batchId });
    else waiting.delete(item.id);
  };

  let cursor: string | undefined;
  do {
    const page = engine.listItems({ status: ['released'], limit: PAGE, cursor });
    page.items.forEach(keep);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  const off = engine.on((event) => {
    if (event.type === 'batch') event.items.forEach(keep);
    else if (event.type === 'item-changed') keep(event.item);
    else return;
    const before = count();
    counted = null;
    const after = count();
    if (after.items !== before.items || after.conversations !== before.conversations) onChange(after);
  });
  return { count, dispose: off };
}
