// What Lull shows through the system's notifications (node-notifier): one digest per batch, and
// at once any item that passes (breakthrough, or no block running), except the desktop bus's own
// (it re-shows its breakthroughs itself). Every notification carries the x-lull:digest hint, so
// the desktop-bus source knows Lull's own notifications and never captures them as held items.
import type { EngineEvent } from '../core/types.ts';
import { logger } from '../log.ts';
import { DESKTOP_SOURCE } from '../sources/desktopBus/notifyCall.ts';
import { digestText, type DigestLanguage } from './digestText.ts';

const log = logger('digest');

export const LULL_HINT = 'string:x-lull:digest';
export const APP_NAME = 'Lull';

export interface NotifierLike {
  notify(options: Record<string, unknown>, callback?: (error: Error | string | null, response?: string) => void): unknown;
}

export interface DigestOptions {
  notifier: NotifierLike;
  engine: { on(listener: (event: EngineEvent) => void): () => void };
  language: () => DigestLanguage;
  icon?: string;
  /** Click events exist on macOS and Windows only (node-notifier has none on Linux). */
  clickable: boolean;
  openReview: () => void;
  openItem: (url: string | undefined) => void;
}

export function startDigests(opts: DigestOptions): () => void {
  const base = { appID: 'org.lull.app', 'app-name': APP_NAME, hint: LULL_HINT, sound: false, wait: opts.clickable, ...(opts.icon !== undefined && { icon: opts.icon }) };
  const send = (options: Record<string, unknown>, onClick: () => void): void => {
    try {
      opts.notifier.notify({ ...base, ...options }, (error, response) => {
        if (error) log.warn({ err: error instanceof Error ? error.message : String(error) }, 'a notification could not be shown');
        else if (opts.clickable && response === 'activate') onClick();
      });
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'a notification could not be shown');
    }
  };
  return opts.engine.on((event) => {
    if (event.type === 'batch' && event.items.length > 0) {
      send({ title: APP_NAME, message: digestText(event.items, opts.language()), urgency: 'low' }, opts.openReview);
    } else if (event.type === 'item-added' && event.item.disposition !== 'held' && event.item.source !== DESKTOP_SOURCE) {
      const item = event.item;
      const from = item.sender ? `${item.sender} · ${item.source}` : item.source;
      send({ title: item.title, message: item.body || from, urgency: item.priority === 'urgent' ? 'critical' : 'normal' }, () => opts.openItem(item.url));
    }
  });
}
