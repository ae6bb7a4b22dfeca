// What the host shows on a desktop, as the app does: digests and passing items through the
// system's notifications, when there is a desktop session to show them in.
import notifier from 'node-notifier';
import { languageFor } from '../core/settings.ts';
import { digestOutput } from '../delivery/digest.ts';
import type { OutputDefinition } from '../delivery/output.ts';

export function hostDigests(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): OutputDefinition[] {
  // On Linux the notifications go over the session bus: without one there is no desktop to show them on.
  if (platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS) return [];
  return [
    digestOutput({
      notifier,
      // Lull's words follow the setting, or the terminal's language.
      language: (setting) => languageFor(setting, env.LC_ALL || env.LC_MESSAGES || env.LANG || ''),
      clickable: false,
      openReview: () => {},
      openItem: () => {},
    }),
  ];
}
