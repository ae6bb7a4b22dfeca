// ntfy's publishing API (https://docs.ntfy.sh/publish/), read the way ntfy's server reads it: each
// field from a header (first alias that is set), else from the query (its lowercase alias); a
// body that is not empty is the message and wins over `message=`; an empty message is "triggered";
// JSON at the root names its topic and wins over headers. Pure: the route wiring is in index.ts.
import type { Priority, ToolMessage } from './fit.ts';
import { clickUrl, splitTags } from './fit.ts';

export type Headers = Readonly<Record<string, string | string[] | undefined>>;
export type Query = Readonly<Record<string, string | string[] | undefined>>;

/** ntfy's own topic rule: a name with a dot, a slash or a space is never a topic. */
export const TOPIC = /^[-_A-Za-z0-9]{1,64}$/;

/**
 * Paths at the root of Lull's port that are not topics: the API, the focus feed, the login link,
 * the dashboard's files (`out/renderer`: `assets/`, and `*.html`, which the topic rule already
 * excludes) and Gotify's `/message`.
 */
export const RESERVED_TOPICS: ReadonlySet<string> = new Set(['v1', 'feed', 'login', 'assets', 'message']);

export const isTopic = (name: string): boolean => TOPIC.test(name) && !RESERVED_TOPICS.has(name);

/** What ntfy sets when a message is published with no text (a webhook `GET /topic/trigger`). */
export const EMPTY_MESSAGE = 'triggered';

