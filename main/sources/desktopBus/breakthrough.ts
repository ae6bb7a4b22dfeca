// Shows a breakthrough captured while the user's daemon is held, at once. node-notifier cannot:
// whatever it sends lands in the held daemon. dunst: a private overlay dunst shows it. GNOME and
// swaync show critical notifications through their do-not-disturb, so a critical original passes
// by itself and Lull sends a critical copy of any other; mako does what its do-not-disturb mode says.
import type { DaemonName } from '../../delivery/daemons/control.ts';
import type { IncomingItem } from '../../core/types.ts';
import type { NotifyArgs } from './daemonWatch.ts';
import type { DunstOverlay } from './dunstOverlay.ts';
import type { CapturedNotification } from './notifyCall.ts';

export const BREAKTHROUGH_HINT_VALUE = 'breakthrough';

export interface BreakthroughPresenter {
  show(item: IncomingItem, display: CapturedNotification['display']): Promise<void>;
  close(): Promise<void>;
}

const escapeMarkup = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What Lull sends: the text as captured (in memory only; "titles only" governs what is stored, not what is shown). */
export function breakthroughArgs(item: IncomingItem, display: CapturedNotification['display'], urgency: 0 | 1 | 2): NotifyArgs {
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

export function presenterFor(daemon: DaemonName, deps: { overlay: DunstOverlay; notify: (args: NotifyArgs) => Promise<void> }): BreakthroughPresenter {
  if (daemon === 'dunst') {
    return {
      show: (item, display) => deps.overlay.show(breakthroughArgs(item, display, display.urgency ?? 1)),
      close: () => deps.overlay.close(),
    };
  }
  return {
    async show(item, display) {
      if (display.urgency === 2) return; // the daemon shows a critical one through do-not-disturb itself
      await deps.notify(breakthroughArgs(item, display, 2));
    },
    close: async () => {},
  };
}
