// GET /v1/openapi.json with every door open: each route a door registers is described (the tool
// doors included), the ones a notify token may call say so, and the document is valid JSON Schema
// wherever it comes from zod.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everySource } from '../../main/sources/index.ts';
import { openApi, type Api } from './apiHarness.ts';

describe('the OpenAPI document with every door', () => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi({}, { doors: everySource });
  });
  afterAll(() => api.close());

  it('describes every door route, marks those a notify token may call, every token and secret route', async () => {
    const r = await api.call('GET', '/v1/openapi.json');
    expect(r.status).toBe(200);
    const paths = r.json.paths as Record<string, Record<string, { operationId: string; security?: unknown[] }>>;
    for (const route of api.lull.doors.routes) {
      const op = paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(Boolean(op?.security?.length), `${route.method} ${route.path}`).toBe(route.options.notify === true);
    }
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/', '/{topic}', '/{topic}/publish', '/message', '/v1/hooks/alertmanager', '/v1/tokens', '/v1/tokens/{id}']));
    expect(paths['/v1/tokens']?.post?.operationId).toBe('createToken');
    expect(Object.keys(paths['/v1/tokens/{id}'] ?? {})).toEqual(['delete']);
    // A secret's name is in the path, the secret alone in the body; the list answers names.
    const secret = paths['/v1/secrets/{name}'] as Record<string, { operationId: string; parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>;
    expect(Object.keys(secret).sort()).toEqual(['delete', 'put']);
    expect(secret.put?.parameters).toEqual([expect.objectContaining({ name: 'name', in: 'path', required: true })]);
    expect(Object.keys(secret.put?.requestBody?.content['application/json']?.schema.properties ?? {})).toEqual(['secret']);
    expect(secret.delete?.requestBody).toBeUndefined();
    expect(paths['/v1/secrets']?.get?.operationId).toBe('listSecrets');
    // A verdict's id is in the path and `urgent` in its body.
    const verdict = paths['/v1/held/{id}/verdict']?.post as { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } } | undefined;
    expect(Object.keys(verdict?.requestBody?.content['application/json']?.schema.properties ?? {})).toEqual(['urgent']);
    expect(r.json.components.securitySchemes.notifyToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    // Operation ids are unique, as OpenAPI requires.
    const ids = Object.values(paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
