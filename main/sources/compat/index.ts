// The tool doors (PRODUCT.md §3.3): ntfy's publishing API at the root of Lull's port, Gotify's
// `POST /message` and Apprise's `json://`, so that any tool that can notify ntfy or Gotify can
// notify Lull with no bridge. Each form is read by its own pure module (ntfy.ts, gotify.ts,
// apprise.ts) and fitted to Lull's limits by fit.ts — text that is too long is cut, never refused,
// since these callers cannot adapt. Each answers as its original does, after the durable commit.
import { createHash } from 'node:crypto';
import { notificationSchema, type NotificationInput } from '../../core/incoming.ts';
import { isoTime } from '../../i18n/time.ts';
import { defineSource, refuse, type DoorReply, type DoorRequest, type SourceContext } from '../source.ts';
import type { IngestResult } from '../../core/types.ts';
import { appriseToolMessage, isApprise, parseAppriseJson } from './apprise.ts';
import { gotifyDoc, ntfyGetDoc, ntfyTopicDoc, rootDoc } from './doc.ts';
import { isRecord, keptMessage, sourceOf, toNotification, type ToolMessage } from './fit.ts';
import { DEFAULT_GOTIFY_PRIORITY, gotifyToolMessage, parseGotifyForm, parseGotifyJson, type GotifyParse } from './gotify.ts';
import { isTopic, ntfyToolMessage, parseJsonPublish, parseTopicPublish, type NtfyParse } from './ntfy.ts';

interface Slice {
  on: boolean;
  timeZone: string;
}

const off = () => refuse(403, 'compat-off', 'the ntfy, Gotify and Apprise doors are turned off in settings (sources.compat)');
const notTopic = () => refuse(404, 'not-found', 'no such route (a topic is 1–64 letters, digits, - or _)');
const rejected = (p: { status: number; code: string; reason: string }) => refuse(p.status, p.code, p.reason);

/**
 * A number for Gotify's answer, whose clients read `id` and `appid` as integers (gotify/cli decodes
 * them into uint): 52 bits of a hash of Lull's id, so one item (or token) always gets the same
 * number. Lull's own id rides along in the extras (`lull::item`), under Gotify's namespace convention.
 */
export function gotifyNumber(id: string): number {
  return parseInt(createHash('sha256').update(id).digest('hex').slice(0, 13), 16);
}

function parseJson(body: Buffer): { ok: true; json: unknown } | { ok: false } {
  try {
    return { ok: true, json: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

async function readGotify(request: DoorRequest): Promise<GotifyParse> {
  const body = request.body as Buffer;
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('json')) {
    const parsed = parseJson(body);
    return parsed.ok ? parseGotifyJson(parsed.json) : { ok: false, status: 400, code: 'invalid-json', reason: 'the body is not valid JSON' };
  }
  const fields = new Map<string, string>();
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    try {
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
      for (const [name, value] of form) if (typeof value === 'string' && !fields.has(name)) fields.set(name, value);
    } catch {
      return { ok: false, status: 400, code: 'invalid-form', reason: 'the form could not be read' };
    }
  }
  return parseGotifyForm(fields, request.query);
}

export const compat = defineSource({
  name: 'compat',
  settings: (all): Slice => ({ on: all.sources.compat, timeZone: all.timeZone }),
  start(ctx: SourceContext<Slice>) {
    const ingest = async (tool: ToolMessage): Promise<{ input: NotificationInput; result: IngestResult }> => {
      const input = toNotification(tool);
      return { input, result: await ctx.ingest(notificationSchema.parse(input)) };
    };

    // ntfy answers with the message it published (https://docs.ntfy.sh/publish/): here its id is Lull's.
    const publishNtfy = async (parsed: NtfyParse): Promise<DoorReply> => {
      if (!parsed.ok) return rejected(parsed);
      const m = parsed.message;
      const { input, result } = await ingest(ntfyToolMessage(m));
      const body = {
        id: result.item.id,
        time: Math.floor(result.item.receivedAt / 1000),
        event: 'message',
        topic: m.topic,
        message: keptMessage(input, m.title !== undefined),
        ...(m.title && { title: input.title }),
        ...(input.tags && { tags: input.tags }),
        ...(m.priority && { priority: m.priority }),
        ...(input.url && { click: input.url }),
      };
      return { status: 200, body };
    };

    const topicPublish = async (request: DoorRequest): Promise<DoorReply> => {
      if (!ctx.settings.get().on) return off();
      const topic = request.params.topic ?? '';
      if (!isTopic(topic)) return notTopic();
      return publishNtfy(parseTopicPublish(topic, request.body as Buffer, request.headers, request.query));
    };

    const rootPublish = async (request: DoorRequest): Promise<DoorReply> => {
      if (!ctx.settings.get().on) return off();
      const parsed = parseJson(request.body as Buffer);
      if (!parsed.ok) return refuse(400, 'invalid-json', 'the body is not valid JSON');
      if (!isRecord(parsed.json)) return refuse(400, 'invalid', 'send { "topic": …, "message": … } (ntfy) or Apprise’s json:// body');
      if (!isApprise(parsed.json)) return publishNtfy(parseJsonPublish(parsed.json, request.headers, request.query));
      const apprise = parseAppriseJson(parsed.json);
      if (!apprise.ok) return rejected(apprise);
      const { input, result } = await ingest(appriseToolMessage(apprise.message, sourceOf(request.caller, 'apprise')));
      // Apprise reads only the status; the answer says what Lull keeps, as the inbox's would.
      return { status: 200, body: { id: result.item.id, title: input.title, ...(input.body !== undefined && { body: input.body }), type: apprise.message.type } };
    };

    // Gotify answers with the message it stored (https://gotify.net/api-docs, POST /message).
    const gotify = async (request: DoorRequest): Promise<DoorReply> => {
      const { on, timeZone } = ctx.settings.get();
      if (!on) return off();
      const parsed = await readGotify(request);
      if (!parsed.ok) return rejected(parsed);
      const m = parsed.message;
      const { input, result } = await ingest(gotifyToolMessage(m, sourceOf(request.caller, 'gotify')));
      const body = {
        id: gotifyNumber(result.item.id),
        appid: request.caller.scope === 'notify' ? gotifyNumber(request.caller.tokenId) : 0,
        message: keptMessage(input, m.title !== undefined && m.title.trim() !== ''),
        title: input.title,
        priority: m.priority ?? DEFAULT_GOTIFY_PRIORITY,
        date: isoTime(result.item.receivedAt, timeZone),
        extras: { ...m.extras, 'lull::item': { id: result.item.id } },
      };
      return { status: 200, body };
    };

    const any = { body: 'any', notify: true } as const;
    ctx.http.route('POST', '/', rootPublish, { ...any, doc: rootDoc });
    ctx.http.route('PUT', '/:topic', topicPublish, { ...any, doc: ntfyTopicDoc('Put') });
    ctx.http.route('POST', '/:topic', topicPublish, { ...any, doc: ntfyTopicDoc('Post') });
    for (const verb of ['publish', 'send', 'trigger']) ctx.http.route('GET', `/:topic/${verb}`, topicPublish, { ...any, doc: ntfyGetDoc(verb) });
    ctx.http.route('POST', '/message', gotify, { ...any, doc: gotifyDoc });
    return { health: () => (ctx.settings.get().on ? { state: 'running' } : { state: 'stopped', detail: 'turned off in settings' }), stop: async () => {} };
  },
});
