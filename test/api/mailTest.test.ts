// POST /v1/mail/test through the real API server against a real Dovecot: the password typed in the
// form, the stored one or a passwordCommand's; a failed test is a 200 answer with its kind, an
// invalid account a 400 naming the field; owner only; the password in no answer and no log line.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureLogging } from '../../main/log.ts';
import { fileSecrets } from '../../main/store/secrets.ts';
import { startDovecot, type RunningDovecot } from '../support/dovecot.ts';
import { openApi, type Api } from './apiHarness.ts';

describe('POST /v1/mail/test', () => {
  let dovecot: RunningDovecot;
  let api: Api;
  let logged = '';
  beforeAll(async () => {
    configureLogging(new Writable({ write: (chunk: Buffer, _enc, done) => ((logged += chunk.toString('utf8')), done()) }), 'debug');
    dovecot = await startDovecot({ password: 'hunter2 secret' });
    await dovecot.append([{ from: 'a@example.test', subject: 'one' }, { from: 'b@example.test', subject: 'two' }]);
    api = await openApi({});
  }, 30_000);
  afterAll(async () => {
    await api?.close();
    await dovecot?.stop();
    configureLogging(undefined);
  });

  const account = (over: Record<string, unknown> = {}) => ({ name: 'work', host: '127.0.0.1', port: dovecot.port, security: 'none', user: dovecot.user, ...over });
  const test = (body: unknown, headers?: Record<string, string>) => api.call('POST', '/v1/mail/test', body, headers);

  it('counts the messages with the password typed in the form', async () => {
    const r = await test({ account: account(), password: dovecot.password });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({ ok: true, mailbox: 'INBOX', messages: 2 });
  });

  it('uses the stored password, then the passwordCommand, when none is typed', async () => {
    const none = await test({ account: account() });
    expect(none.status).toBe(200);
    expect(none.json).toMatchObject({ ok: false, kind: 'no-password', message: expect.stringContaining('mail:work') });
    await fileSecrets(api.dir).set('mail:work', dovecot.password);
    expect((await test({ account: account() })).json).toEqual({ ok: true, mailbox: 'INBOX', messages: 2 });
    // A passwordCommand goes first (an argv, no shell), even with a password stored.
    const command = await test({ account: account({ passwordCommand: ['/usr/bin/printf', '%s\\n', dovecot.password] }) });
    expect(command.json).toEqual({ ok: true, mailbox: 'INBOX', messages: 2 });
    // The account as GET /v1/settings shows it (`password: "stored"`) may be tested as it is.
    expect((await test({ account: account({ password: 'stored' }) })).json).toEqual({ ok: true, mailbox: 'INBOX', messages: 2 });
    expect((await test({ account: account({ password: dovecot.password }) })).status).toBe(400);
    const failing = await test({ account: account({ passwordCommand: ['/bin/false'] }) });
    expect(failing.json).toMatchObject({ ok: false, kind: 'password-command' });
  });

  it('answers a missing mailbox as a normal answer with its kind', async () => {
    const missing = await test({ account: account({ mailbox: 'Archive' }), password: dovecot.password });
    expect(missing.status).toBe(200);
    expect(missing.json).toEqual({ ok: false, kind: 'mailbox', message: expect.stringContaining('"Archive"') });
  });

  // After the logins that should succeed: Dovecot slows the next logins after a failed one.
  it('answers a failed login as a normal answer with its kind, never with the password', async () => {
    const r = await test({ account: account(), password: 'wrong guess' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: false, kind: 'auth', message: expect.stringContaining(dovecot.user) });
    expect(r.text).not.toContain('wrong');
  });

  it('refuses an invalid account or password with 400 naming the field, without echoing the password', async () => {
    const plain = await test({ account: account({ host: 'imap.example.com' }), password: dovecot.password });
    expect(plain.status).toBe(400);
    expect(plain.json.error.fields).toEqual([expect.objectContaining({ field: 'account.security' })]);
    const twoLines = await test({ account: account(), password: 'line one\nline two' });
    expect(twoLines.status).toBe(400);
    expect(twoLines.json.error.fields).toEqual([expect.objectContaining({ field: 'password' })]);
    expect(twoLines.text).not.toContain('line one');
    expect((await test({ account: account(), password: dovecot.password, remember: true })).status).toBe(400);
  });

  it('is the owner’s alone', async () => {
    const made = await api.call('POST', '/v1/tokens', { name: 'ci', scope: 'notify' });
    const r = await test({ account: account(), password: dovecot.password }, { authorization: `Bearer ${made.json.token}` });
    expect(r.status).toBe(403);
    expect((await test({ account: account(), password: dovecot.password }, { authorization: '' })).status).toBe(401);
  });

  it('is described in the OpenAPI document, and no log line carries a password', async () => {
    const doc = await api.call('GET', '/v1/openapi.json');
    expect(doc.json.paths['/v1/mail/test'].post.operationId).toBe('testMailAccount');
    expect(logged).toContain('mail account test failed');
    for (const secret of ['hunter2', 'wrong guess', 'line one']) expect(logged).not.toContain(secret);
  });
});
