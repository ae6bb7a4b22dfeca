// The sources the desktop app starts besides its HTTP inbox. The desktop-bus source is found at
// build time if its module exists (import.meta.glob), so the shell builds with or without it.
/// <reference types="vite/client" />
import type { Item } from '../core/types.ts';
import type { StartSource } from '../sources/source.ts';

const desktopBus = import.meta.glob<StartSource | undefined>('../sources/desktopBus/*.ts', { import: 'startDesktopBus' });

/** Every `startDesktopBus` the build found (none until that source exists). */
export async function shellSources(platform: NodeJS.Platform = process.platform): Promise<StartSource[]> {
  if (platform !== 'linux') return [];
  const found = await Promise.all(Object.values(desktopBus).map((load) => load()));
  return found.filter((start): start is StartSource => typeof start === 'function');
}

/** The desktop bus names its items so (DESKTOP_SOURCE in sources/desktopBus/notifyCall.ts; a test keeps the two equal). */
export const DESKTOP_SOURCE = 'desktop';

/** Items the desktop bus captured show themselves (it re-shows its breakthroughs); the shell shows the rest. */
export const showsItself = (item: Item): boolean => item.source === DESKTOP_SOURCE;
