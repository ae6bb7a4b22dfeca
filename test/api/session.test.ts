// Dashboard sessions: the owner's token pasted into the sign-in page, a session that lasts 30 days
// (on an injected clock) or until the host stops, and a sign-in route that needs no credentials yet
// keeps the guard's rules, never echoes the token and is flood-guarded.
import { describe, expect, it } from 'vitest';
import { createAuth, SESSION_DAYS } from '../../main/api/auth.ts';
import { SIGN_IN_PER_MINUTE } from '../../main/api/dashboard.ts';
import { FakeClock } from '../support/fakeClock.ts';
import { openApi } from './apiHarness.ts';

const DAY = 24 * 3_600_000;
const TOKEN = 'test-token-0123456789abcdef';
const json = { 'content-type': 'application/json' };

describe('sessions (auth)', () => {
  it('a session from the owner’s token lasts 30 days, then is gone', () => {
    const clock = new FakeClock('2026-12-09T09:45:00Z');
    const auth = createAuth(TOKEN, () => clock.now());
    const id = auth.signIn(TOKEN);
    expect(id).toEqual(expect.any(String));
    expect(auth.identify(undefined, id!)?.key).toMatch(/^session:/);
    expect(auth.expiresAt(id!)).toBe(clock.now() + SESSION_DAYS * DAY);
    clock.advance(SESSION_DAYS * DAY - 1);
    expect(auth.identify(undefined, id!)?.key).toMatch(/^session:/);
    clock.advance(1);
    expect(auth.identify(undefined, id!)).toBeNull();
    expect(auth.expiresAt(id!)).toBeNull();
  });

  it('a wrong token, or a prefix of the right one, makes no session', () => {
    const auth = createAuth(TOKEN);
    expect(auth.signIn('nope')).toBeNull();
    expect(auth.signIn(TOKEN.slice(0, -1))).toBeNull();
    expect(auth.signIn(`${TOKEN}x`)).toBeNull();
    expect(auth.identify(undefined, 'nope')).toBeNull();
  });

  it('a login link’s session expires the same way, and the link works once', () => {
    let now = 0;
    const auth = createAuth(TOKEN, () => now);
    const secret = auth.newLoginSecret();
    const id = auth.login(secret);
    expect(id).not.toBeNull();
    expect(auth.login(secret)).toBeNull();
    now = SESSION_DAYS * DAY;
    expect(auth.identify(undefined, id!)).toBeNull();
  });

  it('sessions live in memory: a new host (a restart) knows none of the old ones', () => {
    const before = createAuth(TOKEN);
    const id = before.signIn(TOKEN)!;
    expect(createAuth(TOKEN).identify(undefined, id)).toBeNull();
  });
});

describe('POST /v1/session: signing in with the owner’s token', () => {
  it('a wrong token is refused calmly without echoing it; the right one sets a 30-day HttpOnly SameSite=Strict cookie', async () => {
    const clock = new FakeClock('2026-12-09T09:45:00Z');
    const api = await openApi({}, { clock });
    try {
      const wrong = await api.raw('POST', '/v1/session', { headers: json, body: JSON.stringify({ token: 'guess-4711' }) });
      expect(wrong.status).toBe(401);
      expect(wrong.json.error).toEqual({ code: 'wrong-token', message: 'that is not the token in api.json' });
      expect(wrong.text).not.toContain('guess-4711');
      expect(wrong.headers['set-cookie']).toBeUndefined();
      const malformed = await api.raw('POST', '/v1/session', { headers: json, body: JSON.stringify({ token: 12345678 }) });
      expect(malformed.status).toBe(400);
      expect(malformed.text).not.toContain('12345678');

      const right = await api.raw('POST', '/v1/session', { headers: { ...json, origin: `http://127.0.0.1:${api.port}` }, body: JSON.stringify({ token: `  ${TOKEN}\n` }) });
      expect(right.status).toBe(200);
      expect(right.text).not.toContain(TOKEN);
      expect(right.json).toEqual({ expiresAt: '2027-01-08T09:45:00.000Z' });
      const cookie = String(right.headers['set-cookie']);
      expect(cookie).toMatch(/^lull_session=[\w-]+;/);
      expect(cookie).toMatch(/Max-Age=2592000/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const session = cookie.split(';')[0] ?? '';
      expect((await api.raw('GET', '/v1/status', { headers: { cookie: session } })).status).toBe(200);
      // 30 days on the server's clock: the cookie no longer opens anything, and the answer means "sign in".
      clock.advance(30 * DAY);
      const expired = await api.raw('GET', '/v1/status', { headers: { cookie: session } });
      expect(expired.status).toBe(401);
      expect(expired.json.error.code).toBe('unauthorized');
    } finally {
      await api.close();
    }
  });

  it('keeps the guard: a foreign Origin or Host is refused before the token is looked at', async () => {
    const api = await openApi();
    try {
      const body = JSON.stringify({ token: TOKEN });
      expect((await api.raw('POST', '/v1/session', { headers: { ...json, origin: 'http://evil.example' }, body })).status).toBe(403);
      expect((await api.raw('POST', '/v1/session', { headers: { ...json, host: 'evil.example' }, body })).status).toBe(403);
      expect((await api.raw('POST', '/v1/session', { headers: { 'content-type': 'text/plain' }, body })).status).toBe(415);
    } finally {
      await api.close();
    }
  });

  it(`is flood-guarded: past ${SIGN_IN_PER_MINUTE} attempts a minute it answers 429 with Retry-After`, async () => {
    const api = await openApi();
    try {
      const attempt = () => api.raw('POST', '/v1/session', { headers: json, body: JSON.stringify({ token: 'guess' }) });
      for (let i = 0; i < SIGN_IN_PER_MINUTE; i++) expect((await attempt()).status).toBe(401);
      const refused = await attempt();
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
      // The owner's bearer token is a different caller: the API still answers it.
      expect((await api.call('GET', '/v1/status')).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
