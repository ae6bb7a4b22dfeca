// The sources Lull starts beside its HTTP inbox, in the app and in the host alike: the desktop
// bus on Linux (it says in its health when there is no session bus or no daemon it can hold).
import { startDesktopBus } from './desktopBus/index.ts';
import type { StartSource } from './legacySource.ts';

export function platformSources(platform: NodeJS.Platform = process.platform): StartSource[] {
  return platform === 'linux' ? [startDesktopBus] : [];
}
