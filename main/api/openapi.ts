// GET /v1/openapi.json: the API described from the same zod schemas the server validates with.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { settingsPatchSchema } from '../core/settings.ts';
import { eventContract, eventsPath, httpRoutes, invokeContract, methods, settingsPatchRequest } from '../../preload/contract.ts';
import type { DoorRoute } from '../service/doors.ts';
import { openApiJson, refusals } from '../sources/source.ts';

type Operation = Record<string, unknown>;

const json = openApiJson;
/** A settings patch travels as sent (see contract/settings.ts); it is described by core's patch schema. */
const described = (schema: z.ZodType): z.ZodType => (schema === settingsPatchRequest ? settingsPatchSchema : schema);
const errors = refusals;

export function openApiDocument(doors: readonly DoorRoute[] = []): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {
    [eventsPath]: { get: { operationId: 'events', responses: { 200: { description: `server-sent events: \`event: <channel>\`, JSON \`data\`; channels: ${Object.keys(eventContract).join(', ')}`, content: { 'text/event-stream': {} } } } } },
  };
  // Each door describes its own routes (sources/source.ts `doc`); a notify token may call those marked so.
  for (const { method, path, options } of doors) {
    if (!options.doc) continue;
    const op: Operation = { ...options.doc, ...(options.notify && { security: [{ token: [] }, { notifyToken: [] }] }) };
    (paths[openApiPath(path)] ??= {})[method.toLowerCase()] = op;
  }
  for (const [name, route] of Object.entries(httpRoutes)) {
    if (!route) continue;
    const channel = methods[name as keyof typeof methods];
    const { request, result } = invokeContract[channel];
    const path = openApiPath(route.path);
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
    components: {
      securitySchemes: {
        token: { type: 'http', scheme: 'bearer', description: 'the token in <data dir>/api.json (the owner)' },
        notifyToken: { type: 'http', scheme: 'bearer', description: 'a notify-only token (POST /v1/tokens): the routes that take notifications in, and no other; also as Basic auth password, X-Gotify-Key, ?token= or ntfy’s ?auth=' },
      },
    },
    security: [{ token: [] }],
    paths,
  };
}

/** `/v1/held/:id/done` → `/v1/held/{id}/done`. */
const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

export function registerOpenApi(app: FastifyInstance, doors: readonly DoorRoute[]): void {
  const doc = openApiDocument(doors);
  app.get('/v1/openapi.json', async () => doc);
}
