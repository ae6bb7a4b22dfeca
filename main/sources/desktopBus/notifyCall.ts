// The calls of the Desktop Notifications spec as they enter Lull, validated: a Notify call turned
// into an item for the engine (nothing is invented: a sender is taken only from a hint that names
// one), Notify's reply (the id the daemon gave) and CloseNotification's id.
import { z } from 'zod';
import type { IncomingItem, Priority } from '../../core/types.ts';
import { DESKTOP_SOURCE, LULL_HINT } from '../../core/vocabulary.ts';
import { bounded, firstLink, plainText } from '../../system/markup.ts';
import type { BusCall, DaemonReply } from './monitor.ts';

export const NOTIFY_SIGNATURE = 'susssasa{sv}i';

const LIMITS = { title: 256, body: 8192, app: 128, category: 64, sender: 256, tag: 64, tags: 16 } as const;

const variant = z.object({ signature: z.string(), value: z.unknown() });
const notifyArgs = z.tuple([
  z.string(), // app_name
  z.number().int().nonnegative(), // replaces_id
  z.string(), // app_icon
  z.string(), // summary
  z.string(), // body
  z.array(z.string()), // actions: key, label, key, label …
  z.record(z.string(), variant), // hints
  z.number().int(), // expire_timeout
]);

const URGENCY: readonly Priority[] = ['low', 'normal', 'urgent'];

export interface CapturedNotification {
  /** Its icon rides along in memory (IncomingItem.icon), for Lull to show it again as a breakthrough. */
  item: IncomingItem;
  /** The daemon's id of the notification this one updates; 0 for a new one (chains.ts makes the thread). */
  replacesId: number;
}

export type Decoded = { kind: 'item'; captured: CapturedNotification } | { kind: 'own' } | { kind: 'malformed'; reason: string };

function stringHint(hints: Record<string, { value: unknown }>, key: string): string | undefined {
  const value = hints[key]?.value;
  return typeof value === 'string' ? value : undefined;
}

function urgencyOf(hints: Record<string, { value: unknown }>): 0 | 1 | 2 | null {
  const value = hints.urgency?.value;
  const n = typeof value === 'bigint' ? Number(value) : value;
  return n === 0 || n === 1 || n === 2 ? n : null;
}

function actionTags(actions: readonly string[]): string[] {
  const tags: string[] = [];
  for (let i = 0; i + 1 < actions.length && tags.length < LIMITS.tags; i += 2) {
    const label = plainText(actions[i + 1] ?? '', LIMITS.tag - 'action:'.length);
    if (actions[i] !== 'default' && label) tags.push(`action:${label}`);
  }
  return tags;
}

const optional = (s: string): string | undefined => (s === '' ? undefined : s);

export function decodeNotify(call: BusCall): Decoded {
  if (call.signature !== NOTIFY_SIGNATURE) return { kind: 'malformed', reason: `signature ${bounded(call.signature, 64)} is not ${NOTIFY_SIGNATURE}` };
  const parsed = notifyArgs.safeParse(call.body);
  if (!parsed.success) return { kind: 'malformed', reason: 'arguments do not match the Notify call' };
  const [appName, replacesId, icon, summary, body, actions, hints] = parsed.data;
  if (LULL_HINT in hints) return { kind: 'own' };
  const urgency = urgencyOf(hints);
  const app = optional(plainText(appName, LIMITS.app));
  const category = optional(plainText(stringHint(hints, 'category') ?? '', LIMITS.category));
  const tags = actionTags(actions);
  const item: IncomingItem = {
    source: DESKTOP_SOURCE,
    title: plainText(summary, LIMITS.title) || app || 'Notification',
    body: optional(plainText(body, LIMITS.body)),
    sender: optional(plainText(stringHint(hints, 'x-kde-origin-name') ?? '', LIMITS.sender)),
    url: firstLink(body),
    priority: urgency === null ? undefined : URGENCY[urgency],
    app,
    category,
    tags: tags.length ? tags : undefined,
    icon: optional(bounded(icon, 1024)),
  };
  return { kind: 'item', captured: { item, replacesId } };
}

const notificationId = z.tuple([z.number().int().positive()]);

/** The id in Notify's reply (signature `u`), or null for any other reply the daemon sends. */
export function decodeReplyId(reply: DaemonReply): number | null {
  if (reply.signature !== 'u') return null;
  const parsed = notificationId.safeParse(reply.body);
  return parsed.success ? parsed.data[0] : null;
}

/** The id a CloseNotification call closes, or null when the call is malformed (the daemon refuses it too). */
export function decodeCloseId(call: BusCall): number | null {
  if (call.signature !== 'u') return null;
  const parsed = notificationId.safeParse(call.body);
  return parsed.success ? parsed.data[0] : null;
}
