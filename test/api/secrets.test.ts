// The secret store through the real API server over a real data dir (PRODUCT.md §3.4, §6): the
// owner stores a mail password with PUT /v1/secrets/{name}, lists names only, deletes it; the
// settings show `password: "stored"` for that account and never a password; a settings patch may
// send "stored" back but no password; and no answer ever carries the secret.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsInput } from '../../main/core/settings.ts';
import { fileSecrets } from '../../main/store/secrets.ts';
import { openApi, type Api, type RawResponse } from './apiHarness.ts';

const SECRET = 'tr0ub4dor & 3 spaces';
const work = { name: 'work', host: 'imap.example.com', user: 'me@example.com' };
const home = { name: 'home', host: 'imap.example.org', user: 'me@example.org', passwordCommand: ['pass', 'show', 'mail/home'] };
const settings: SettingsInput = { sources: { mail: [work, home] } };

describe('secrets over HTTP', () => {
  let api: Api;
  const answers: RawResponse[] = [];
  const call = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const r = await api.call(method, path, body, headers);
    answers.push(r);
    return r;
  };
  const mailShown = async () => ((await call('GET', '/v1/settings')).json.sources.mail as Record<string, unknown>[]);
  beforeEach(async () => {
    answers.length = 0;
    api = await openApi(settings);
  });
  afterEach(async () => {
    // Whatever was asked, no answer carried the secret.
    for (const r of answers) expect(r.text).not.toContain(SECRET);
    await api.close();
  });

  it('PUT stores it under its name (0600, where sources read it), GET lists names only, DELETE forgets it', async () => {
    expect((await call('GET', '/v1/secrets')).json).toEqual({ names: [] });
    const put = await call('PUT', '/v1/secrets/mail:work', { secret: SECRET });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toEqual({ name: 'mail:work', stored: true });
    // The typed client sends the name URL-encoded: the same route.
    expect((await call('PUT', `/v1/secrets/${encodeURIComponent('calendar:home')}`, { secret: 'other' })).json).toEqual({ name: 'calendar:home', stored: true });
    expect((await call('GET', '/v1/secrets')).json).toEqual({ names: ['calendar:home', 'mail:work'] });
    expect(statSync(join(api.dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(await fileSecrets(api.dir).get('mail:work')).toBe(SECRET);
    // Set again: replaced.
    await call('PUT', '/v1/secrets/mail:work', { secret: `${SECRET}!` });
    expect(await fileSecrets(api.dir).get('mail:work')).toBe(`${SECRET}!`);

    const deleted = await call('DELETE', '/v1/secrets/mail:work');
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ name: 'mail:work', deleted: true });
    expect((await call('GET', '/v1/secrets')).json).toEqual({ names: ['calendar:home'] });
    const again = await call('DELETE', '/v1/secrets/mail:work');
    expect(again.status).toBe(404);
    expect(again.json.error).toEqual({ code: 'not-found', message: 'no secret is stored under mail:work' });
  });

  it('GET /v1/settings shows password "stored" for the account whose secret is stored, its passwordCommand for the other, and is told at once', async () => {
    expect(await mailShown()).toEqual([
      { ...work, security: 'tls', mailbox: 'INBOX' },
      { ...home, security: 'tls', mailbox: 'INBOX' },
    ]);
    const changed: unknown[] = [];
    const off = api.lull.onContractEvent((channel, payload) => channel === 'settings:changed' && changed.push(payload));
    await call('PUT', '/v1/secrets/mail:work', { secret: SECRET });
    const shown = await mailShown();
    expect(shown[0]).toEqual({ ...work, security: 'tls', mailbox: 'INBOX', password: 'stored' });
    expect(shown[1]).toEqual({ ...home, security: 'tls', mailbox: 'INBOX' });
    // Windows and the dashboard hear it as a settings change (SSE, IPC).
    expect(changed).toHaveLength(1);
    expect((changed[0] as { sources: { mail: { password?: string }[] } }).sources.mail.map((a) => a.password)).toEqual(['stored', undefined]);
    // A secret for no configured account changes nothing shown.
    await call('PUT', '/v1/secrets/mail:elsewhere', { secret: SECRET });
    expect(changed).toHaveLength(1);
    // Any other change shows it too.
    const patched = await call('PATCH', '/v1/settings', { refocusMinutes: 20 });
    expect(patched.json.sources.mail[0].password).toBe('stored');
    expect((changed.at(-1) as { sources: { mail: { password?: string }[] } }).sources.mail[0]?.password).toBe('stored');
    await call('DELETE', '/v1/secrets/mail:work');
    expect((await mailShown())[0]).not.toHaveProperty('password');
    expect((changed.at(-1) as { sources: { mail: { password?: string }[] } }).sources.mail[0]).not.toHaveProperty('password');
    off();
  });

  it('PATCH takes the accounts back as shown ("stored" included) and keeps no password in the settings file', async () => {
    await call('PUT', '/v1/secrets/mail:work', { secret: SECRET });
    const shown = await mailShown();
    const edited = [{ ...shown[0], mailbox: 'Alerts' }, shown[1]];
    const r = await call('PATCH', '/v1/settings', { sources: { mail: edited } });
    expect(r.status, r.text).toBe(200);
    expect(r.json.sources.mail[0]).toEqual({ ...work, security: 'tls', mailbox: 'Alerts', password: 'stored' });
    const file = readFileSync(join(api.dir, 'config.json'), 'utf8');
    expect(file).not.toContain('password"');
    expect(JSON.parse(file).sources.mail[0]).toEqual({ ...work, security: 'tls', mailbox: 'Alerts' });
  });

  it('PATCH refuses a password in the settings, saying where it goes, and stores nothing', async () => {
    const before = readFileSync(join(api.dir, 'config.json'), 'utf8');
    for (const password of [SECRET, '', 'Stored', 42, null]) {
      const r = await call('PATCH', '/v1/settings', { sources: { mail: [{ ...work, password }] } });
      expect(r.status, JSON.stringify(password)).toBe(400);
      expect(r.json.error.code).toBe('invalid');
      const field = (r.json.error.fields as { field: string; message: string }[]).find((f) => f.field === 'sources.mail.0.password');
      expect(field?.message).toContain('PUT /v1/secrets/mail:<name>');
      expect(field?.message).toContain('lull secret set mail:<name>');
    }
    expect(readFileSync(join(api.dir, 'config.json'), 'utf8')).toBe(before);
    expect((await call('GET', '/v1/secrets')).json).toEqual({ names: [] });
  });

  it('refuses a bad name or secret by field, never echoing the secret', async () => {
    const refused = async (path: string, body: unknown, field: string) => {
      const r = await call('PUT', path, body);
      expect(r.status, `${path} ${r.text}`).toBe(400);
      expect((r.json.error.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    };
    await refused('/v1/secrets/work', { secret: SECRET }, 'name');
    await refused('/v1/secrets/ftp:work', { secret: SECRET }, 'name');
    await refused(`/v1/secrets/${encodeURIComponent('mail: work')}`, { secret: SECRET }, 'name');
    await refused(`/v1/secrets/mail:${'x'.repeat(33)}`, { secret: SECRET }, 'name');
    await refused('/v1/secrets/mail:work', { secret: '' }, 'secret');
    await refused('/v1/secrets/mail:work', { secret: SECRET.repeat(4096 / SECRET.length + 1) }, 'secret');
    await refused('/v1/secrets/mail:work', { secret: `${SECRET}\nsecond line` }, 'secret');
    await refused('/v1/secrets/mail:work', { secret: SECRET, note: SECRET }, 'note');
    await refused('/v1/secrets/mail:work', {}, 'secret');
    expect((await call('PUT', '/v1/secrets/mail:work', { secret: 'x'.repeat(4096) })).status).toBe(200);
    expect((await call('GET', '/v1/secrets')).json).toEqual({ names: ['mail:work'] });
  });

  it('is the owner\'s alone: no token is 401, a notify-only token 403', async () => {
    const token = (await call('POST', '/v1/tokens', { name: 'ci', scope: 'notify' })).json.token as string;
    for (const [method, path, body] of [['PUT', '/v1/secrets/mail:work', { secret: SECRET }], ['GET', '/v1/secrets'], ['DELETE', '/v1/secrets/mail:work']] as const) {
      const anonymous = await api.raw(method, path, { headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
      answers.push(anonymous);
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      const notify = await call(method, path, body, { authorization: `Bearer ${token}` });
      expect(notify.status, `${method} ${path}`).toBe(403);
    }
    expect(fileSecrets(api.dir).names()).toEqual([]);
  });
});
