// The sources the desktop app starts besides its HTTP inbox: the desktop bus on Linux (it says
// in its health when there is no session bus or no daemon it can hold, and Lull carries on).
import type { StartSource } from '../sources/source.ts';
import { startDesktopBus } from '../sources/desktopBus/index.ts';

export function shellSources(platform: NodeJS.Platform = process.platform): StartSource[] {
  return platform === 'linux' ? [startDesktopBus] : [];
}
