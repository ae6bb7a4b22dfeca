// What Lull shows through the system's notifications (node-notifier): one digest per batch (the
// batch as entries with counts, digestText.ts), and at once any item that passes (breakthrough, or
// no block running), except the desktop bus's own (the user's daemon shows those itself). Every
// notification carries Lull's hint, so the desktop bus knows Lull's own notifications and never
// captures them as held items.
import type { Settings } from '../core/settings.ts';
import { DESKTOP_SOURCE, LULL_HINT } from '../core/vocabulary.ts';
import { digestText, type DigestLanguage } from './digestText.ts';
import { defineOutput } from './output.ts';

/** Lull's hint as node-notifier passes it to notify-send (`-h string:x-lull:digest`). */
export const DIGEST_HINT = `string:${LULL_HINT}:digest`;
export const APP_NAME = 'Lull';

export interface NotifierLike {
  notify(options: Record<string, unknown>, callback?: (error: Error | string | null, response?: string) => void): unknown;
}

/** What the app and the host each bring to the digest. */
export interface DigestOptions {
  notifier: NotifierLike;
  /** The language of Lull's words, from the `language` setting (the app and the host each know their locale). */
  language: (setting: Settings['language']) => DigestLanguage;
  icon?: string;
  /** Click events exist on macOS and Windows only (node-notifier has none on Linux). */
  clickable: boolean;
  openReview: () => void;
  openItem: (url: string | undefined) => void;
}

export function digestOutput(opts: DigestOptions) {
  return defineOutput({
    name: 'digest',
    settings: (all) => all.language,
    start(ctx) {
      const base = { appID: 'org.lull.app', 'app-name': APP_NAME, hint: DIGEST_HINT, sound: false, wait: opts.clickable, ...(opts.icon !== undefined && { icon: opts.icon }) };
      const send = (options: Record<string, unknown>, onClick: () => void): void => {
        try {
          opts.notifier.notify({ ...base, ...options }, (error, response) => {
            if (error) ctx.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'a notification could not be shown');
            else if (opts.clickable && response === 'activate') onClick();
          });
        } catch (error) {
          ctx.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'a notification could not be shown');
        }
      };
      const off = ctx.onEvent((event) => {
        if (event.type === 'batch' && event.items.length > 0) {
          send({ title: APP_NAME, message: digestText(event.items, opts.language(ctx.settings.get())), urgency: 'low' }, opts.openReview);
        } else if (event.type === 'item-added' && event.item.disposition !== 'held' && event.item.source !== DESKTOP_SOURCE) {
          const item = event.item;
          const from = item.sender ? `${item.sender} · ${item.source}` : item.source;
          send({ title: item.title, message: item.body || from, urgency: item.priority === 'urgent' ? 'critical' : 'normal' }, () => opts.openItem(item.url));
        }
      });
      return { stop: async () => off() };
    },
  });
}
