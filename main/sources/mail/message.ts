// One new message as an item (PRODUCT.md §3.4): source `mail:<account>`, sender "Name <address>",
// title = the Subject (imapflow decodes RFC 2047), the Message-ID as the dedupe key, a webmail link
// when the account has a template, and the priority its headers ask for. Only headers are read.
import { createHash } from 'node:crypto';
import { mailName, type MailAccount } from '../../core/mailSettings.ts';
import type { IncomingItem, Priority } from '../../core/types.ts';
import { isAllowedUrl, LIMITS } from '../../core/vocabulary.ts';
import { bounded } from '../../system/markup.ts';

/** The headers fetched besides the envelope (with BODY.PEEK, so nothing is marked read). */
export const FETCHED_HEADERS = ['importance', 'x-priority', 'priority', 'precedence', 'auto-submitted', 'list-id', 'references'] as const;

/** What the watcher fetched for one message: its envelope and a few headers, never the body. */
export interface MailHeaders {
  uid: number;
  /** The server's arrival time (INTERNALDATE), epoch ms. */
  receivedAt: number;
  subject?: string | undefined;
  from?: { name?: string | undefined; address?: string | undefined } | undefined;
  messageId?: string | undefined;
  inReplyTo?: string | undefined;
  /** The raw header block of FETCHED_HEADERS, as the server sent it. */
  headers?: string | undefined;
}

const fit = (text: string, max: number): string => bounded(text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().toWellFormed(), max);

/** "Name <address>", or whichever of the two there is. */
export function senderOf(from: MailHeaders['from']): string | undefined {
  const name = from?.name?.trim();
  const address = from?.address?.trim();
  const text = name && address && name !== address ? `${name} <${address}>` : address || name;
  return text ? fit(text, LIMITS.sender) : undefined;
}

/** A header's value (the first), unfolded; undefined when the block does not have it. */
function header(block: string, name: string): string | undefined {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}

/**
 * The priority a message's headers ask for: "high" for X-Priority 1–2 or Importance/Priority high
 * or urgent, "low" for bulk, list and automatic mail. Never "urgent": any sender can set a header,
 * and only the user's own rules (VIP, keywords) let mail through a block.
 */
export function priorityOf(block: string | undefined): Priority {
  if (!block) return 'normal';
  const xPriority = /^\s*([1-5])/.exec(header(block, 'x-priority') ?? '')?.[1];
  const importance = (header(block, 'importance') ?? header(block, 'priority') ?? '').toLowerCase();
  if (xPriority === '1' || xPriority === '2' || importance === 'high' || importance === 'urgent') return 'high';
  const precedence = (header(block, 'precedence') ?? '').toLowerCase();
  const auto = (header(block, 'auto-submitted') ?? 'no').toLowerCase();
  if (xPriority === '4' || xPriority === '5' || importance === 'low' || importance === 'non-urgent' || ['bulk', 'list', 'junk'].includes(precedence) || auto !== 'no' || header(block, 'list-id') !== undefined) return 'low';
  return 'normal';
}

/** The Message-ID without its angle brackets. */
const bareId = (id: string): string => id.trim().replace(/^<|>$/g, '');

/** The dedupe key: the Message-ID as sent, or a digest of it when it is longer than Lull keeps. */
export function dedupeKeyOf(messageId: string | undefined): string | undefined {
  const id = messageId?.trim();
  if (!id) return undefined;
  return id.length <= LIMITS.dedupeKey ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
}

/** The account's `webUrl` template filled for one message; undefined when it cannot be filled or opened. */
export function linkOf(account: Pick<MailAccount, 'webUrl' | 'mailbox'>, message: Pick<MailHeaders, 'uid' | 'messageId'>): string | undefined {
  if (!account.webUrl) return undefined;
  const values: Record<string, string | undefined> = { messageId: message.messageId ? bareId(message.messageId) : undefined, uid: String(message.uid), mailbox: account.mailbox };
  let missing = false;
  const url = account.webUrl.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? '');
  });
  return !missing && url.length <= LIMITS.url && isAllowedUrl(url) ? url : undefined;
}

export function toItem(account: MailAccount, message: MailHeaders): IncomingItem {
  const sender = senderOf(message.from);
  const url = linkOf(account, message);
  const dedupeKey = dedupeKeyOf(message.messageId);
  // A conversation is one thread: the first message it refers to (its root), else the message itself.
  const root = /<[^<>\s]+>/.exec(header(message.headers ?? '', 'references') ?? '')?.[0] ?? message.inReplyTo ?? message.messageId;
  const thread = dedupeKeyOf(root);
  return {
    source: mailName(account.name),
    title: fit(message.subject ?? '', LIMITS.title) || '(no subject)',
    priority: priorityOf(message.headers),
    ...(sender && { sender }),
    ...(url && { url }),
    ...(dedupeKey && { dedupeKey }),
    ...(thread && thread.length <= LIMITS.thread && { thread }),
  };
}
