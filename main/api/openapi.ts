// GET /v1/openapi.json: the API described from the same zod schemas the server validates with.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { eventContract, eventsPath, httpRoutes, invokeContract, methods, settingsPatchRequest, settingsViewPatchSchema } from '../../preload/contract.ts';
import type { DoorRoute } from '../service/doors.ts';
import { openApiJson, refusals } from '../sources/source.ts';

type Operation = Record<string, unknown>;

const json = openApiJson;
/** A settings patch travels as sent (see contract/settings.ts); it is described by the view's patch schema. */
const described = (schema: z.ZodType): z.ZodType => (schema === settingsPatchRequest ? settingsViewPatchSchema : schema);
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
    const inPath = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const parameters: Operation[] = inPath.map((n) => ({ name: n, in: 'path', required: true, schema: { type: 'string' } }));
    // What is not in the path travels as query parameters (GET) or as the JSON body.
    const rest = request instanceof z.ZodObject ? z.strictObject(Object.fromEntries(Object.entries((request as z.ZodObject).shape).filter(([k]) => !inPath.includes(k)))) : request;
    const restKeys = rest instanceof z.ZodObject ? Object.keys(rest.shape) : [];
    const more = !(rest instanceof z.ZodUndefined) && !(rest instanceof z.ZodObject && restKeys.length === 0);
    if (more && route.method === 'GET') parameters.push(...restKeys.map((n) => ({ name: n, in: 'query', required: false, schema: { type: 'string' } })));
    else if (more) op.requestBody = { required: true, content: json(described(rest), 'input') };
    if (parameters.length > 0) op.parameters = parameters;
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
