// Apprise's `json://` target (https://github.com/caronc/apprise/wiki/Notify_Custom_JSON): a POST of
// `{ version, title, message, attachments, type }`, type one of info, success, warning, failure.
// It carries no topic, which is how `POST /` tells it from ntfy's JSON. Pure: wiring in index.ts.
import type { Priority, ToolMessage } from './fit.ts';

export const APPRISE_TYPES = ['info', 'success', 'warning', 'failure'] as const;
export type AppriseType = (typeof APPRISE_TYPES)[number];

/**
 * Only a failure asks for attention soon (PRODUCT.md §3.3: `failure` = high). A warning ("disk at
 * 80 %") is the kind of news a batch is for, so it is normal like info and success; none is urgent
 * (only urgent breaks through a block, and Apprise has no way to say it).
 */
const PRIORITY: Record<AppriseType, Priority> = { info: 'normal', success: 'normal', warning: 'normal', failure: 'high' };

/** Whether a JSON body at `POST /` is Apprise's rather than ntfy's: no topic, and Apprise's own keys. */
export const isApprise = (json: Record<string, unknown>): boolean => !('topic' in json) && ('version' in json || 'type' in json);

export interface AppriseMessage {
  title: string;
  message: string;
  /** Unknown types are read as info. */
  type: AppriseType;
}

export type AppriseParse = { ok: true; message: AppriseMessage } | { ok: false; status: 400; code: string; reason: string };

export function parseAppriseJson(json: Record<string, unknown>): AppriseParse {
  const { title = '', message = '', type } = json;
  if (typeof title !== 'string' || typeof message !== 'string') return { ok: false, status: 400, code: 'invalid', reason: 'title and message must be strings' };
  if (title.trim() === '' && message.trim() === '') return { ok: false, status: 400, code: 'invalid', reason: 'send a title or a message' };
  const known = APPRISE_TYPES.find((t) => t === type) ?? 'info';
  return { ok: true, message: { title, message, type: known } };
}

export function appriseToolMessage(m: AppriseMessage, source: string): ToolMessage {
  return { source, title: m.title, message: m.message, priority: PRIORITY[m.type] };
}
