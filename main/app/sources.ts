// The sources the desktop app starts besides its HTTP inbox: the desktop bus on Linux (it says
// in its health when there is no session bus or no daemon it can hold, and Lull carries on).
import type { Item } from '../core/types.ts';
import type { StartSource } from '../sources/source.ts';
import { startDesktopBus } from '../sources/desktopBus/index.ts';
import { DESKTOP_SOURCE } from '../sources/desktopBus/notifyCall.ts';

export function shellSources(platform: NodeJS.Platform = process.platform): StartSource[] {
  return platform === 'linux' ? [startDesktopBus] : [];
}

/** Items the desktop bus captured show themselves (it re-shows its breakthroughs); the shell shows the rest. */
export const showsItself = (item: Item): boolean => item.source === DESKTOP_SOURCE;
