import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fakeClock.ts';
import { openApi, type Api } from './apiHarness.ts';

// Monday 2026-11-23 10:00 in Stockholm; batch times 12:00 and 15:00.
const START = '2026-11-23T10:00:00+01:00';
const SECRET = 'Anna: are you free for the Q3 layoffs talk?';

describe('HTTP API: every endpoint', () => {
  let api: Api;
  let clock: FakeClock;
  beforeAll(async () => {
    clock = new FakeClock(START);
    api = await openApi({ timeZone: 'Europe/Stockholm', batchTimes: ['12:00', '15:00'], batchWeekdays: [1, 2, 3, 4, 5] }, { clock });
  });
  afterAll(() => api.close());

  it('GET /v1/status answers the state with ISO times carrying the offset', async () => {
    const r = await api.call('GET', '/v1/status');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ state: 'idle', block: null, held: 0, nextBatchAt: '2026-11-23T12:00:00.000+01:00', sources: [{ name: 'http-inbox', state: 'running' }] });
  });

  it('POST /v1/notifications: delivered outside a block, held inside, urgent breaks through, dedupe answers 200', async () => {
    const out = await api.call('POST', '/v1/notifications', { source: 'ci', title: 'build green' });
    expect(out.status).toBe(202);
    expect(out.json).toEqual({ id: expect.any(String), disposition: 'delivered' });

    const focus = await api.call('POST', '/v1/focus', { minutes: 50 });
    expect(focus.status).toBe(201);
    expect(focus.json.block).toMatchObject({ kind: 'adhoc', startedAt: '2026-11-23T10:00:00.000+01:00', endsAt: '2026-11-23T10:50:00.000+01:00' });

    const held = await api.call('POST', '/v1/notifications', { source: 'slack', title: SECRET, body: 'b', sender: 'Anna', url: 'https://chat.example/1', priority: 'normal', tags: ['dm'], dedupeKey: 'm1' });
    expect(held.status).toBe(202);
    expect(held.json).toEqual({ id: expect.any(String), disposition: 'held' });
    const urgent = await api.call('POST', '/v1/notifications', { source: 'pager', title: 'db down', priority: 'urgent' });
    expect(urgent.json).toEqual({ id: expect.any(String), disposition: 'breakthrough', rule: 'urgent' });
    const again = await api.call('POST', '/v1/notifications', { source: 'slack', title: SECRET, dedupeKey: 'm1' });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(held.json.id);

    const list = await api.call('GET', '/v1/held');
    expect(list.json.items.map((i: { id: string }) => i.id)).toEqual([held.json.id]);
    expect(list.json.items[0]).toMatchObject({ title: SECRET, body: 'b', sender: 'Anna', url: 'https://chat.example/1', tags: ['dm'], status: 'held' });
    expect((await api.call('GET', '/v1/status')).json).toMatchObject({ state: 'focus', held: 1 });
  });

  it('POST /v1/held/{id}/verdict records "was it urgent?" for a breakthrough; 409 for any other item, 400 without a boolean', async () => {
    const urgent = (await api.call('POST', '/v1/notifications', { source: 'pager', title: 'disk full', priority: 'urgent' })).json;
    expect(urgent.disposition).toBe('breakthrough');
    const judged = await api.call('POST', `/v1/held/${urgent.id}/verdict`, { urgent: false });
    expect(judged.status).toBe(200);
    expect(judged.json).toMatchObject({ id: urgent.id, disposition: 'breakthrough', rule: 'urgent', verdict: 'not-urgent' });
    expect((await api.call('POST', `/v1/held/${urgent.id}/verdict`, { urgent: true })).json.verdict).toBe('urgent');
    const held = (await api.call('POST', '/v1/notifications', { source: 'chat', title: 'lunch?' })).json;
    const refused = await api.call('POST', `/v1/held/${held.id}/verdict`, { urgent: true });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('conflict');
    expect((await api.call('POST', `/v1/held/${urgent.id}/verdict`, { urgent: 'yes' })).status).toBe(400);
    expect((await api.call('POST', '/v1/held/no-such-id/verdict', { urgent: true })).status).toBe(404);
  });

  it('POST /v1/focus refuses a second block (409) and bad lengths (400)', async () => {
    expect((await api.call('POST', '/v1/focus', { minutes: 25 })).status).toBe(409);
    const bad = await api.call('POST', '/v1/focus', { minutes: 721 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid');
  });

  it('POST /v1/held/{id}/snooze|done|dismiss answer the item, 404 for an unknown id', async () => {
    const a = (await api.call('POST', '/v1/notifications', { source: 'mail', title: 'a' })).json.id;
    const b = (await api.call('POST', '/v1/notifications', { source: 'mail', title: 'b' })).json.id;
    const c = (await api.call('POST', '/v1/notifications', { source: 'mail', title: 'c' })).json.id;
    const snoozed = await api.call('POST', `/v1/held/${a}/snooze`);
    expect(snoozed.status).toBe(200);
    expect(snoozed.json).toMatchObject({ id: a, status: 'held', snoozedUntil: '2026-11-23T12:00:00.000+01:00' });
    expect((await api.call('POST', `/v1/held/${b}/done`)).json).toMatchObject({ id: b, status: 'done' });
    expect((await api.call('POST', `/v1/held/${c}/dismiss`)).json).toMatchObject({ id: c, status: 'dismissed' });
    for (const verb of ['done', 'dismiss', 'snooze']) {
      const r = await api.call('POST', `/v1/held/no-such-id/${verb}`);
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe('not-found');
    }
  });

  it('GET /v1/held pages with limit and cursor, and refuses a forged cursor', async () => {
    for (let i = 0; i < 5; i++) await api.call('POST', '/v1/notifications', { source: 'page', title: `p${i}` });
    const ids: string[] = [];
    let path = '/v1/held?limit=2';
    for (;;) {
      const r = await api.call('GET', path);
      expect(r.status).toBe(200);
      expect(r.json.items.length).toBeLessThanOrEqual(2);
      ids.push(...r.json.items.map((i: { id: string }) => i.id));
      if (!r.json.nextCursor) break;
      path = `/v1/held?limit=2&cursor=${encodeURIComponent(r.json.nextCursor)}`;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe((await api.call('GET', '/v1/status')).json.held);
    expect((await api.call('GET', '/v1/held?cursor=forged')).status).toBe(400);
    expect((await api.call('GET', '/v1/held?limit=0')).json.error.fields).toEqual([{ field: 'limit', message: expect.any(String) }]);
  });

  it('POST /v1/release releases everything held as one batch', async () => {
    const held = (await api.call('GET', '/v1/status')).json.held;
    const r = await api.call('POST', '/v1/release');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ batchId: expect.any(String), released: held });
    expect((await api.call('GET', '/v1/held?view=review&limit=100')).json.items).toHaveLength(held);
  });

  it('DELETE /v1/focus ends the block and says how many it released; 409 when idle', async () => {
    await api.call('POST', '/v1/notifications', { source: 'mail', title: 'late' });
    const r = await api.call('DELETE', '/v1/focus');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ released: 1 });
    expect((await api.call('DELETE', '/v1/focus')).status).toBe(409);
  });

  it('POST /v1/focus until the next batch ends at the next batch time', async () => {
    const r = await api.call('POST', '/v1/focus', { until: 'next-batch' });
    expect(r.status).toBe(201);
    expect(r.json.block.endsAt).toBe('2026-11-23T12:00:00.000+01:00');
    await api.call('DELETE', '/v1/focus');
  });

  it('GET/PATCH /v1/settings: a change takes effect at once; 400 names each invalid field', async () => {
    const get = await api.call('GET', '/v1/settings');
    expect(get.json).toMatchObject({ batchTimes: ['12:00', '15:00'], maxHoldMinutes: 180, api: { port: 47615, rateLimitPerMinute: 60000 } });
    const patched = await api.call('PATCH', '/v1/settings', { batchTimes: ['11:00', '16:30'] });
    expect(patched.status).toBe(200);
    expect(patched.json.batchTimes).toEqual(['11:00', '16:30']);
    expect((await api.call('GET', '/v1/status')).json.nextBatchAt).toBe('2026-11-23T11:00:00.000+01:00');
    const bad = await api.call('PATCH', '/v1/settings', { batchTimes: ['9am'], maxHoldMinutes: 'long', timeZone: 'Mars/Olympus', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['batchTimes.0', 'colour', 'maxHoldMinutes', 'timeZone']);
    expect((await api.call('GET', '/v1/settings')).json.batchTimes).toEqual(['11:00', '16:30']);
  });

  it('GET /v1/report/weekly answers a week and refuses a malformed one', async () => {
    const r = await api.call('GET', '/v1/report/weekly?week=2026-W48');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ week: '2026-W48', previous: { week: '2026-W47' }, timeZone: 'Europe/Stockholm' });
    const now = await api.call('GET', '/v1/report/weekly');
    expect(now.json.week).toBe('2026-W48');
    expect(now.json.arrivals).toBeGreaterThan(5);
    expect((await api.call('GET', '/v1/report/weekly?week=2026-W60')).status).toBe(400);
    expect((await api.call('GET', '/v1/report/weekly?week=last')).json.error.fields[0].field).toBe('week');
  });

  it('answers the dashboard routes: stats today, the week grid, skip today', async () => {
    expect((await api.call('GET', '/v1/stats/today')).json).toMatchObject({ held: expect.any(Number), breakthroughsByRule: { urgent: 2 } });
    const grid = await api.call('GET', '/v1/schedule?week=2026-W48');
    expect(grid.json.dates[0]).toBe('2026-11-23');
    expect(grid.json.batches[0]).toBe('2026-11-23T11:00:00.000+01:00');
    expect((await api.call('POST', '/v1/focus/skip-today')).json.state).toBe('idle');
  });

  it('GET /v1/openapi.json describes every route from the server’s own schemas', async () => {
    const r = await api.call('GET', '/v1/openapi.json');
    expect(Object.keys(r.json.paths)).toEqual(expect.arrayContaining(['/v1/notifications', '/v1/status', '/v1/focus', '/v1/release', '/v1/held', '/v1/held/{id}/done', '/v1/report/weekly', '/v1/settings', '/v1/events']));
    expect(r.json.paths['/v1/notifications'].post.requestBody.content['application/json'].schema.properties.title).toMatchObject({ type: 'string', maxLength: 256 });
  });

  it('GET /v1/events streams state changes as server-sent events', async () => {
    const seen = new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: api.port, path: '/v1/events', headers: { authorization: `Bearer ${api.token}` } }, (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        // Subscribed: now change the state.
        void api.call('POST', '/v1/focus', { minutes: 5 });
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('event: state:changed')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', (e) => (e.message.includes('aborted') ? undefined : reject(e)));
      req.end();
    });
    const text = await seen;
    const data = /event: state:changed\ndata: (.*)\n/.exec(text)?.[1] ?? '{}';
    expect(JSON.parse(data)).toMatchObject({ state: 'focus' });
    await api.call('DELETE', '/v1/focus');
  });
});

