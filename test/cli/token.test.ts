// `lull token new | list | revoke` against a real lull-host: the new token is alone on stdout (a
// script captures it) and really can post but read nothing; the list never shows a secret; a
// revoked token is refused at once; exit codes per PRODUCT.md §5 (0 done, 1 refused, 2 usage,
// 3 not running).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChild } from '../support/child.ts';
import { startHost, type RunningHost } from '../support/host.ts';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'lull.js');

async function lull(home: string, locale: Record<string, string>, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = runChild(CLI, args, { ...process.env, LC_ALL: '', LC_MESSAGES: '', LC_TIME: '', LANG: 'en_GB.UTF-8', LULL_HOME: home, ...locale });
  const { code } = await child.exited;
  return { code, out: child.lines.join('\n'), err: child.stderr() };
}

describe('lull token against a running host', () => {
  let host: RunningHost;
  const en = (...args: string[]) => lull(host.home, {}, ...args);
  const post = (secret: string) => fetch(`${host.baseUrl}/v1/notifications`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'deploy done' }) });
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(() => host.stop());

  it('new prints the token alone on stdout and a hint on stderr; the token posts (its name the source) and reads nothing', async () => {
    const made = await en('token', 'new', 'ci');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^lull_n_[\w-]+$/); // one line, nothing else: TOKEN=$(lull token new ci)
    expect(made.err).toMatch(/^Notify-only token "ci" \(tok_[\w-]+\)\. It is shown once: store it now\.$/m);
    expect((await host.api('POST', '/v1/focus', { minutes: 30 })).status).toBe(201);
    const posted = await post(made.out);
    expect(posted.status).toBe(202);
    const { id } = (await posted.json()) as { id: string };
    const held = await fetch(`${host.baseUrl}/v1/held`, { headers: { authorization: `Bearer ${made.out}` } });
    expect(held.status).toBe(403);
    // The owner sees it held, from "ci", and the token's last use.
    const owner = await host.api<{ items: { id: string; source: string }[] }>('GET', '/v1/held');
    expect(owner.body.items).toMatchObject([{ id, source: 'ci' }]);
    await host.api('DELETE', '/v1/focus');
    const list = await host.api<{ tokens: { name: string; lastUsedAt: string | null }[] }>('GET', '/v1/tokens');
    expect(list.body.tokens).toMatchObject([{ name: 'ci', lastUsedAt: expect.any(String) }]);

    const again = await en('token', 'new', 'ci');
    expect(again).toMatchObject({ code: 1, out: '' });
    expect(again.err).toContain('a token with this name exists');
    const bad = await en('token', 'new', 'bell\u0007');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('name: must be printable text');
  });

  it('list: a table (id, name, created, last used) and --json, never a secret; revoke refuses the token at once', async () => {
    const made = await en('token', 'new', 'monitor');
    const table = await en('token', 'list');
    expect(table.code).toBe(0);
    const [head, ...rows] = table.out.split('\n');
    expect(head).toMatch(/^ID\s+NAME\s+CREATED\s+LAST USED$/);
    const row = rows.find((r) => r.includes(' monitor '));
    expect(row).toMatch(/^tok_[\w-]+\s+monitor\s+\d{1,2} \w{3} \d{4}, \d{2}:\d{2}\s+never$/);
    expect(table.out).not.toContain(made.out);
    const json = await en('token', 'list', '--json');
    const tokens = JSON.parse(json.out) as { id: string; name: string; scope: string }[];
    const monitor = tokens.find((t) => t.name === 'monitor');
    expect(monitor).toMatchObject({ scope: 'notify', lastUsedAt: null });
    expect(json.out).not.toContain(made.out);
    expect(Object.keys(monitor!).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'scope']);

    expect((await post(made.out)).status).toBe(202);
    const revoked = await en('token', 'revoke', monitor!.id);
    expect(revoked).toMatchObject({ code: 0, out: `Revoked "monitor" (${monitor!.id}).` });
    expect((await post(made.out)).status).toBe(401);
    const unknown = await en('token', 'revoke', monitor!.id);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no token with this id');
    expect((await en('token', 'list')).out).not.toContain('monitor');
  });

  it('speaks Swedish where the terminal does', async () => {
    const sv = await lull(host.home, { LANG: 'sv_SE.UTF-8' }, 'token', 'new', 'backup');
    expect(sv.err).toMatch(/^Nyckel för bara aviseringar, ”backup” \(tok_[\w-]+\)\. Den visas bara nu: spara den\.$/m);
    expect((await lull(host.home, { LANG: 'sv_SE.UTF-8' }, 'token', 'list')).out.split('\n')[0]).toMatch(/^ID\s+NAMN\s+SKAPAD\s+SENAST ANVÄND$/);
  });

  it('usage errors exit 2 with the usage; --help exits 0 and says how to capture the token', async () => {
    for (const args of [['token'], ['token', 'new'], ['token', 'new', 'a', 'b'], ['token', 'revoke'], ['token', 'list', '--bogus'], ['token', 'rotate']]) {
      const r = await en(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('lull token new NAME');
    }
    const help = await en('token', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('TOKEN=$(lull token new ci)');
    expect((await en('--help')).out).toContain('lull token revoke ID');
  });
});

describe('lull token when Lull is not running', () => {
  it('exits 3', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'lull-cli-'));
    for (const args of [['token', 'list'], ['token', 'new', 'ci'], ['token', 'revoke', 'tok_x']]) {
      const r = await lull(empty, {}, ...args);
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.err).toContain('Lull is not running');
    }
  });
});
