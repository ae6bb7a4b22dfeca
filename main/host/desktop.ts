// What the host does on a desktop, as the app does: watch the Linux session bus (the
// desktop-bus source says in its health when there is none), and show digests and passing
// items through the system's notifications when there is a desktop session to show them in.
import notifier from 'node-notifier';
import { startDigests } from '../delivery/digest.ts';
import type { Lull } from '../service/lull.ts';
import { startDesktopBus } from '../sources/desktopBus/index.ts';
import type { StartSource } from '../sources/source.ts';

export function hostSources(platform: NodeJS.Platform = process.platform): StartSource[] {
  return platform === 'linux' ? [startDesktopBus] : [];
}

/** Lull's words follow the setting, or the terminal's language. */
export function hostLanguage(setting: 'system' | 'en' | 'sv', env: NodeJS.ProcessEnv = process.env): 'en' | 'sv' {
  if (setting !== 'system') return setting;
  return /^sv\b/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'sv' : 'en';
}

export function startHostDigests(lull: Lull, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): () => void {
  // On Linux the notifications go over the session bus: without one there is no desktop to show them on.
  if (platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS) return () => {};
  return startDigests({
    notifier,
    engine: lull.engine,
    language: () => hostLanguage(lull.settings.get().language, env),
    clickable: false,
    openReview: () => {},
    openItem: () => {},
  });
}
