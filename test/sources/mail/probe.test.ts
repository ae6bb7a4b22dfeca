// The "Test" button's probe against a real Dovecot: it counts the messages of the mailbox without
// touching them, and each way a connection fails comes back as the kind a person can act on.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailAccountSchema, type MailAccount } from '../../../main/core/mailSettings.ts';
import { MailError } from '../../../main/sources/mail/connect.ts';
import { probeMailAccount } from '../../../main/sources/mail/probe.ts';
import { freePort } from '../../support/daemon.ts';
import { startDovecot, type RunningDovecot } from '../../support/dovecot.ts';

let dovecot: RunningDovecot;

beforeAll(async () => {
  dovecot = await startDovecot();
  await dovecot.append([
    { from: 'Anna <anna@example.test>', subject: 'one' },
    { from: 'Bo <bo@example.test>', subject: 'two' },
    { from: 'Cy <cy@example.test>', subject: 'three' },
  ]);
}, 30_000);

afterAll(async () => {
  await dovecot?.stop();
});

const account = (over: Partial<MailAccount> = {}): MailAccount => mailAccountSchema.parse({ name: 'work', host: dovecot.host, port: dovecot.port, security: 'none', user: dovecot.user, ...over });

/** The MailError a probe fails with (and that it failed). */
async function failure(probe: Promise<unknown>): Promise<MailError> {
  const error: unknown = await probe.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailError);
  return error as MailError;
}

describe('probeMailAccount', () => {
  it('logs in and counts the messages of the mailbox, leaving them unread', async () => {
    const before = dovecot.logins().ok;
    expect(await probeMailAccount(account(), dovecot.password)).toEqual({ mailbox: 'INBOX', messages: 3 });
    expect(dovecot.logins().ok).toBe(before + 1);
    // Nothing read, and \\Recent still there: the probe never selected the mailbox read-write.
    expect((await dovecot.flags()).map((m) => m.flags)).toEqual([['\\Recent'], ['\\Recent'], ['\\Recent']]);
  });

  it('says a missing mailbox is the mailbox', async () => {
    const e = await failure(probeMailAccount(account({ mailbox: 'Nowhere' }), dovecot.password));
    expect(e.kind).toBe('mailbox');
    expect(e.message).toContain('"Nowhere"');
  });

  it('says a closed port refused the connection', async () => {
    const e = await failure(probeMailAccount(account({ port: await freePort() }), dovecot.password));
    expect(e.kind).toBe('refused');
  });

  it('says a host that does not resolve is DNS', async () => {
    const e = await failure(probeMailAccount(account({ host: 'nonexistent.invalid', security: 'tls' }), dovecot.password));
    expect(e.kind).toBe('dns');
    expect(e.message).toContain('nonexistent.invalid');
  });

  it('says an untrusted certificate on the IMAPS port is TLS', async () => {
    const before = dovecot.logins();
    const e = await failure(probeMailAccount(account({ port: dovecot.tlsPort, security: 'tls' }), dovecot.password));
    expect(e.kind).toBe('tls');
    expect(dovecot.logins()).toEqual(before);
  });

  it('says an untrusted certificate after STARTTLS on the plain port is TLS, and never logs in in plain text', async () => {
    const before = dovecot.logins();
    const e = await failure(probeMailAccount(account({ security: 'starttls' }), dovecot.password));
    expect(e.kind).toBe('tls');
    expect(dovecot.logins()).toEqual(before);
  });

  describe('plain IMAP to another machine', () => {
    let server: Server;
    let connections = 0;
    let port = 0;
    beforeAll(async () => {
      server = createServer((socket) => {
        connections++;
        socket.end('* OK fake\r\n');
      });
      await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('is refused before connecting (0.0.0.0 would reach this machine)', async () => {
      // The schema refuses such an account; the probe refuses it again for any caller that did not parse.
      const plain: MailAccount = { ...account(), host: '0.0.0.0', port, security: 'none' };
      const e = await failure(probeMailAccount(plain, dovecot.password));
      expect(e.kind).toBe('plain-refused');
      expect(e.message).not.toContain(dovecot.password);
      await new Promise((r) => setTimeout(r, 100));
      expect(connections).toBe(0);
    });
  });

  it('gives up after its time limit on a server that never greets, and closes the connection', async () => {
    const sockets = new Set<Socket>();
    let closed = 0;
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => closed++);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      const e = await failure(probeMailAccount(account({ port }), dovecot.password, { timeoutMs: 500 }));
      expect(e.kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(5000);
      await expect.poll(() => closed, { timeout: 2000 }).toBe(1);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  // Last: Dovecot slows the next logins from this address after a failed one.
  it('says a wrong password is the login, without the password', async () => {
    const e = await failure(probeMailAccount(account(), 'not the password'));
    expect(e.kind).toBe('auth');
    expect(e.message).toContain(dovecot.user);
    expect(e.message).not.toContain('not the password');
  });
});
