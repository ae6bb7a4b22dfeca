// Shows a breakthrough captured while the user's daemon is held, at once. node-notifier cannot:
// whatever it sends lands in the held daemon. dunst: a private overlay dunst shows it. GNOME and
// swaync show critical notifications through their do-not-disturb, so a critical original passes
// by itself and Lull sends a critical copy of any other; mako does what its do-not-disturb mode says.
import type { DaemonName } from '../../delivery/daemons/control.ts';
import type { NotifyArgs } from './daemonWatch.ts';
import type { DunstOverlay } from './dunstOverlay.ts';
import type { CapturedNotification } from './notifyCall.ts';

const BREAKTHROUGH_HINT_VALUE = 'breakthrough';

const escapeMarkup = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What Lull sends: the text as captured (in memory only; "titles only" governs what is stored, not what is shown). */
function breakthroughArgs({ item, display }: CapturedNotification, urgency: 0 | 1 | 2): NotifyArgs {
  return {
    app: item.app ?? item.source,
    icon: display.icon,
    summary: item.title,
    body: escapeMarkup(item.body ?? ''),
    urgency,
    category: display.category,
    lullHint: BREAKTHROUGH_HINT_VALUE,
  };
}

/** Shows a breakthrough while `daemon` is held (when it is not, the daemon shows it itself). */
export function showBreakthrough(daemon: DaemonName, captured: CapturedNotification, deps: { overlay: DunstOverlay; notify: (args: NotifyArgs) => Promise<void> }): Promise<void> {
  const { urgency } = captured.display;
  if (daemon === 'dunst') return deps.overlay.show(breakthroughArgs(captured, urgency ?? 1));
  if (urgency === 2) return Promise.resolve(); // the daemon shows a critical one through do-not-disturb itself
  return deps.notify(breakthroughArgs(captured, 2));
}
