// Lull's windows: created only when asked for, shown on `ready-to-show`, destroyed when closed
// (no hidden renderer stays alive), one of each kind, and reopened where they were last.
import type { BrowserWindowConstructorOptions, Event } from 'electron';
import { logger } from '../log.ts';
import type { Rect, WindowBounds } from './windowBounds.ts';
import { secureWebPreferences } from './security.ts';

const log = logger('windows');

export type WindowKind = 'dashboard' | 'review';

interface WindowSpec {
  page: string;
  title: string;
  width: number;
  height: number;
}

export const WINDOW_SPECS: Record<WindowKind, WindowSpec> = {
  dashboard: { page: 'index.html', title: 'Lull', width: 1100, height: 760 },
  review: { page: 'review.html', title: 'Lull — review', width: 760, height: 680 },
};

export interface WindowLike {
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: (event: Event) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  show(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
  isDestroyed(): boolean;
  getNormalBounds(): Rect;
  loadURL(url: string): Promise<void>;
  webContents: { send(channel: string, ...args: unknown[]): void };
}

export interface WindowManagerOptions {
  createWindow: (options: BrowserWindowConstructorOptions) => WindowLike;
  /** URL of a page of the renderer, with an optional in-app route. */
  pageUrl: (page: string, route?: string) => string;
  preload: string;
  icon?: string;
  bounds: WindowBounds;
  workAreas: () => Rect[];
}

export interface WindowManager {
  /** Shows the window of `kind` (creating it if needed), at `route` when given. */
  open(kind: WindowKind, route?: string): WindowLike;
  /** Sends a contract event to every open window. */
  broadcast(channel: string, payload: unknown): void;
}

export function createWindowManager(opts: WindowManagerOptions): WindowManager {
  const open = new Map<WindowKind, WindowLike>();
  const ready = new Set<WindowLike>();
  const load = (win: WindowLike, kind: WindowKind, route?: string): void =>
    void win.loadURL(opts.pageUrl(WINDOW_SPECS[kind].page, route)).catch((error: unknown) => log.warn({ kind, err: error instanceof Error ? error.message : String(error) }, 'a window could not load its page'));
  const create = (kind: WindowKind, route?: string): WindowLike => {
    const spec = WINDOW_SPECS[kind];
    const saved = opts.bounds.get(kind, opts.workAreas());
    const win = opts.createWindow({
      ...(saved ?? { width: spec.width, height: spec.height, center: true }),
      minWidth: 420,
      minHeight: 360,
      title: spec.title,
      show: false,
      backgroundColor: '#f4f4f2',
      ...(opts.icon !== undefined && { icon: opts.icon }),
      webPreferences: secureWebPreferences(opts.preload),
    });
    open.set(kind, win);
    win.once('ready-to-show', () => {
      ready.add(win);
      win.show();
    });
    win.on('close', () => opts.bounds.set(kind, win.getNormalBounds()));
    win.on('closed', () => {
      ready.delete(win);
      if (open.get(kind) === win) open.delete(kind);
    });
    load(win, kind, route);
    return win;
  };
  return {
    open(kind, route) {
      const win = open.get(kind);
      if (!win || win.isDestroyed()) return create(kind, route);
      if (route !== undefined) load(win, kind, route);
      // Not painted yet: it shows itself on ready-to-show.
      if (!ready.has(win)) return win;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      return win;
    },
    broadcast(channel, payload) {
      for (const win of open.values()) if (!win.isDestroyed()) win.webContents.send(channel, payload);
    },
  };
}
