// How GET /v1/openapi.json describes the tool doors: the forms ntfy, Gotify and Apprise document
// for their own servers, answered the way those servers answer.
import type { DoorRouteDoc } from '../source.ts';
import { refusals } from '../source.ts';

const topic = { name: 'topic', in: 'path', required: true, description: 'the source: 1–64 letters, digits, - or _', schema: { type: 'string', pattern: '^[-_A-Za-z0-9]{1,64}$' } };
const header = (name: string, description: string) => ({ name, in: 'header', required: false, description, schema: { type: 'string' } });
const ntfyHeaders = [
  header('Title', 'also X-Title, ti, t (or ?title=)'),
  header('Priority', '1–5 or min|low|default|high|max|urgent; also X-Priority, prio, p (or ?priority=)'),
  header('Tags', 'comma-separated; also X-Tags, tag, ta (or ?tags=)'),
  header('Click', 'the item’s link (http, https, mailto); also X-Click (or ?click=)'),
];
const ntfyMessage = {
  type: 'object',
  properties: { id: { type: 'string' }, time: { type: 'integer' }, event: { const: 'message' }, topic: { type: 'string' }, message: { type: 'string' }, title: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } }, priority: { type: 'integer' }, click: { type: 'string' } },
  required: ['id', 'time', 'event', 'topic', 'message'],
};
const ntfyAnswer = { 200: { description: 'stored; ntfy’s message JSON, its id Lull’s item id', content: { 'application/json': { schema: ntfyMessage } } }, ...refusals };

export const ntfyTopicDoc = (method: string): DoorRouteDoc => ({
  operationId: `ntfy${method}Topic`,
  summary: 'ntfy publishing: the body is the message (any content type)',
  parameters: [topic, ...ntfyHeaders],
  requestBody: { required: false, content: { '*/*': { schema: { type: 'string' } } } },
  responses: ntfyAnswer,
});

export const ntfyGetDoc = (verb: string): DoorRouteDoc => ({
  operationId: `ntfyGet${verb[0]!.toUpperCase()}${verb.slice(1)}`,
  summary: 'ntfy’s webhook form: everything in the query (no message: "triggered")',
  parameters: [topic, ...['message', 'title', 'priority', 'tags', 'click', 'auth'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }))],
  responses: ntfyAnswer,
});

export const rootDoc: DoorRouteDoc = {
  operationId: 'ntfyJsonOrApprise',
  summary: 'ntfy’s JSON publishing ({ topic, message, title?, priority?, tags?, click? }) or Apprise’s json:// body ({ version, title, message, type })',
  requestBody: {
    required: true,
    content: {
      'application/json': {
        schema: {
          oneOf: [
            { type: 'object', required: ['topic'], properties: { topic: { type: 'string' }, message: { type: 'string' }, title: { type: 'string' }, priority: { type: 'integer', minimum: 1, maximum: 5 }, tags: { type: 'array', items: { type: 'string' } }, click: { type: 'string' } } },
            { type: 'object', required: ['message'], properties: { version: { type: 'string' }, title: { type: 'string' }, message: { type: 'string' }, type: { enum: ['info', 'success', 'warning', 'failure'] } } },
          ],
        },
      },
    },
  },
  responses: { 200: { description: 'stored: ntfy’s message JSON, or for Apprise { id, title, body?, type }' }, ...refusals },
};

const gotifyFields = { type: 'object', required: ['message'], properties: { title: { type: 'string' }, message: { type: 'string' }, priority: { type: 'integer', minimum: 0, maximum: 10 }, extras: { type: 'object' } } };
export const gotifyDoc: DoorRouteDoc = {
  operationId: 'gotifyMessage',
  summary: 'Gotify’s POST /message (JSON or form); the token as ?token=, X-Gotify-Key or Bearer',
  parameters: [{ name: 'token', in: 'query', required: false, schema: { type: 'string' } }, header('X-Gotify-Key', 'the token')],
  requestBody: { required: true, content: { 'application/json': { schema: gotifyFields }, 'application/x-www-form-urlencoded': { schema: gotifyFields }, 'multipart/form-data': { schema: gotifyFields } } },
  responses: {
    200: {
      description: 'stored: Gotify’s message JSON; id and appid are numbers (Lull’s item id is extras["lull::item"].id)',
      content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'integer' }, appid: { type: 'integer' }, message: { type: 'string' }, title: { type: 'string' }, priority: { type: 'integer' }, date: { type: 'string' }, extras: { type: 'object' } } } } },
    },
    ...refusals,
  },
};
