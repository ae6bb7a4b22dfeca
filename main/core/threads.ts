// Threads (PRODUCT.md §2): items with the same `thread` key in one source, or from the same source
// and sender within one batch, are released as one entry with a count ("Anna · 5 messages").
// Nothing is merged away: each entry lists its items. Pure, for every surface: the digest, the
// tray, the review and the dashboard group with the same function.

/** What grouping needs of an item; core's Item and the contract's item both have it. */
export interface Threadable {
  id: string;
  source: string;
  sender?: string | undefined;
  thread?: string | undefined;
  batchId: string | null;
}

export interface ThreadEntry<T extends Threadable> {
  /** Stable while the entry's items stay the same kind of thread. */
  key: string;
  /** In arrival order (the order given). */
  items: T[];
}

/**
 * The entry an item belongs to: its thread key in its source; else its sender in its source
 * within its batch (a held item, with no batch yet, within the hold); else the item alone.
 */
export function threadKeyOf(item: Threadable): string {
  if (item.thread) return `t\u0000${item.source}\u0000${item.thread}`;
  if (item.sender) return `s\u0000${item.source}\u0000${item.sender.toLocaleLowerCase()}\u0000${item.batchId ?? ''}`;
  return `i\u0000${item.id}`;
}

/** Groups items into entries, in order of each entry's first item. O(n). */
export function groupThreads<T extends Threadable>(items: readonly T[]): ThreadEntry<T>[] {
  const entries = new Map<string, ThreadEntry<T>>();
  for (const item of items) {
    const key = threadKeyOf(item);
    const entry = entries.get(key);
    if (entry) entry.items.push(item);
    else entries.set(key, { key, items: [item] });
  }
  return [...entries.values()];
}
