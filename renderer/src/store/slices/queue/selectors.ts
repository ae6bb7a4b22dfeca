// The queue as rows: grouped by source, then into thread entries (core's one grouping,
// `groupThreads`: a thread key in a source, else a sender within a batch), flattened for the
// virtual list. Sources and entries keep the order of their first arrival, so pages that load
// later only add below, and a group keeps its place when its first item goes. Two memo stages:
// grouping follows the items only; what is hidden, folded or marked is applied in one pass over
// the groups, so a keypress costs a scan.
import { groupThreads, type ThreadEntry } from '../../../../../main/core/threads.ts';
import type { Item } from '../../../../../preload/contract.ts';
import { derived } from '../../slice.ts';
import type { QueueState } from './initialState.ts';

export type QueueRow =
  | { kind: 'source'; key: string; domId: string; source: string; count: number; expanded: boolean }
  /** A thread entry ("Anna · 5 messages"): named by its first sender (or first title), `others` more senders. */
  | { kind: 'thread'; key: string; domId: string; source: string; name: string; others: number; count: number; expanded: boolean }
  /** Level 2: an item alone under its source; level 3: an item inside its thread entry. */
  | { kind: 'item'; key: string; domId: string; item: Item; snoozing: boolean; level: 2 | 3 };

export const sourceKey = (source: string): string => `s\u0001${source}`;
export const threadKey = (entry: ThreadEntry<Item>): string => `t\u0001${entry.key}`;
export const itemKey = (id: string): string => `i\u0001${id}`;

interface Entry {
  key: string;
  items: Item[];
  /** The first sender, or the first title when nobody sent it (a CI thread). */
  name: string;
  others: number;
}

interface Groups {
  sources: Map<string, Entry[]>;
  entries: Map<string, Entry>;
}

function group(items: readonly Item[]): Groups {
  const sources = new Map<string, Entry[]>();
  const entries = new Map<string, Entry>();
  for (const thread of groupThreads(items)) {
    const first = thread.items[0]!;
    const senders = new Set(thread.items.flatMap((i) => (i.sender ? [i.sender.toLocaleLowerCase()] : [])));
    const entry: Entry = { key: threadKey(thread), items: thread.items, name: first.sender ?? first.title, others: Math.max(0, senders.size - 1) };
    entries.set(entry.key, entry);
    const list = sources.get(first.source);
    if (list) list.push(entry);
    else sources.set(first.source, [entry]);
  }
  return { sources, entries };
}

const domSafe = (s: string): string => s.replace(/[^\w-]/g, '_');

/** Item rows are reused while their item, mark and level stay the same: less garbage per keypress. */
const itemRows = new WeakMap<Item, QueueRow & { kind: 'item' }>();
function itemRow(item: Item, snoozing: boolean, level: 2 | 3): QueueRow {
  let row = itemRows.get(item);
  if (row?.snoozing !== snoozing || row.level !== level) {
    row = { kind: 'item', key: itemKey(item.id), domId: `q-i${domSafe(item.id)}`, item, snoozing, level };
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

interface Marks {
  hidden: ReadonlySet<string>;
  collapsed: ReadonlySet<string>;
  opened: ReadonlySet<string>;
  snoozing: ReadonlySet<string>;
}

function view(groups: Groups, { hidden, collapsed, opened, snoozing }: Marks): View {
  const rows: QueueRow[] = [];
  const sourceCounts: { source: string; count: number }[] = [];
  let left = 0;
  let g = 0;
  for (const [source, entries] of groups.sources) {
    const sk = sourceKey(source);
    const open = !collapsed.has(sk);
    const sourceRow = { kind: 'source' as const, key: sk, domId: `q-g${g++}`, source, count: 0, expanded: open };
    const at = rows.length;
    rows.push(sourceRow);
    for (const entry of entries) {
      const visible = hidden.size ? entry.items.filter((i) => !hidden.has(i.id)) : entry.items;
      if (visible.length === 0) continue;
      sourceRow.count += visible.length;
      if (!open) continue;
      // An item alone is its own row; an entry of several stays an entry while any of it is left.
      if (entry.items.length === 1) {
        rows.push(itemRow(visible[0]!, snoozing.has(visible[0]!.id), 2));
        continue;
      }
      const expanded = opened.has(entry.key);
      rows.push({ kind: 'thread', key: entry.key, domId: `q-g${g++}`, source, name: entry.name, others: entry.others, count: visible.length, expanded });
      if (expanded) for (const item of visible) rows.push(itemRow(item, snoozing.has(item.id), 3));
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
let viewMemo: (Marks & { groups: Groups; view: View }) | null = null;

function groupsOf(s: QueueState): Groups {
  if (groupMemo?.items !== s.items) groupMemo = { items: s.items, groups: group(s.items) };
  return groupMemo.groups;
}

function viewOf(s: QueueState): View {
  const groups = groupsOf(s);
  const m = viewMemo;
  if (m?.groups !== groups || m.hidden !== s.hidden || m.collapsed !== s.collapsed || m.opened !== s.opened || m.snoozing !== s.snoozing) {
    const marks = { hidden: s.hidden, collapsed: s.collapsed, opened: s.opened, snoozing: s.snoozing };
    viewMemo = { groups, ...marks, view: view(groups, marks) };
  }
  return viewMemo!.view;
}

const notHidden = (s: QueueState, items: readonly Item[]): string[] => items.flatMap((i) => (s.hidden.has(i.id) ? [] : [i.id]));

export const queueSelectors = {
  rows: (s: QueueState): QueueRow[] => viewOf(s).rows,
  /** How many items are still to deal with (items, not entries: "5 messages" are 5 left). */
  left: (s: QueueState): number => viewOf(s).left,
  /** Held items per source, for the counts-only view during a block. */
  sourceCounts: derived(viewOf, (v) => v.sourceCounts, []),
  activeIndex: (s: QueueState): number => (s.activeKey === null ? -1 : (viewOf(s).index.get(s.activeKey) ?? -1)),
  activeRow: (s: QueueState): QueueRow | null => queueSelectors.rows(s)[queueSelectors.activeIndex(s)] ?? null,
  rowIndex: (s: QueueState, key: string): number => viewOf(s).index.get(key) ?? -1,
  /** The ids a row stands for: itself, or every item left in its source or entry (folded ones too). */
  idsOf(s: QueueState, key: string): string[] {
    const rest = key.slice(2);
    switch (key[0]) {
      case 'i':
        return viewOf(s).index.has(key) || s.items.some((i) => i.id === rest && !s.hidden.has(i.id)) ? [rest] : [];
      case 't':
        return notHidden(s, groupsOf(s).entries.get(key)?.items ?? []);
      case 's':
        return notHidden(s, (groupsOf(s).sources.get(rest) ?? []).flatMap((e) => e.items));
      default:
        return [];
    }
  },
};
