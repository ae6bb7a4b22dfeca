// The mail door in a real lull-host process against a real Dovecot, as a person sets it up: IMAPS
// and STARTTLS with the server's certificate trusted (NODE_EXTRA_CA_CERTS), one password from a
// passwordCommand (a secret with spaces), one from the host's secret store, one command that fails.
// Then the password must be nowhere it should not be: host.log (at debug level), the settings and
// status answers, an error answer, `lull status`.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSecrets } from '../../../main/store/secrets.ts';
import { runChild } from '../../support/child.ts';
import { pollUntil } from '../../support/daemon.ts';
import { startDovecot, type RunningDovecot } from '../../support/dovecot.ts';
import { startHost, type RunningHost } from '../../support/host.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'lull.js');
const LEAK = 'leaked-on-stderr';

let dovecot: RunningDovecot;
let host: RunningHost;

interface Line {
  name: string;
  state: string;
  detail?: string;
}

const lines = async (): Promise<Line[]> => (await host.api<{ sources: Line[] }>('GET', '/v1/status')).body.sources;
const line = async (name: string): Promise<Line | undefined> => (await lines()).find((l) => l.name === name);

beforeAll(async () => {
  dovecot = await startDovecot({ password: 'correct horse battery staple' });
  const home = mkdtempSync(join(tmpdir(), 'lull-mail-host-'));
  const tools = mkdtempSync(join(tmpdir(), 'lull-mail-tools-'));
  writeFileSync(join(tools, 'password'), `${dovecot.password}\nsecond line is not the password\n`);
  chmodSync(join(tools, 'password'), 0o600);
  // What a broken password manager does: complains on stderr, prints something, fails.
  writeFileSync(join(tools, 'broken.sh'), `echo ${LEAK} >&2\necho ${LEAK}-out\nexit 3\n`);
  await fileSecrets(home).set('mail:starttls', dovecot.password);
  const common = { host: '127.0.0.1', user: dovecot.user };
  host = await startHost({
    home,
    env: { NODE_EXTRA_CA_CERTS: dovecot.certPath, LULL_LOG_LEVEL: 'debug' },
    settings: {
      sources: {
        mail: [
          { name: 'tls', ...common, port: dovecot.tlsPort, security: 'tls', passwordCommand: ['/bin/cat', join(tools, 'password')] },
          { name: 'starttls', ...common, port: dovecot.port, security: 'starttls', mailbox: 'INBOX' },
          { name: 'broken', ...common, port: dovecot.tlsPort, security: 'tls', passwordCommand: ['/bin/sh', join(tools, 'broken.sh')] },
        ],
      },
    },
  });
}, 60_000);

afterAll(async () => {
  await host?.stop();
  await dovecot?.stop();
});

describe('mail in lull-host, real Dovecot over TLS', () => {
  it('IMAPS with a passwordCommand and STARTTLS with a stored password both connect and hold new mail', async () => {
    await pollUntil('both accounts running', 20_000, async () => ((await line('mail:tls'))?.state === 'running' && (await line('mail:starttls'))?.state === 'running' ? true : undefined));
    expect((await host.api('POST', '/v1/focus', { minutes: 30 })).status).toBe(201);
    const [sent] = await dovecot.append([{ from: 'Anna Berg <anna@example.test>', subject: 'over TLS' }]);
    const held = await pollUntil('the held mail', 10_000, async () => {
      const items = (await host.api<{ items: { title: string; sender: string; source: string }[] }>('GET', '/v1/held')).body.items;
      return items.length > 0 ? items : undefined;
    });
    // One message seen by two accounts is one item (its Message-ID is the dedupe key).
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ title: 'over TLS', sender: 'Anna Berg <anna@example.test>' });
    expect(['mail:tls', 'mail:starttls']).toContain(held[0]!.source);
    expect(sent).toBeDefined();
  }, 40_000);

  it('a failing passwordCommand says which program failed and how, never what it printed', async () => {
    const broken = await pollUntil('the broken account retrying', 15_000, async () => {
      const l = await line('mail:broken');
      return l && l.state === 'degraded' ? l : undefined;
    });
    expect(broken.detail).toMatch(/retrying in \d+ s: passwordCommand "\/bin\/sh" failed \(exit code 3\)/);
    expect(broken.detail).not.toContain(LEAK);
  });

  it('`lull status` shows the account that is in trouble, in one line', async () => {
    const child = runChild(CLI, ['status'], { ...process.env, LULL_HOME: host.home, LANG: 'en_GB.UTF-8' });
    await child.exited;
    const out = child.lines.join('\n');
    expect(out).toMatch(/mail:broken: retrying in \d+ s: passwordCommand/);
    expect(out).not.toContain('mail:tls:');
  });

  it('the password is in no log, no answer and no error', async () => {
    const answers = [
      (await host.api('GET', '/v1/settings')).body,
      (await host.api('GET', '/v1/status')).body,
      (await host.api('PATCH', '/v1/settings', { sources: { mail: [{ name: 'x', host: 'imap.example.test', user: 'u', security: 'none' }] } })).body,
      (await host.api('PATCH', '/v1/settings', { sources: { mail: [{ name: 'x', host: 'h', user: 'u', password: dovecot.password }] } })).body,
    ].map((b) => JSON.stringify(b));
    expect(answers[2]).toMatch(/only to this machine/);
    const log = readFileSync(join(host.home, 'logs', 'host.log'), 'utf8');
    expect(log).toContain('"module":"mail"');
    for (const text of [...answers, log, readFileSync(join(host.home, 'config.json'), 'utf8')]) {
      expect(text).not.toContain(dovecot.password);
      expect(text).not.toContain(LEAK);
    }
  });
});
