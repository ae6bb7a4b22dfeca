// The text of a batch digest: the batch as entries (threads, PRODUCT.md §2), with counts —
// "9 held in 2 conversations", then a line per entry, "Slack · Anna · 5 messages".
//
// What a digest may name. Batches are released during a block, and the digest is the one thing
// Lull puts on the screen then, so §8 holds: counts, not content. Content is what was said — a
// title or a body ("Anna: are you free?"), and a thread key too (it is often a subject line) —
// and it stays for the review. Where it came from (the app or source) and who sent it are not
// what was said: they are the table of contents the user needs to choose where to start, as a
// phone's "Anna · 5 messages" is. So a line names the app or source, and the sender when every
// item of the entry has the same one; nothing else. Resolved items are never in a batch, so a
// digest never mentions them. The words are the "digest" namespace of main/i18n.
import { groupThreads, type Threadable } from '../core/threads.ts';
import { translator, type Language } from '../i18n/index.ts';

export type DigestLanguage = Language;

export interface DigestItem extends Threadable {
  /** The desktop app that raised it; other sources are named by their source. */
  app?: string | undefined;
}

/** More lines than this and the notification is cut by most daemons; the rest is one "+ N more". */
const MAX_LINES = 4;

interface Line {
  name: string;
  sender: string | undefined;
  count: number;
  first: number;
}

/** The entries as lines. Lone items with no sender are folded per app or source: apart they would be identical lines. */
function linesOf(items: readonly DigestItem[]): Line[] {
  const lines = new Map<string, Line>();
  groupThreads(items).forEach((entry, first) => {
    const head = entry.items[0]!;
    const name = head.app ?? head.source;
    const same = head.sender?.toLocaleLowerCase();
    const sender = entry.items.every((i) => i.sender?.toLocaleLowerCase() === same) ? head.sender : undefined;
    const key = entry.items.length === 1 && sender === undefined ? `lone\u0000${name}` : entry.key;
    const line = lines.get(key);
    if (line) line.count += entry.items.length;
    else lines.set(key, { name, sender, count: entry.items.length, first });
  });
  return [...lines.values()].sort((a, b) => b.count - a.count || a.first - b.first);
}

export function digestText(items: readonly DigestItem[], language: DigestLanguage = 'en'): string {
  const t = translator(language, 'digest');
  const conversations = groupThreads(items).length;
  // "12 held in 12 conversations" says nothing the count does not: the conversations are named only when some were grouped.
  const head = conversations < items.length ? t('heldIn', { n: items.length, count: conversations }) : t('held', { count: items.length });
  const lines = linesOf(items);
  const shown = lines.length > MAX_LINES ? lines.slice(0, MAX_LINES - 1) : lines;
  const text = shown.map((l) => [l.name, l.sender, t('messages', { count: l.count })].filter(Boolean).join(' · '));
  const rest = lines.slice(shown.length).reduce((n, l) => n + l.count, 0);
  if (rest > 0) text.push(t('more', { count: rest }));
  return [head, ...text].join('\n');
}
