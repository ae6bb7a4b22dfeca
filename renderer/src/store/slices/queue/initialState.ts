// The queue of items on screen: held ones (the dashboard) or released ones waiting for review
// (the review window); what the user acted on; where the keyboard cursor is.
import type { Item, QueueView } from '../../../../../preload/contract.ts';

export type { QueueView };
export type QueueActionKind = 'done' | 'dismiss' | 'snooze';

/** The last action: applied on screen at once, sent to main when the undo window closes. */
export interface PendingQueueAction {
  kind: QueueActionKind;
  ids: readonly string[];
  /** The row the cursor was on, to return to on undo. */
  fromKey: string;
}

export interface QueueState {
  /** Items in main's order (arrival, then id); later pages are appended as they load. */
  items: readonly Item[];
  queueLoad: 'idle' | 'loading' | 'more' | 'ready' | 'failed';
  /** Ids acted on: hidden from the list (done, dismissed, or snoozed out of the review). */
  hidden: ReadonlySet<string>;
  /** Ids snoozed in the held view: they stay, marked, until main answers. */
  snoozing: ReadonlySet<string>;
  pending: PendingQueueAction | null;
  /** The last action that reached main, for the status line. */
  lastCommitted: { kind: QueueActionKind; count: number } | null;
  activeKey: string | null;
  /** Source groups folded by the user (sources start open). */
  collapsed: ReadonlySet<string>;
  /** Thread entries opened by the user (an entry starts closed: one row, "Anna · 5 messages"). */
  opened: ReadonlySet<string>;
  /** During a block the held view shows counts only, until the user asks for the content. */
  revealed: boolean;
  helpOpen: boolean;
  queueError: string | null;
}

export const initialQueueState = (): QueueState => ({
  items: [],
  queueLoad: 'idle',
  hidden: new Set(),
  snoozing: new Set(),
  pending: null,
  lastCommitted: null,
  activeKey: null,
  collapsed: new Set(),
  opened: new Set(),
  revealed: false,
  helpOpen: false,
  queueError: null,
});
