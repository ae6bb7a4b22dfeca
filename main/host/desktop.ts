// What the host shows on a desktop, as the app does: digests and passing items through the
// system's notifications, when there is a desktop session to show them in.
import notifier from 'node-notifier';
import { startDigests } from '../delivery/digest.ts';
import type { Lull } from '../service/lull.ts';
import { languageFor } from '../core/settings.ts';

export function startHostDigests(lull: Lull, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): () => void {
  // On Linux the notifications go over the session bus: without one there is no desktop to show them on.
  if (platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS) return () => {};
  return startDigests({
    notifier,
    engine: lull.engine,
    // Lull's words follow the setting, or the terminal's language.
    language: () => languageFor(lull.settings.get().language, env.LC_ALL || env.LC_MESSAGES || env.LANG || ''),
    clickable: false,
    openReview: () => {},
    openItem: () => {},
  });
}