describe('HTTP API: refusals', () => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi({}, { clock: new FakeClock(START) });
  });
  afterAll(() => api.close());

  const noSecrets = (text: string) => {
    expect(text).not.toContain('Anna');
    expect(text).not.toMatch(/at .*\.ts:\d+|stack/i);
  };

  it('400 names each invalid field of a notification, without echoing its text', async () => {
    const r = await api.call('POST', '/v1/notifications', {
      source: '', title: `${SECRET}${'x'.repeat(300)}`, url: 'javascript:alert(1)', priority: 'p0', tags: Array.from({ length: 17 }, () => 't'), sender: 7, extra: SECRET,
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('invalid');
    expect(r.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['extra', 'priority', 'sender', 'source', 'tags', 'title', 'url']);
    noSecrets(r.text);
  });

  it('400 for malformed JSON, without quoting it back', async () => {
    const r = await api.raw('POST', '/v1/notifications', { headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' }, body: `{"title": "${SECRET}",` });
    expect(r.status).toBe(400);
    expect(r.json.error).toEqual({ code: 'invalid-json', message: 'the body is not valid JSON' });
    noSecrets(r.text);
  });

  it('401 without a token, or with a wrong one', async () => {
    expect((await api.raw('GET', '/v1/status')).status).toBe(401);
    const wrong = await api.raw('GET', '/v1/status', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('unauthorized');
    expect((await api.raw('POST', '/v1/notifications', { headers: { 'content-type': 'application/json' }, body: '{"source":"a","title":"b"}' })).status).toBe(401);
  });

  it('403 for a foreign Host, an empty Host, and a foreign Origin; the own origin passes', async () => {
    const auth = { authorization: `Bearer ${api.token}` };
    expect((await api.raw('GET', '/v1/status', { headers: { ...auth, host: `evil.example:${api.port}` } })).status).toBe(403);
    expect((await api.raw('GET', '/v1/status', { headers: { ...auth, host: '127.0.0.1:1' } })).status).toBe(403);
    expect((await api.raw('GET', '/', { headers: { host: 'rebind.example' } })).status).toBe(403);
    expect((await api.raw('GET', '/v1/status', { headers: { ...auth, origin: 'https://evil.example' } })).json.error.code).toBe('forbidden-origin');
    expect((await api.raw('GET', '/v1/status', { headers: { ...auth, origin: 'null' } })).status).toBe(403);
    expect((await api.raw('GET', '/v1/status', { headers: { ...auth, origin: `http://127.0.0.1:${api.port}` } })).status).toBe(200);
    expect((await api.raw('GET', '/v1/status', { headers: { ...auth, host: `localhost:${api.port}` } })).status).toBe(200);
    expect((await api.raw('GET', '/v1/status', { headers: { ...auth, host: `[::1]:${api.port}` } })).status).toBe(200);
    // An empty Host header, sent byte for byte.
    const response = await new Promise<string>((resolve) => {
      const socket = connect(api.port, '127.0.0.1', () => socket.end(`GET /v1/status HTTP/1.1\r\nHost: \r\nAuthorization: Bearer ${api.token}\r\nConnection: close\r\n\r\n`));
      let text = '';
      socket.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve(text));
    });
    expect(response).toMatch(/^HTTP\/1\.1 403/);
  });

  it('404 for an unknown route, in the error shape', async () => {
    const r = await api.call('GET', '/v1/nothing');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: { code: 'not-found', message: 'no such route' } });
  });

  it('413 for a body over 64 KiB', async () => {
    const r = await api.call('POST', '/v1/notifications', { source: 'a', title: 'b', body: SECRET.repeat(2000) });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('too-large');
    noSecrets(r.text);
  });

  it('415 for a body that is not JSON', async () => {
    const auth = { authorization: `Bearer ${api.token}` };
    const text = await api.raw('POST', '/v1/notifications', { headers: { ...auth, 'content-type': 'text/plain' }, body: SECRET });
    expect(text.status).toBe(415);
    expect(text.json.error.code).toBe('unsupported-media-type');
    expect((await api.raw('POST', '/v1/notifications', { headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' })).status).toBe(415);
    expect((await api.raw('PATCH', '/v1/settings', { headers: { ...auth, 'content-type': 'application/xml' }, body: '<a/>' })).status).toBe(415);
  });

  it('the inbox can be turned off in settings (403, said plainly)', async () => {
    await api.call('PATCH', '/v1/settings', { sources: { httpInbox: false } });
    const r = await api.call('POST', '/v1/notifications', { source: 'a', title: 'b' });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('inbox-off');
    expect((await api.call('GET', '/v1/status')).json.sources).toEqual([{ name: 'http-inbox', state: 'stopped', detail: 'turned off in settings' }]);
    await api.call('PATCH', '/v1/settings', { sources: { httpInbox: true } });
  });

  it('429 with Retry-After past the per-token limit; 0 turns the guard off', async () => {
    const api = await openApi({ api: { port: 0, rateLimitPerMinute: 5 } });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 8; i++) statuses.push((last = await api.call('GET', '/v1/status')).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(last?.headers['retry-after']).toMatch(/^\d+$/);
    expect(last?.json.error.code).toBe('rate-limited');
    api.lull.settings.patch({ api: { rateLimitPerMinute: 0 } });
    for (let i = 0; i < 20; i++) expect((await api.call('GET', '/v1/status')).status).toBe(200);
    await api.close();
  });
});

describe('HTTP API: the dashboard behind a one-time login link', () => {
  let api: Api;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'lull-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Lull</title>');
    api = await openApi({}, { staticDir, clock: new FakeClock(START) });
  });
  afterAll(async () => {
    await api.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('serves the dashboard’s files without a token, with a CSP that allows no inline code', async () => {
    const r = await api.raw('GET', '/');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<title>Lull</title>');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('a login link works once, sets an HttpOnly SameSite=Strict cookie, and the cookie opens the API', async () => {
    const link = new URL(api.server.loginUrl());
    const first = await api.raw('GET', `${link.pathname}${link.search}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/^lull_session=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=2592000/); // 30 days
    // Used once: the link now leads to the sign-in page, which says so; no second session.
    const again = await api.raw('GET', `${link.pathname}${link.search}`);
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe('/?signin=link-used');
    expect(again.headers['set-cookie']).toBeUndefined();
    const session = cookie.split(';')[0] ?? '';
    expect((await api.raw('GET', '/v1/status', { headers: { cookie: session } })).status).toBe(200);
    expect((await api.raw('GET', '/v1/status', { headers: { cookie: 'lull_session=forged' } })).status).toBe(401);
    // A page on another origin cannot use the session: its Origin is refused.
    expect((await api.raw('POST', '/v1/release', { headers: { cookie: session, origin: 'http://evil.example' } })).status).toBe(403);
  });

  it('a new login link can be asked for with the token (lull open)', async () => {
    const r = await api.call('POST', '/v1/session/link');
    expect(r.json.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${api.port}/login\\?secret=`));
    expect((await api.raw('POST', '/v1/session/link')).status).toBe(401);
  });
});
