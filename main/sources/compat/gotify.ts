// Gotify's push API (https://gotify.net/docs/pushmsg, `POST /message`), read as Gotify's server
// reads it: JSON, or a form (urlencoded, or multipart as `curl -F` sends it), whose fields may also
// come in the query as Gotify's form binding allows. `message` is required; `priority` is an
// integer (Gotify's scale, 0–10). Pure: the route wiring is in index.ts.
import type { Priority, ToolMessage } from './fit.ts';
import { clickUrl, isRecord } from './fit.ts';

export interface GotifyMessage {
  title?: string;
  message: string;
  /** As sent; absent when none was. */
  priority?: number;
  /** Gotify's extras as sent (an object), echoed in the answer as Gotify does. */
  extras?: Record<string, unknown>;
}

export type GotifyParse = { ok: true; message: GotifyMessage } | { ok: false; status: 400; code: string; reason: string };

const bad = (code: string, reason: string): GotifyParse => ({ ok: false, status: 400, code, reason });

/** Gotify's scale onto Lull's: 10 = urgent, 8–9 = high, 4–7 = normal, 0–3 = low (and beyond each end, the end). */
export function gotifyPriority(p: number): Priority {
  if (p >= 10) return 'urgent';
  if (p >= 8) return 'high';
  if (p >= 4) return 'normal';
  return 'low';
}

/** The number a message without a priority is answered with: in Gotify's normal range, as Lull treats such a message. */
export const DEFAULT_GOTIFY_PRIORITY = 5;

function fields(title: unknown, message: unknown, priority: unknown, extras: unknown): GotifyParse {
  if (typeof message !== 'string' || message.trim() === '') return bad('invalid', 'message is required');
  if (title !== undefined && title !== null && typeof title !== 'string') return bad('invalid', 'title must be a string');
  let level: number | undefined;
  if (typeof priority === 'number') level = priority;
  else if (typeof priority === 'string' && priority.trim() !== '') level = /^\s*-?\d{1,9}\s*$/.test(priority) ? Number(priority) : Number.NaN;
  else if (priority !== undefined && priority !== null && priority !== '') level = Number.NaN;
  if (level !== undefined && !Number.isInteger(level)) return bad('invalid-priority', 'priority must be an integer (0–10)');
  return {
    ok: true,
    message: { message, ...(typeof title === 'string' && title !== '' && { title }), ...(level !== undefined && { priority: level }), ...(isRecord(extras) && { extras }) },
  };
}

/** A JSON body `{ title?, message, priority?, extras? }`. */
export function parseGotifyJson(json: unknown): GotifyParse {
  if (!isRecord(json)) return bad('invalid', 'send a JSON object { title?, message, priority? }');
  return fields(json.title, json.message, json.priority, json.extras);
}

/** A form's fields, over the query's (Gotify binds both). */
export function parseGotifyForm(form: ReadonlyMap<string, string>, query: Readonly<Record<string, string | string[] | undefined>>): GotifyParse {
  const get = (name: string): string | undefined => {
    const q = query[name];
    return form.get(name) ?? (Array.isArray(q) ? q[0] : q);
  };
  return fields(get('title'), get('message'), get('priority'), undefined);
}

/** Gotify's click extra (`client::notification.click.url`), which Lull keeps as the item's link. */
function clickOf(extras: Record<string, unknown> | undefined): string | undefined {
  const notification = extras?.['client::notification'];
  const click = isRecord(notification) ? notification.click : undefined;
  const url = isRecord(click) ? click.url : undefined;
  return typeof url === 'string' ? clickUrl(url) : undefined;
}

export function gotifyToolMessage(m: GotifyMessage, source: string): ToolMessage {
  return { source, title: m.title, message: m.message, priority: m.priority === undefined ? undefined : gotifyPriority(m.priority), url: clickOf(m.extras) };
}
