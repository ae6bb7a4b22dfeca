// The queue as rows: grouped by source, then sender (groups in order of first arrival, so pages
// that load later only add below), flattened for the virtual list. Memoised on its inputs.
import type { Item } from '../../../../../preload/contract.ts';
import { derived } from '../../slice.ts';
import type { QueueState } from './initialState.ts';

export type QueueRow =
  | { kind: 'source'; key: string; domId: string; source: string; count: number; expanded: boolean }
  | { kind: 'sender'; key: string; domId: string; source: string; sender: string; count: number; expanded: boolean }
  | { kind: 'item'; key: string; domId: string; item: Item; snoozing: boolean };

export const sourceKey = (source: string): string => `s\u0001${source}`;
export const senderKey = (source: string, sender: string): string => `p\u0001${source}\u0001${sender}`;
export const itemKey = (id: string): string => `i\u0001${id}`;

interface Groups {
  sources: Map<string, Map<string, Item[]>>;
  left: number;
}

function group(items: readonly Item[], hidden: ReadonlySet<string>): Groups {
  const sources = new Map<string, Map<string, Item[]>>();
  let left = 0;
  for (const item of items) {
    // Groups are made for hidden items too, so a group keeps its place when its first item goes.
    let senders = sources.get(item.source);
    if (!senders) sources.set(item.source, (senders = new Map()));
    const sender = item.sender ?? '';
    let list = senders.get(sender);
    if (!list) senders.set(sender, (list = []));
    if (hidden.has(item.id)) continue;
    left++;
    list.push(item);
  }
  for (const [source, senders] of sources) {
    for (const [sender, list] of senders) if (list.length === 0) senders.delete(sender);
    if (senders.size === 0) sources.delete(source);
  }
  return { sources, left };
}

const domSafe = (s: string): string => s.replace(/[^\w-]/g, '_');

/** Item rows are reused while their item and mark stay the same: less garbage per keypress. */
const itemRows = new WeakMap<Item, QueueRow & { kind: 'item' }>();
function itemRow(item: Item, snoozing: boolean): QueueRow {
  let row = itemRows.get(item);
  if (row?.snoozing !== snoozing) {
    row = { kind: 'item', key: itemKey(item.id), domId: `q-i${domSafe(item.id)}`, item, snoozing };
    itemRows.set(item, row);
  }
  return row;
}

function flatten(groups: Groups, collapsed: ReadonlySet<string>, snoozing: ReadonlySet<string>): QueueRow[] {
  const rows: QueueRow[] = [];
  let g = 0;
  for (const [source, senders] of groups.sources) {
    const sk = sourceKey(source);
    const count = [...senders.values()].reduce((n, l) => n + l.length, 0);
    const open = !collapsed.has(sk);
    rows.push({ kind: 'source', key: sk, domId: `q-g${g++}`, source, count, expanded: open });
    if (!open) continue;
    for (const [sender, list] of senders) {
      const pk = senderKey(source, sender);
      const senderOpen = !collapsed.has(pk);
      rows.push({ kind: 'sender', key: pk, domId: `q-g${g++}`, source, sender, count: list.length, expanded: senderOpen });
      if (!senderOpen) continue;
      for (const item of list) rows.push(itemRow(item, snoozing.has(item.id)));
    }
  }
  return rows;
}

const indexes = new WeakMap<QueueRow[], Map<string, number>>();
/** Row index by key, built once per rows array, so the cursor is found without a scan. */
function indexOf(rows: QueueRow[]): Map<string, number> {
  let index = indexes.get(rows);
  if (!index) {
    index = new Map(rows.map((r, i) => [r.key, i]));
    indexes.set(rows, index);
  }
  return index;
}

let groupMemo: { items: readonly Item[]; hidden: ReadonlySet<string>; groups: Groups } | null = null;
let rowMemo: { groups: Groups; collapsed: ReadonlySet<string>; snoozing: ReadonlySet<string>; rows: QueueRow[] } | null = null;

function groupsOf(s: QueueState): Groups {
  if (groupMemo?.items !== s.items || groupMemo.hidden !== s.hidden) groupMemo = { items: s.items, hidden: s.hidden, groups: group(s.items, s.hidden) };
  return groupMemo.groups;
}

export const queueSelectors = {
  rows(s: QueueState): QueueRow[] {
    const groups = groupsOf(s);
    if (rowMemo?.groups !== groups || rowMemo.collapsed !== s.collapsed || rowMemo.snoozing !== s.snoozing) {
      rowMemo = { groups, collapsed: s.collapsed, snoozing: s.snoozing, rows: flatten(groups, s.collapsed, s.snoozing) };
    }
    return rowMemo.rows;
  },
  /** How many items are still to deal with. */
  left: (s: QueueState): number => groupsOf(s).left,
  /** Held items per source, for the counts-only view during a block. */
  sourceCounts: derived(
    groupsOf,
    (groups): { source: string; count: number }[] => [...groups.sources].map(([source, senders]) => ({ source, count: [...senders.values()].reduce((n, l) => n + l.length, 0) })),
    [],
  ),
  activeIndex: (s: QueueState): number => (s.activeKey === null ? -1 : (indexOf(queueSelectors.rows(s)).get(s.activeKey) ?? -1)),
  activeRow: (s: QueueState): QueueRow | null => queueSelectors.rows(s)[queueSelectors.activeIndex(s)] ?? null,
  /** The ids a row stands for: itself, or every item left in its group (collapsed ones too). */
  idsOf(s: QueueState, key: string): string[] {
    const groups = groupsOf(s);
    const [kind, source = '', sender] = key.split('\u0001');
    if (kind === 'i') return indexOf(queueSelectors.rows(s)).has(key) || s.items.some((i) => i.id === source && !s.hidden.has(i.id)) ? [source] : [];
    const senders = groups.sources.get(source);
    if (!senders) return [];
    const lists = kind === 's' ? [...senders.values()] : [senders.get(sender ?? '') ?? []];
    return lists.flat().map((i) => i.id);
  },
  rowIndex: (s: QueueState, key: string): number => indexOf(queueSelectors.rows(s)).get(key) ?? -1,
  canUndo: (s: QueueState): boolean => s.pending !== null,
};
