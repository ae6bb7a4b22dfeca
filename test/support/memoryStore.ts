// An in-memory EngineStore for core tests: the same contract as the SQLite repository.
import type { EngineMeta, EngineStore, ItemPage, ItemPatch, ItemQuery } from '../../main/core/ports.ts';
import type { Batch, FocusBlock, Item } from '../../main/core/types.ts';

export class MemoryStore implements EngineStore {
  readonly items = new Map<string, Item>();
  readonly blocks = new Map<string, FocusBlock>();
  readonly batches: Batch[] = [];
  meta: EngineMeta = { lastTickAt: null, skipDate: null, endedOccurrence: null, retentionAt: null };
  commits = 0;

  load(since: number) {
    const all = [...this.items.values()];
    const open = [...this.blocks.values()].filter((b) => b.endedAt === null);
    return {
      held: all.filter((i) => i.status === 'held').map((i) => ({ ...i })),
      recent: all.filter((i) => i.receivedAt >= since).map((i) => ({ ...i })),
      activeBlock: open[open.length - 1] ?? null,
      meta: { ...this.meta },
    };
  }

  async commitItem(item: Item): Promise<void> {
    this.commits++;
    this.items.set(item.id, { ...item });
  }

  updateItems(ids: readonly string[], patch: ItemPatch): void {
    for (const id of ids) {
      const item = this.items.get(id);
      if (item) this.items.set(id, { ...item, ...patch });
    }
  }

  saveBlock(block: FocusBlock): void {
    this.blocks.set(block.id, { ...block });
  }

  saveBatch(batch: Batch, itemIds: readonly string[]): void {
    this.batches.push({ ...batch });
    this.updateItems(itemIds, { status: 'released', batchId: batch.id, releasedAt: batch.at, snoozedUntil: null });
  }

  saveMeta(meta: EngineMeta): void {
    this.meta = { ...meta };
  }

  getItem(id: string): Item | null {
    const item = this.items.get(id);
    return item ? { ...item } : null;
  }

  listItems(query: ItemQuery): ItemPage {
    const all = [...this.items.values()]
      .filter((i) => !query.status || query.status.includes(i.status))
      .filter((i) => !query.unjudged || (i.disposition === 'breakthrough' && i.verdict === undefined))
      .filter((i) => query.since === undefined || i.receivedAt >= query.since)
      .sort((a, b) => a.receivedAt - b.receivedAt || a.id.localeCompare(b.id));
    const start = query.cursor ? all.findIndex((i) => i.id === query.cursor) + 1 : 0;
    const items = all.slice(start, start + query.limit);
    const more = start + query.limit < all.length;
    return { items, nextCursor: more ? (items[items.length - 1]?.id ?? null) : null };
  }

  itemsBetween(from: number, to: number): Item[] {
    return [...this.items.values()].filter((i) => i.receivedAt >= from && i.receivedAt < to);
  }

  blocksBetween(from: number, to: number): FocusBlock[] {
    return [...this.blocks.values()].filter((b) => b.startedAt >= from && b.startedAt < to);
  }

  eraseBodies(): number {
    let n = 0;
    for (const item of this.items.values()) {
      if (item.body === undefined) continue;
      const { body: _b, ...rest } = item;
      this.items.set(item.id, rest);
      n++;
    }
    return n;
  }

  eraseTextBefore(before: number): number {
    let n = 0;
    for (const item of this.items.values()) {
      if (item.receivedAt < before && item.title !== '') {
        const { body: _b, url: _u, sender: _s, tags: _t, dedupeKey: _d, ...rest } = item;
        this.items.set(item.id, { ...rest, title: '' });
        n++;
      }
    }
    return n;
  }
}
