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
// digest never mentions them. Mail is one line per account, the way people count mail: "Mail (work)
// · 7 new mails, 2 from Anna" (the sender who wrote most, when more than one message is theirs).
// The words are the "digest" namespace of main/i18n.
import { senderForms } from '../core/rules.ts';
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
  /** A mail account's line: how many came from each sender (by the name they go by). */
  mail?: { account: string; from: Map<string, number> };
}

const MAIL_PREFIX = 'mail:';
/** "Anna Berg" for "Anna Berg <anna@x.test>": the name a person knows them by. */
const shortSender = (sender: string): string => senderForms(sender)[1] ?? sender;

/** The entries as lines. Lone items with no sender are folded per app or source: apart they would be identical lines. */
function linesOf(items: readonly DigestItem[]): Line[] {
  const lines = new Map<string, Line>();
  groupThreads(items).forEach((entry, first) => {
    const head = entry.items[0]!;
    if (head.source.startsWith(MAIL_PREFIX)) {
      const key = `mail\u0000${head.source}`;
      const line = lines.get(key) ?? { name: head.source, sender: undefined, count: 0, first, mail: { account: head.source.slice(MAIL_PREFIX.length), from: new Map() } };
      line.count += entry.items.length;
      for (const item of entry.items) if (item.sender) line.mail!.from.set(shortSender(item.sender), (line.mail!.from.get(shortSender(item.sender)) ?? 0) + 1);
      lines.set(key, line);
      return;
    }
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
  const text = shown.map((l) => (l.mail ? mailLine(l, l.mail, t) : [l.name, l.sender, t('messages', { count: l.count })].filter(Boolean).join(' · ')));
  const rest = lines.slice(shown.length).reduce((n, l) => n + l.count, 0);
  if (rest > 0) text.push(t('more', { count: rest }));
  return [head, ...text].join('\n');
}

function mailLine(line: Line, mail: NonNullable<Line['mail']>, t: ReturnType<typeof translator>): string {
  const mails = t('mails', { count: line.count });
  const [sender, n] = [...mail.from].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const counts = n >= 2 && n < line.count ? t('mailsFrom', { mails, n, sender }) : n === line.count && n > 0 ? `${mails} · ${sender}` : mails;
  return `${t('mailAccount', { account: mail.account })} · ${counts}`;
}
