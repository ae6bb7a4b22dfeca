// The global shortcut (setting `shortcut`) toggles focus: it ends a running block, or starts a
// 50-minute one (the service's toggleFocus command). It is registered again whenever the setting
// changes; one that the system refuses (taken by another app, or not a valid accelerator) is
// logged and Lull goes on without.
import type { Settings } from '../core/settings.ts';
import type { FocusRequest } from '../core/types.ts';
import { logger } from '../log.ts';

const log = logger('shortcut');
export const SHORTCUT_FOCUS: FocusRequest = { minutes: 50 };

export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface ShortcutOptions {
  globalShortcut: GlobalShortcutLike;
  settings: { get(): Settings; onChange(listener: (settings: Settings) => void): () => void };
  toggle: () => Promise<unknown>;
}

export function bindFocusShortcut(opts: ShortcutOptions): { registered(): string | null; dispose(): void } {
  let current: string | null = null;
  const apply = (accelerator: string): void => {
    if (accelerator === current) return;
    if (current !== null) opts.globalShortcut.unregister(current);
    current = null;
    if (accelerator.trim() === '') return;
    let ok = false;
    try {
      ok = opts.globalShortcut.register(accelerator, () => {
        opts.toggle().catch((error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error) }, 'the shortcut could not toggle focus'));
      });
    } catch {
      ok = false;
    }
    if (ok) current = accelerator;
    else log.warn({ accelerator }, 'the focus shortcut could not be registered');
  };
  apply(opts.settings.get().shortcut);
  const off = opts.settings.onChange((next) => apply(next.shortcut));
  return {
    registered: () => current,
    dispose() {
      off();
      if (current !== null) opts.globalShortcut.unregister(current);
      current = null;
    },
  };
}
