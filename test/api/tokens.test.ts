// Notify-only tokens (PRODUCT.md §4) through the real API server over a real SQLite file: made
// and managed only by the owner (token or dashboard session), stored hashed, allowed through the
// doors that take notifications in and refused everywhere else, revoked at once, rate-limited on
// their own, and sent the ways ntfy and Gotify clients send them.
import { DatabaseSync } from 'node:sqlite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApi, type Api } from './apiHarness.ts';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

describe('notify-only tokens', () => {
  let api: Api;
  beforeEach(async () => {
    api = await openApi({});
  });
  afterEach(() => api.close());

  const newToken = async (name = 'ci') => {
    const r = await api.call('POST', '/v1/tokens', { name, scope: 'notify' });
    expect(r.status, r.text).toBe(201);
    return r.json as { id: string; name: string; token: string; createdAt: string };
  };
  const post = (headers: Record<string, string>, body: unknown = { title: 'deploy done' }, path = '/v1/notifications') =>
    api.raw('POST', path, { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('the owner makes one: 201 with the secret once; the list never shows it; the store keeps only a digest', async () => {
    const made = await newToken('nightly build');
    expect(made).toEqual({ id: expect.stringMatching(/^tok_/), name: 'nightly build', scope: 'notify', createdAt: expect.any(String), lastUsedAt: null, token: expect.stringMatching(/^lull_n_[A-Za-z0-9_-]{43}$/) });
    const list = await api.call('GET', '/v1/tokens');
    expect(list.status).toBe(200);
    expect(list.json).toEqual({ tokens: [{ id: made.id, name: 'nightly build', scope: 'notify', createdAt: made.createdAt, lastUsedAt: null }] });
    expect(list.text).not.toContain(made.token);

    const db = new DatabaseSync(join(api.dir, 'lull.db'), { readOnly: true });
    const rows = db.prepare('SELECT * FROM tokens').all() as Record<string, unknown>[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(made.token.slice(7));
    expect(rows[0]?.digest).toMatch(/^[0-9a-f]{64}$/);
    // Nor does it end up in the data dir's other files (WAL included).
    for (const file of ['lull.db', 'lull.db-wal']) {
      let bytes = '';
      try {
        bytes = readFileSync(join(api.dir, file)).toString('latin1');
      } catch {
        continue;
      }
      expect(bytes).not.toContain(made.token);
    }
  });

  it('posts through the inbox with its name as the default source, and its last use is recorded', async () => {
    const made = await newToken('backup-job');
    const r = await post(bearer(made.token));
    expect(r.status, r.text).toBe(202);
    expect(api.lull.engine.getItem(r.json.id)).toMatchObject({ source: 'backup-job', title: 'deploy done' });
    const named = await post(bearer(made.token), { source: 'ci', title: 'x' });
    expect(api.lull.engine.getItem(named.json.id).source).toBe('ci');
    const [listed] = (await api.call('GET', '/v1/tokens')).json.tokens;
    expect(listed.lastUsedAt).toEqual(expect.any(String));
  });

  it('takes the token as ntfy and Gotify clients send it on doors: Basic (any user), X-Gotify-Key, ?token=, ?auth=', async () => {
    const { token } = await newToken();
    expect((await post(basic('anyone', token))).status).toBe(202);
    expect((await post(basic('', token))).status).toBe(202);
    expect((await post({ 'x-gotify-key': token })).status).toBe(202);
    expect((await post({}, undefined, `/v1/notifications?token=${token}`)).status).toBe(202);
    const auth = Buffer.from(`Bearer ${token}`).toString('base64url');
    expect((await post({}, undefined, `/v1/notifications?auth=${auth}`)).status).toBe(202);
    // A wrong one in any of these forms is a 401, never a pass.
    expect((await post(basic('anyone', `${token}x`))).status).toBe(401);
    expect((await post({ 'x-gotify-key': 'lull_n_nope' })).status).toBe(401);
    expect((await post({}, undefined, '/v1/notifications?token=nope')).status).toBe(401);
  });

  it('reads nothing and manages nothing: every other route answers 403', async () => {
    const { token, id } = await newToken();
    const refused: [string, string, unknown?][] = [
      ['GET', '/v1/held'],
      ['GET', '/v1/settings'],
      ['PATCH', '/v1/settings', { refocusMinutes: 1 }],
      ['GET', '/v1/status'],
      ['GET', '/v1/events'],
      ['GET', '/v1/report/weekly'],
      ['POST', '/v1/focus', { minutes: 25 }],
      ['POST', '/v1/release'],
      ['GET', '/v1/tokens'],
      ['POST', '/v1/tokens', { name: 'mine', scope: 'notify' }],
      ['DELETE', `/v1/tokens/${id}`],
      ['POST', '/v1/session/link'],
      ['GET', '/v1/openapi.json'],
      ['GET', '/'],
    ];
    for (const [method, path, body] of refused) {
      const r = await api.call(method, path, body, bearer(token));
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.json.error.code).toBe('notify-only');
    }
    // Withdrawing answers the item, and such a token reads nothing.
    const posted = await post(bearer(token));
    expect((await api.call('POST', `/v1/notifications/${posted.json.id}/withdraw`, undefined, bearer(token))).status).toBe(403);
    // The owner's credentials work only in their documented form: no Basic or query token on the owner's routes.
    expect((await api.raw('GET', '/v1/held', { headers: basic('x', api.token) })).status).toBe(401);
    expect((await api.raw('GET', `/v1/held?token=${api.token}`)).status).toBe(401);
  });

  it('a revoked token is refused on its next request; revoking an unknown id is a 404', async () => {
    const made = await newToken();
    expect((await post(bearer(made.token))).status).toBe(202);
    const revoked = await api.call('DELETE', `/v1/tokens/${made.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.json.revoked).toMatchObject({ id: made.id, name: 'ci' });
    expect(revoked.text).not.toContain(made.token);
    expect((await post(bearer(made.token))).status).toBe(401);
    expect((await api.call('DELETE', `/v1/tokens/${made.id}`)).status).toBe(404);
    expect((await api.call('GET', '/v1/tokens')).json.tokens).toEqual([]);
  });

  it('survives a restart: still valid, still revocable', async () => {
    const made = await newToken();
    const dir = api.dir;
    await api.server.close();
    await api.lull.close();
    api = await openApi({}, { dataDir: dir });
    expect((await post(bearer(made.token))).status).toBe(202);
    expect((await api.call('GET', '/v1/tokens')).json.tokens.map((t: { id: string }) => t.id)).toEqual([made.id]);
    await api.call('DELETE', `/v1/tokens/${made.id}`);
    expect((await post(bearer(made.token))).status).toBe(401);
  });

  it('names: one live token per name (409), names within the source limits (400)', async () => {
    await newToken('ci');
    const again = await api.call('POST', '/v1/tokens', { name: 'ci', scope: 'notify' });
    expect(again.status).toBe(409);
    for (const bad of [{ name: '' }, { name: 'x'.repeat(65) }, { name: 'ci', scope: 'owner' }, { name: 'a\u0000b' }]) {
      const r = await api.call('POST', '/v1/tokens', bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('the dashboard session manages tokens like the owner token', async () => {
    const session = await api.raw('POST', '/v1/session', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: api.token }) });
    const cookie = String(session.headers['set-cookie']).split(';')[0] ?? '';
    const made = await api.raw('POST', '/v1/tokens', { headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'from the dashboard' }) });
    expect(made.status).toBe(201);
    expect((await api.raw('GET', '/v1/tokens', { headers: { cookie } })).json.tokens).toHaveLength(1);
    expect((await api.raw('DELETE', `/v1/tokens/${made.json.id}`, { headers: { cookie } })).status).toBe(200);
    // A notify token cannot be pasted into the sign-in page for a session.
    const other = await newToken('x');
    const signIn = await api.raw('POST', '/v1/session', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: other.token }) });
    expect(signIn.status).toBe(401);
  });

  it('the token routes refuse a foreign Host or Origin (403) and a body over 64 KiB (413), like every route', async () => {
    const body = JSON.stringify({ name: 'ci', scope: 'notify' });
    const headers = { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' };
    expect((await api.raw('POST', '/v1/tokens', { headers: { ...headers, host: 'evil.example:80' }, body })).status).toBe(403);
    expect((await api.raw('GET', '/v1/tokens', { headers: { ...headers, origin: 'http://evil.example' } })).status).toBe(403);
    expect((await api.raw('POST', '/v1/tokens', { headers, body: JSON.stringify({ name: 'x'.repeat(70_000) }) })).status).toBe(413);
    expect((await api.call('GET', '/v1/tokens')).json.tokens).toEqual([]);
  });

  it('the rate limit applies per token: one flooding token does not use up another', async () => {
    api.lull.settings.patch({ api: { rateLimitPerMinute: 3 } });
    const a = await newToken('a');
    const b = await newToken('b');
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(bearer(a.token))).status);
    expect(statuses.slice(0, 3)).toEqual([202, 202, 202]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect((await post(bearer(b.token))).status).toBe(202);
    expect((await api.call('GET', '/v1/tokens')).status).toBe(200);
  });
});
