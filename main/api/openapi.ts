// GET /v1/openapi.json: the API described from the same zod schemas the server validates with.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { settingsPatchSchema } from '../core/settings.ts';
import { errorSchema, eventContract, eventsPath, hostRoutes, httpRoutes, invokeContract, itemSchema, methods, settingsPatchRequest } from '../../preload/contract.ts';
import { notificationAccepted, notificationSchema } from '../core/incoming.ts';

type Operation = Record<string, unknown>;

const json = (schema: z.ZodType, io: 'input' | 'output') => ({ 'application/json': { schema: z.toJSONSchema(schema, { io, unrepresentable: 'any' }) } });
/** A settings patch travels as sent (see contract/settings.ts); it is described by core's patch schema. */
const described = (schema: z.ZodType): z.ZodType => (schema === settingsPatchRequest ? settingsPatchSchema : schema);
const errors = { '4XX': { description: 'refused', content: json(z.object({ error: errorSchema }), 'output') } };

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {
    [hostRoutes.postNotification.path]: {
      post: {
        operationId: 'postNotification',
        requestBody: { required: true, content: json(notificationSchema, 'input') },
        responses: { 202: { description: 'accepted and durably stored', content: json(notificationAccepted, 'output') }, 200: { description: 'a repeated dedupeKey: the first item', content: json(notificationAccepted, 'output') }, ...errors },
      },
    },
    [hostRoutes.withdrawNotification.path.replace(':id', '{id}')]: {
      post: {
        operationId: 'withdrawNotification',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'the item, resolved (an item already handled, as it was)', content: json(itemSchema, 'output') }, ...errors },
      },
    },
    [eventsPath]: { get: { operationId: 'events', responses: { 200: { description: `server-sent events: \`event: <channel>\`, JSON \`data\`; channels: ${Object.keys(eventContract).join(', ')}`, content: { 'text/event-stream': {} } } } } },
  };
  for (const [name, route] of Object.entries(httpRoutes)) {
    if (!route) continue;
    const channel = methods[name as keyof typeof methods];
    const { request, result } = invokeContract[channel];
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const op: Operation = { operationId: name, responses: { [('status' in route ? route.status : 200)]: { description: 'done', content: json(result, 'output') }, ...errors } };
    if (path.includes('{id}')) op.parameters = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
    else if (!(request instanceof z.ZodUndefined)) {
      if (route.method === 'GET') op.parameters = Object.keys((request as z.ZodObject).shape).map((n) => ({ name: n, in: 'query', required: false, schema: { type: 'string' } }));
      else op.requestBody = { required: true, content: json(described(request), 'input') };
    }
    (paths[path] ??= {})[route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Lull local API', version: '1' },
    servers: [{ url: 'http://127.0.0.1:47615' }],
    components: { securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'the token in <data dir>/api.json' } } },
    security: [{ token: [] }],
    paths,
  };
}

export function registerOpenApi(app: FastifyInstance): void {
  const doc = openApiDocument();
  app.get('/v1/openapi.json', async () => doc);
}
