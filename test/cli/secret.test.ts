// `lull secret set | delete | list` against a real lull-host: the secret comes in on stdin (a
// pipe's first line, spaces kept), lands in <data dir>/secrets.json and nowhere else — not on
// stdout, not in an error, not in the host's log; the settings then say `password: "stored"`.
// Exit codes per PRODUCT.md §5 (0 done, 1 refused, 2 usage, 3 not running).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSecrets } from '../../main/store/secrets.ts';
import { runChild } from '../support/child.ts';
import { startHost, type RunningHost } from '../support/host.ts';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'lull.js');
const SECRET = 'Pass with  spaces & $HOME';

async function lull(home: string, opts: { input?: string; locale?: Record<string, string> }, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LC_TIME: '', LANG: 'en_GB.UTF-8', LULL_HOME: home, ...opts.locale };
  const child = runChild(CLI, args, env, opts.input);
  const { code } = await child.exited;
  return { code, out: child.lines.join('\n'), err: child.stderr() };
}

describe('lull secret against a running host', () => {
  let host: RunningHost;
  const en = (input: string | undefined, ...args: string[]) => lull(host.home, { input }, ...args);
  const seen: string[] = [];
  const remember = <T extends { out: string; err: string }>(r: T): T => (seen.push(r.out, r.err), r);
  beforeAll(async () => {
    // Debug logging, so the log check below reads everything the host would say.
    host = await startHost({ settings: { sources: { mail: [{ name: 'work', host: '127.0.0.1', port: 1, security: 'none', user: 'me' }] } }, env: { LULL_LOG_LEVEL: 'debug' } });
  });
  afterAll(() => host.stop());

  it('set reads the first line of stdin, spaces kept; the settings say "stored"; list shows names only', async () => {
    const set = remember(await en(`${SECRET}\nsecond line\n`, 'secret', 'set', 'mail:work'));
    expect(set).toMatchObject({ code: 0, out: 'Stored the secret for mail:work.' });
    expect(await fileSecrets(host.home).get('mail:work')).toBe(SECRET);
    const settings = await host.api<{ sources: { mail: { name: string; password?: string }[] } }>('GET', '/v1/settings');
    expect(settings.body.sources.mail).toMatchObject([{ name: 'work', password: 'stored' }]);
    // No line ending at all: the whole input.
    expect(remember(await en('calendar pw', 'secret', 'set', 'calendar:home')).code).toBe(0);
    expect(await fileSecrets(host.home).get('calendar:home')).toBe('calendar pw');

    const list = remember(await en(undefined, 'secret', 'list'));
    expect(list).toMatchObject({ code: 0, out: 'calendar:home\nmail:work' });
    const json = remember(await en(undefined, 'secret', 'list', '--json'));
    expect(JSON.parse(json.out)).toEqual(['calendar:home', 'mail:work']);
  });

  it('delete forgets it (the settings no longer say "stored"); a second delete is refused', async () => {
    await en('x\n', 'secret', 'set', 'mail:work');
    expect(remember(await en(undefined, 'secret', 'delete', 'mail:work'))).toMatchObject({ code: 0, out: 'Deleted the secret for mail:work.' });
    const settings = await host.api<{ sources: { mail: { password?: string }[] } }>('GET', '/v1/settings');
    expect(settings.body.sources.mail[0]).not.toHaveProperty('password');
    const again = remember(await en(undefined, 'secret', 'delete', 'mail:work'));
    expect(again.code).toBe(1);
    expect(again.err).toContain('no secret is stored under mail:work');
  });

  it('refuses a bad name or secret (exit 1) and an empty stdin (exit 2), never echoing the secret', async () => {
    const badName = remember(await en(`${SECRET}\n`, 'secret', 'set', 'work'));
    expect(badName.code).toBe(1);
    expect(badName.err).toContain('name: must be mail:<account> or calendar:<account>');
    const tooLong = remember(await en(`${SECRET.repeat(200)}\n`, 'secret', 'set', 'mail:work'));
    expect(tooLong.code).toBe(1);
    expect(tooLong.err).toContain('secret: must be at most 4096 characters');
    for (const input of ['', '\n', undefined]) {
      const empty = remember(await en(input, 'secret', 'set', 'mail:work'));
      expect(empty.code, JSON.stringify(input)).toBe(2);
      expect(empty.err).toContain('no secret was given');
    }
    expect(fileSecrets(host.home).has('mail:work')).toBe(false);
  });

  it('usage errors exit 2 with the usage; --help exits 0 and says how to pipe the secret in', async () => {
    for (const args of [['secret'], ['secret', 'set'], ['secret', 'set', 'mail:a', SECRET], ['secret', 'delete'], ['secret', 'list', '--bogus'], ['secret', 'show', 'mail:work']]) {
      const r = remember(await en(undefined, ...args));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('lull secret set NAME');
    }
    // A secret put on the command line by mistake is not repeated back.
    const onLine = remember(await en(undefined, 'secret', 'set', 'mail:work', SECRET));
    expect(onLine.code).toBe(2);
    expect(onLine.err).toContain('the secret is read from stdin, never from the command line');
    const help = await en(undefined, 'secret', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain(`printf '%s\\n' "$PASSWORD" | lull secret set mail:work`);
    expect((await en(undefined, '--help')).out).toContain('lull secret list [--json]');
  });

  it('at a terminal, prompts on stderr and reads with echo off; Ctrl-C stores nothing', async () => {
    // A real pseudo-terminal (util-linux `script`); keys are sent once the prompt is there, as a person types.
    const typed = async (name: string, keys: string) => {
      const env = { ...process.env, LANG: 'en_GB.UTF-8', LC_ALL: '', LULL_HOME: host.home };
      const proc = spawn('script', ['-qec', `${process.execPath} ${CLI} secret set ${name}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
      let screen = '';
      proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        if (!screen.includes('(not shown): ') && (screen + chunk).includes('(not shown): ')) proc.stdin.write(keys);
        screen += chunk;
      });
      const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
      proc.stdin.destroy();
      return { code, screen };
    };
    const ok = await typed('mail:tty', `${SECRET}x\u007f\r`);
    expect(ok.screen).toContain('Password for mail:tty (not shown): ');
    expect(ok.screen).toContain('Stored the secret for mail:tty.');
    expect(ok.code).toBe(0);
    expect(ok.screen).not.toContain(SECRET);
    expect(await fileSecrets(host.home).get('mail:tty')).toBe(SECRET);
    const cancelled = await typed('mail:tty2', 'abc\u0003');
    expect(cancelled.code).toBe(2);
    expect(cancelled.screen).toContain('cancelled; nothing was stored');
    expect(fileSecrets(host.home).has('mail:tty2')).toBe(false);
  });

  it('speaks Swedish where the terminal does', async () => {
    const sv = await lull(host.home, { input: 'x\n', locale: { LANG: 'sv_SE.UTF-8' } }, 'secret', 'set', 'mail:sv');
    expect(sv).toMatchObject({ code: 0, out: 'Hemligheten för mail:sv sparades.' });
  });

  it('the secret is in no output and not in the host\'s log', async () => {
    for (const text of seen) expect(text).not.toContain(SECRET);
    expect(await host.stop()).toBe(0);
    const log = readFileSync(join(host.home, 'logs', 'host.log'), 'utf8');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain('calendar pw');
  });
});

describe('lull secret when Lull is not running', () => {
  it('exits 3 without reading a secret', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'lull-cli-'));
    for (const args of [['secret', 'list'], ['secret', 'set', 'mail:work'], ['secret', 'delete', 'mail:work']]) {
      const r = await lull(empty, { input: `${SECRET}\n` }, ...args);
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.err).toContain('Lull is not running');
    }
    expect(existsSync(join(empty, 'secrets.json'))).toBe(false);
  });
});
