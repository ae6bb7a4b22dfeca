// The queue as rows: grouped by source, then sender (groups in order of first arrival, so pages
// that load later only add below, and a group keeps its place when its first item goes),
// flattened for the virtual list. Two memo stages: grouping follows the items only; what is
// hidden, folded or marked is applied in one pass over the groups, so a keypress costs a scan.
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

type Groups = Map<string, Map<string, Item[]>>;

function group(items: readonly Item[]): Groups {
  const sources: Groups = new Map();
  for (const item of items) {
    let senders = sources.get(item.source);
    if (!senders) sources.set(item.source, (senders = new Map()));
    const sender = item.sender ?? '';
    const list = senders.get(sender);
    if (list) list.push(item);
    else senders.set(sender, [item]);
  }
  return sources;
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

interface View {
  rows: QueueRow[];
  index: Map<string, number>;
  left: number;
  sourceCounts: { source: string; count: number }[];
}

function view(groups: Groups, hidden: ReadonlySet<string>, collapsed: ReadonlySet<string>, snoozing: ReadonlySet<string>): View {
  const rows: QueueRow[] = [];
  const sourceCounts: { source: string; count: number }[] = [];
  let left = 0;
  let g = 0;
  for (const [source, senders] of groups) {
    const sk = sourceKey(source);
    const open = !collapsed.has(sk);
    const sourceRow = { kind: 'source' as const, key: sk, domId: `q-g${g++}`, source, count: 0, expanded: open };
    const at = rows.length;
    rows.push(sourceRow);
    for (const [sender, list] of senders) {
      const visible = hidden.size ? list.filter((i) => !hidden.has(i.id)) : list;
      if (visible.length === 0) continue;
      sourceRow.count += visible.length;
      if (!open) continue;
      const pk = senderKey(source, sender);
      const senderOpen = !collapsed.has(pk);
      rows.push({ kind: 'sender', key: pk, domId: `q-g${g++}`, source, sender, count: visible.length, expanded: senderOpen });
      if (senderOpen) for (const item of visible) rows.push(itemRow(item, snoozing.has(item.id)));
    }
    if (sourceRow.count === 0) rows.length = at;
    else sourceCounts.push({ source, count: sourceRow.count });
    left += sourceRow.count;
  }
  const index = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) index.set(rows[i]!.key, i);
  return { rows, index, left, sourceCounts };
}

let groupMemo: { items: readonly Item[]; groups: Groups } | null = null;
let viewMemo: { groups: Groups; hidden: ReadonlySet<string>; collapsed: ReadonlySet<string>; snoozing: ReadonlySet<string>; view: View } | null = null;

function groupsOf(s: QueueState): Groups {
  if (groupMemo?.items !== s.items) groupMemo = { items: s.items, groups: group(s.items) };
  return groupMemo.groups;
}

function viewOf(s: QueueState): View {
  const groups = groupsOf(s);
  const m = viewMemo;
  if (m?.groups !== groups || m.hidden !== s.hidden || m.collapsed !== s.collapsed || m.snoozing !== s.snoozing) {
    viewMemo = { groups, hidden: s.hidden, collapsed: s.collapsed, snoozing: s.snoozing, view: view(groups, s.hidden, s.collapsed, s.snoozing) };
  }
  return viewMemo!.view;
}

export const queueSelectors = {
  rows: (s: QueueState): QueueRow[] => viewOf(s).rows,
  /** How many items are still to deal with. */
  left: (s: QueueState): number => viewOf(s).left,
  /** Held items per source, for the counts-only view during a block. */
  sourceCounts: derived(viewOf, (v) => v.sourceCounts, []),
  activeIndex: (s: QueueState): number => (s.activeKey === null ? -1 : (viewOf(s).index.get(s.activeKey) ?? -1)),
  activeRow: (s: QueueState): QueueRow | null => queueSelectors.rows(s)[queueSelectors.activeIndex(s)] ?? null,
  rowIndex: (s: QueueState, key: string): number => viewOf(s).index.get(key) ?? -1,
  /** The ids a row stands for: itself, or every item left in its group (collapsed ones too). */
  idsOf(s: QueueState, key: string): string[] {
    const [kind, source = '', sender] = key.split('\u0001');
    if (kind === 'i') return viewOf(s).index.has(key) || s.items.some((i) => i.id === source && !s.hidden.has(i.id)) ? [source] : [];
    const senders = groupsOf(s).get(source);
    if (!senders) return [];
    const lists = kind === 's' ? [...senders.values()] : [senders.get(sender ?? '') ?? []];
    return lists.flat().flatMap((i) => (s.hidden.has(i.id) ? [] : [i.id]));
  },
};
