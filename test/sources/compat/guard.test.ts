// Every route of the tool doors stands behind the API's guard like the rest: a foreign Host or Origin
// is a 403, no or a wrong token a 401 (also on ntfy's GET webhook, which a browser could reach), a
// body over 64 KiB a 413; a notify token and the owner's token both post. Turned off, they answer
// 403 compat-off, and the status shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compat } from '../../../main/sources/compat/index.ts';
import { inbox } from '../../../main/sources/inbox/index.ts';
import { openApi, type Api } from '../../api/apiHarness.ts';

let api: Api;
let notify: string;
beforeAll(async () => {
  api = await openApi({ api: { port: 0, rateLimitPerMinute: 0 } }, { doors: [inbox, compat] });
  notify = (await api.lull.operations['tokens:create']({ name: 'monitor', scope: 'notify' })).token;
}, 30_000);
afterAll(() => api?.close());

const JSON_TYPE = { 'content-type': 'application/json' };
const ROUTES = [
  { method: 'POST', path: '/', headers: JSON_TYPE, body: '{"topic":"ci","message":"m"}' },
  { method: 'POST', path: '/', headers: JSON_TYPE, body: '{"version":"1.0","title":"t","message":"m","type":"info","attachments":[]}' },
  { method: 'PUT', path: '/ci', headers: {}, body: 'm' },
  { method: 'POST', path: '/ci', headers: {}, body: 'm' },
  { method: 'GET', path: '/ci/publish?message=m', headers: {} },
  { method: 'GET', path: '/ci/send?message=m', headers: {} },
  { method: 'GET', path: '/ci/trigger', headers: {} },
  { method: 'POST', path: '/message', headers: JSON_TYPE, body: '{"message":"m"}' },
] as const;

describe.each(ROUTES)('$method $path', (route) => {
  const send = (headers: Record<string, string>, body: string | undefined = 'body' in route ? route.body : undefined) =>
    api.raw(route.method, route.path, { headers: { ...route.headers, ...headers }, body });

  it('a notify token and the owner’s token post (200)', async () => {
    expect((await send({ authorization: `Bearer ${notify}` })).status).toBe(200);
    expect((await send({ authorization: `Bearer ${api.token}` })).status).toBe(200);
  });
  it('a foreign Host or Origin is a 403', async () => {
    const host = await send({ authorization: `Bearer ${notify}`, host: 'evil.example:80' });
    expect([host.status, host.json.error.code]).toEqual([403, 'forbidden-host']);
    const origin = await send({ authorization: `Bearer ${notify}`, origin: 'http://evil.example' });
    expect([origin.status, origin.json.error.code]).toEqual([403, 'forbidden-origin']);
  });
  it('no token or a wrong one is a 401', async () => {
    expect((await send({})).status).toBe(401);
    expect((await send({ authorization: 'Bearer wrong-token' })).status).toBe(401);
    expect((await send({ authorization: `Basic ${Buffer.from('user:wrong').toString('base64')}` })).status).toBe(401);
  });
  it('a body over 64 KiB is a 413', async () => {
    // Content-Length said outright: Node's client sends a GET's body with neither it nor chunking.
    const big = 'x'.repeat(64 * 1024 + 1);
    const r = await send({ authorization: `Bearer ${notify}`, 'content-type': 'text/plain', 'content-length': String(big.length) }, big);
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('too-large');
  });
});

describe('sources.compat off', () => {
  it('every route answers 403 compat-off, and the status line says it is stopped', async () => {
    await api.call('PATCH', '/v1/settings', { sources: { compat: false } });
    try {
      for (const route of ROUTES) {
        const r = await api.raw(route.method, route.path, { headers: { ...route.headers, authorization: `Bearer ${notify}` }, body: 'body' in route ? route.body : undefined });
        expect([r.status, r.json.error.code], `${route.method} ${route.path}`).toEqual([403, 'compat-off']);
      }
      const status = await api.call('GET', '/v1/status');
      expect(status.json.sources).toContainEqual(expect.objectContaining({ name: 'compat', state: 'stopped' }));
    } finally {
      await api.call('PATCH', '/v1/settings', { sources: { compat: true } });
    }
    const status = await api.call('GET', '/v1/status');
    expect(status.json.sources).toContainEqual(expect.objectContaining({ name: 'compat', state: 'running' }));
  });
});

describe('HEAD on ntfy’s GET forms', () => {
  it('posts nothing: a link checker or an uptime probe is not a publish', async () => {
    const held = async () => (await api.call('GET', '/v1/held?limit=1000')).json.items.length as number;
    await api.call('POST', '/v1/focus', { minutes: 30 });
    try {
      const before = await held();
      for (const verb of ['publish', 'send', 'trigger']) {
        const r = await api.raw('HEAD', `/ci/${verb}?message=probe`, { headers: { authorization: `Bearer ${notify}` } });
        expect(r.status, verb).not.toBe(200);
      }
      expect(await held()).toBe(before);
      // The GET itself still publishes.
      expect((await api.raw('GET', '/ci/publish?message=probe', { headers: { authorization: `Bearer ${notify}` } })).status).toBe(200);
      expect(await held()).toBe(before + 1);
    } finally {
      await api.call('DELETE', '/v1/focus');
    }
  });
});
