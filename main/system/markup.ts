// Notification text as people read it: the body markup of the Desktop Notifications spec (b, i,
// u, a, img, entities) turned into plain text, invisible and control characters removed, and
// the result bounded the way the HTTP inbox bounds it. Linear in the input, whatever it holds.

/** Work on at most this many characters of the raw input for each character kept. */
const RAW_PER_KEPT = 8;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

// C0/C1 controls except tab and newline, and the bidirectional overrides used to disguise text.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function decodeEntity(match: string, name: string): string {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  }
  return ENTITIES[name] ?? match;
}

/**
 * A copy that owns its characters. V8 keeps a substring as a view of its parent, so an 8 KiB cut
 * of a 4 MiB body would keep the 4 MiB alive for as long as the item is held.
 */
export const detached = (text: string): string => Buffer.from(text, 'utf16le').toString('utf16le');

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair, marking the cut with an ellipsis. */
export function bounded(text: string, max: number): string {
  if (text.length <= max) return detached(text);
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return detached(`${text.slice(0, end)}…`);
}

/** Plain text without markup, control or lone surrogate characters. */
export function plainText(raw: string, max: number): string {
  const window = raw.length > max * RAW_PER_KEPT ? raw.slice(0, max * RAW_PER_KEPT) : raw;
  const text = window
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,5});/g, decodeEntity)
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .toWellFormed()
    .trim();
  return bounded(text, max);
}

/** The first link in the body markup, if it is one the review window may open. */
export function firstLink(raw: string): string | undefined {
  const match = /<a\s[^<>]*?href\s*=\s*(?:"([^"]{1,2048})"|'([^']{1,2048})')/i.exec(raw.length > 65_536 ? raw.slice(0, 65_536) : raw);
  const href = (match?.[1] ?? match?.[2])?.replace(/&amp;/g, '&');
  if (!href) return undefined;
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
