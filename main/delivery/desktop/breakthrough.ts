// Shows a breakthrough at once while the user's daemon is held. node-notifier cannot: whatever it
// sends lands in the held daemon. dunst: a private overlay dunst shows it. GNOME and swaync show
// critical notifications through their do-not-disturb, so a critical original passes by itself
// and Lull sends a critical copy of any other; mako does what its do-not-disturb mode says.
import type { IncomingItem, Item } from '../../core/types.ts';
import type { DaemonName } from '../daemons/control.ts';
import type { NotifyArgs } from './daemonWatch.ts';
import type { DunstOverlay } from './dunstOverlay.ts';

const BREAKTHROUGH_HINT_VALUE = 'breakthrough';

const escapeMarkup = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The Notify urgency an item's priority stands for (the desktop bus maps them the other way). */
export const urgencyOf = (item: Item): 0 | 1 | 2 => (item.priority === 'urgent' ? 2 : item.priority === 'low' ? 0 : 1);

/** What Lull sends: the text and icon as they came (in memory only; "titles only" governs what is stored, not what is shown). */
function breakthroughArgs(item: Item, incoming: IncomingItem, urgency: 0 | 1 | 2): NotifyArgs {
  return {
    app: item.app ?? item.source,
    icon: incoming.icon ?? '',
    summary: item.title,
    body: escapeMarkup(incoming.body ?? ''),
    urgency,
    category: item.category,
    lullHint: BREAKTHROUGH_HINT_VALUE,
  };
}

/** Shows a breakthrough while `daemon` is held (when it is not, the daemon shows it itself). */
export function showBreakthrough(daemon: DaemonName, item: Item, incoming: IncomingItem, deps: { overlay: DunstOverlay; notify: (args: NotifyArgs) => Promise<void> }): Promise<void> {
  const urgency = urgencyOf(item);
  if (daemon === 'dunst') return deps.overlay.show(breakthroughArgs(item, incoming, urgency));
  if (urgency === 2) return Promise.resolve(); // the daemon shows a critical one through do-not-disturb itself
  return deps.notify(breakthroughArgs(item, incoming, 2));
}