const ALIASES = {
  title: ['x-title', 'title', 'ti', 't'],
  message: ['x-message', 'message', 'm'],
  priority: ['x-priority', 'priority', 'prio', 'p'],
  tags: ['x-tags', 'tags', 'tag', 'ta'],
  click: ['x-click', 'click'],
} as const;

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`), which ntfy accepts in headers for non-ASCII text. */
function encodedWords(value: string): string | undefined {
  const words = /^=\?utf-8\?([bq])\?([^?]*)\?=$/i.exec(value.trim());
  if (!words) return undefined;
  const [, kind, text = ''] = words;
  const bytes = kind?.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
  return bytes.toString('utf8');
}

/**
 * A header's text. Node hands header bytes over as latin1; curl and most tools send UTF-8 there
 * (`-H "Title: Dörr öppen"`), so bytes that are valid UTF-8 are read as UTF-8.
 */
export function headerText(value: string): string {
  const words = encodedWords(value);
  if (words !== undefined) return words;
  if (!/[\x80-\xff]/.test(value) || /[^\x00-\xff]/.test(value)) return value;
  try {
    return utf8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

/** ntfy's readParam: the first alias set as a header, else the first set in the query; trimmed. */
export function readParam(headers: Headers, query: Query, names: readonly string[]): string {
  for (const name of names) {
    const value = first(headers[name]);
    if (value !== undefined && headerText(value).trim() !== '') return headerText(value).trim();
  }
  for (const name of names) {
    const value = first(query[name]);
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return '';
}

/** ntfy's priority words and numbers: 1 = min … 5 = max/urgent. */
const LEVELS: Record<string, 1 | 2 | 3 | 4 | 5> = { '1': 1, min: 1, '2': 2, low: 2, '3': 3, default: 3, '4': 4, high: 4, '5': 5, max: 5, urgent: 5 };
const LULL_PRIORITY: Record<1 | 2 | 3 | 4 | 5, Priority> = { 1: 'low', 2: 'low', 3: 'normal', 4: 'high', 5: 'urgent' };

/** An ntfy priority: its number, none when empty, or 'invalid' (ntfy answers 400). */
export function parsePriority(text: string): 1 | 2 | 3 | 4 | 5 | undefined | 'invalid' {
  const p = text.trim().toLowerCase();
  if (p === '') return undefined;
  const level = LEVELS[p];
  if (level !== undefined) return level;
  // HTTP's own Priority header (RFC 9218, `u=1, i`) shares the name; ntfy reads it as default.
  return p.startsWith('u=') ? 3 : 'invalid';
}

/** A message as ntfy would publish it: what the item is made of and what the answer echoes. */
export interface NtfyMessage {
  topic: string;
  message: string;
  title?: string;
  /** ntfy's number, as answered. */
  priority?: 1 | 2 | 3 | 4 | 5;
  tags?: string[];
  /** Kept only when Lull may open it (fit.ts clickUrl). */
  click?: string;
}

export type NtfyParse = { ok: true; message: NtfyMessage } | { ok: false; status: 400; code: string; reason: string };

const bad = (code: string, reason: string): NtfyParse => ({ ok: false, status: 400, code, reason });

/** Fields a JSON publish may set instead of headers (ntfy's transformBodyJSON). */
interface JsonFields {
  message?: string;
  title?: string;
  priority?: number;
  tags?: string[];
  click?: string;
}

function build(topic: string, text: string, headers: Headers, query: Query, json: JsonFields = {}): NtfyParse {
  const priorityText = json.priority ? String(json.priority) : readParam(headers, query, ALIASES.priority);
  const priority = parsePriority(priorityText);
  if (priority === 'invalid') return bad('invalid-priority', 'priority must be 1–5 or min, low, default, high, max, urgent');
  const tags = json.tags && json.tags.length > 0 ? json.tags : splitTags(readParam(headers, query, ALIASES.tags));
  const kept = tags.map((t) => t.trim()).filter((t) => t !== '');
  const title = json.title?.trim() || readParam(headers, query, ALIASES.title);
  const click = clickUrl(json.click?.trim() || readParam(headers, query, ALIASES.click));
  const message = text.trim() || readParam(headers, query, ALIASES.message) || EMPTY_MESSAGE;
  return {
    ok: true,
    message: { topic, message, ...(title && { title }), ...(priority && { priority }), ...(kept.length > 0 && { tags: kept }), ...(click && { click }) },
  };
}

/** `PUT|POST /<topic>` (the body is the message) and `GET /<topic>/publish|send|trigger` (no body). */
export function parseTopicPublish(topic: string, body: Buffer, headers: Headers, query: Query): NtfyParse {
  // Bytes that are not UTF-8 are read with U+FFFD in their place (ntfy would make them an attachment).
  return build(topic, body.toString('utf8'), headers, query);
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((t) => typeof t === 'string');
const optional = (v: unknown, ok: (v: unknown) => boolean): boolean => v === undefined || v === null || ok(v);

/** JSON `POST /` `{ topic, message?, title?, priority?, tags?, click? }`; headers and query fill what it leaves out. */
export function parseJsonPublish(json: Record<string, unknown>, headers: Headers, query: Query): NtfyParse {
  const { topic, message, title, priority, tags, click } = json;
  if (typeof topic !== 'string' || !TOPIC.test(topic)) return bad('invalid-topic', 'topic must be 1–64 letters, digits, - or _');
  const str = (v: unknown) => typeof v === 'string';
  if (!optional(message, str) || !optional(title, str) || !optional(click, str) || !optional(tags, isStringList)) return bad('invalid', 'message, title and click must be strings, tags a list of strings');
  if (!optional(priority, (p) => Number.isInteger(p) && (p as number) >= 0 && (p as number) <= 5)) return bad('invalid-priority', 'priority must be a number 1–5');
  const fields: JsonFields = {
    ...(typeof title === 'string' && { title }),
    ...(typeof priority === 'number' && { priority }),
    ...(isStringList(tags) && { tags }),
    ...(typeof click === 'string' && { click }),
  };
  return build(topic, typeof message === 'string' && message.trim() !== '' ? message : EMPTY_MESSAGE, headers, query, fields);
}

/** The item's parts for a parsed ntfy message; the topic is the source. */
export function ntfyToolMessage(m: NtfyMessage): ToolMessage {
  return { source: m.topic, title: m.title, message: m.message, priority: m.priority && LULL_PRIORITY[m.priority], tags: m.tags, url: m.click };
}
