import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatStatus } from '../../main/cli/format.ts';
import { weeklyReportCsv } from '../../main/core/reportCsv.ts';
import type { StatusDto } from '../../preload/contract.ts';
import { runChild, runCommand } from '../support/child.ts';
import { startHost, type RunningHost } from '../support/host.ts';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'lull.js');

async function lull(home: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return lullIn({ LANG: 'en_GB.UTF-8' }, home, ...args);
}

/** The CLI in a terminal whose locale variables are `locale` (LC_ALL and LC_MESSAGES unset unless given). */
async function lullIn(locale: Record<string, string>, home: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = runChild(CLI, args, { ...process.env, LC_ALL: '', LC_MESSAGES: '', LC_TIME: '', LULL_HOME: home, ...locale });
  const { code } = await child.exited;
  return { code, out: child.lines.join('\n'), err: child.stderr() };
}

describe('lull (CLI) against a running host', () => {
  let host: RunningHost;
  beforeAll(async () => {
    host = await startHost();
    await host.api('PATCH', '/v1/settings', { schedule: [], batchTimes: ['09:00', '12:00', '15:00', '18:00'] });
  });
  afterAll(() => host.stop());

  it('status: human words, and --json', async () => {
    const human = await lull(host.home, 'status');
    expect(human.code).toBe(0);
    expect(human.out.split('\n')[0]).toMatch(/^Idle: notifications pass straight through\. next batch at \d{2}:\d{2} \(in .*\)\.$/);
    const json = await lull(host.home, 'status', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ state: 'idle', held: 0 });
  });

  it('focus start / notify / release / focus stop, with their exit codes', async () => {
    const start = await lull(host.home, 'focus', 'start', '25');
    expect(start.code).toBe(0);
    expect(start.out.split('\n')[0]).toMatch(/^Focusing until \d{2}:\d{2}\. 0 held/);
    expect((await lull(host.home, 'focus', 'start', '25')).code).toBe(1); // refused: already focusing
    const held = await lull(host.home, 'notify', '--source', 'ci', '--title', 'deploy done', '--body', 'all green', '--sender', 'bot', '--url', 'https://ci.example/1');
    expect(held).toMatchObject({ code: 0 });
    expect(held.out).toMatch(/^Held until the next batch/);
    const urgent = await lull(host.home, 'notify', '--source', 'pager', '--title', 'db down', '--priority', 'urgent');
    expect(urgent.out).toMatch(/^Broke through \(rule: urgent\)/);
    const refused = await lull(host.home, 'notify', '--source', 'ci', '--title', 'x', '--url', 'javascript:alert(1)');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('url: must be an http, https or mailto URL');
    const release = await lull(host.home, 'release');
    expect(release).toMatchObject({ code: 0, out: 'Released 1.' });
    expect((await lull(host.home, 'focus', 'stop')).out).toBe('Focus ended; 0 released.');
    expect((await lull(host.home, 'focus', 'stop')).code).toBe(1);
  });

  it('focus start --until-next-batch ends at the next batch', async () => {
    const r = await lull(host.home, 'focus', 'start', '--until-next-batch');
    expect(r.code).toBe(0);
    const status = await host.api<{ block: { endsAt: string }; nextBatchAt: string }>('GET', '/v1/status');
    expect(status.body.block.endsAt).toBe(status.body.nextBatchAt);
    await lull(host.home, 'focus', 'stop');
  });

  it('report: a readable summary, and --csv equal to the API report in CSV', async () => {
    const human = await lull(host.home, 'report');
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^Week \d{4}-W\d{2}/);
    expect(human.out).toContain('How we count:');
    const csv = await lull(host.home, 'report', '--week', '2026-W47', '--csv');
    const api = await host.api<Parameters<typeof weeklyReportCsv>[0]>('GET', '/v1/report/weekly?week=2026-W47');
    expect(`${csv.out}\r\n`).toBe(weeklyReportCsv(api.body));
    expect(csv.out.split('\n')[0]).toBe('section,item,metric,value\r');
  });

  it('speaks Swedish where the terminal does (LANG or LC_MESSAGES), with times in its 24-hour habit', async () => {
    const status = await lullIn({ LANG: 'sv_SE.UTF-8' }, host.home, 'status');
    expect(status.code).toBe(0);
    expect(status.out.split('\n')[0]).toMatch(/^Inte i fokus: aviseringar går rakt igenom\. nästa omgång \d{2}:\d{2} \(om .*\)\.$/);
    const report = await lullIn({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'sv_SE.UTF-8' }, host.home, 'report');
    expect(report.out).toMatch(/^Vecka \d{4}-W\d{2} \(ändring mot \d{4}-W\d{2} inom parentes\)/);
    expect(report.out).toContain('Så räknar vi: kvarhållna aviseringar som kommer inom 2 minuter');
    const release = await lullIn({ LANG: 'sv_SE.UTF-8' }, host.home, 'release');
    expect(release).toMatchObject({ code: 0, out: 'Inget väntade.' });
    const held = await lullIn({ LC_ALL: 'sv_SE.UTF-8' }, host.home, 'notify', '--source', 'ci', '--title', 'klart');
    expect(held.out).toMatch(/^Levererad \(.+\)\.$/); // no block runs: it passes straight through
    const english = await lullIn({ LANG: 'de_DE.UTF-8' }, host.home, 'status');
    expect(english.out.split('\n')[0]).toMatch(/^Idle: notifications pass straight through\. next batch at \d{2}:\d{2} \(in .*\)\.$/);
  });

  it('usage errors exit 2, with the command’s usage; --help exits 0', async () => {
    for (const args of [['focus', 'start', 'ten'], ['focus', 'start', '1000'], ['notify', '--title', 'x'], ['report', '--week', 'W47'], ['status', '--bogus'], ['nonsense'], []]) {
      const r = await lull(host.home, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/usage|lull /);
    }
    for (const args of [['--help'], ['notify', '--help'], ['focus', '--help'], ['report', '-h']]) {
      const r = await lull(host.home, ...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toMatch(/usage: /);
    }
  });

  it('open prints a fresh one-time login link', async () => {
    const r = await lull(host.home, 'open');
    expect(r.out).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/login\\?secret=`));
  });
});

describe('human words', () => {
  const status: StatusDto = {
    state: 'focus',
    block: { id: 'b', kind: 'adhoc', startedAt: '2026-11-23T10:30:00.000+01:00', endsAt: '2026-11-23T11:30:00.000+01:00', endedAt: null, endReason: null },
    held: 3,
    nextBatchAt: '2026-11-23T13:05:00.000+01:00',
    sources: [{ name: 'desktop-bus', state: 'degraded', detail: 'no daemon' }],
  };
  const now = Date.parse('2026-11-23T11:20:00+01:00');

  it('writes times at the host’s wall clock, in the terminal’s language and 12/24-hour habit', () => {
    expect(formatStatus(status, now, { language: 'en', locale: 'en-GB' })).toBe('Focusing until 11:30. 3 held; next batch at 13:05 (in 1 h 45 min).\n  desktop-bus: no daemon');
    expect(formatStatus(status, now, { language: 'en', locale: 'en-US' })).toMatch(/^Focusing until 11:30\sAM\. 3 held; next batch at 1:05\sPM \(in 1 h 45 min\)\.\n/);
    expect(formatStatus(status, now, { language: 'sv', locale: 'sv-SE' })).toBe('Fokus till 11:30. 3 väntar; nästa omgång 13:05 (om 1 tim 45 min).\n  desktop-bus: no daemon');
    expect(formatStatus({ ...status, state: 'idle', block: null, held: 0, nextBatchAt: null, sources: [] }, now, { language: 'sv', locale: 'sv-SE' })).toBe('Inte i fokus: aviseringar går rakt igenom. inga omgångstider satta.');
  });
});

describe('lull when Lull is not running', () => {
  it('exits 3 with no api.json, and 3 when api.json names a port nobody listens on', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'lull-cli-'));
    const r = await lull(empty, 'status');
    expect(r.code).toBe(3);
    expect(r.err).toContain('Lull is not running');
    const host = await startHost();
    await host.kill(); // api.json stays behind, as after a crash
    const stale = await lull(host.home, 'release');
    expect(stale.code).toBe(3);
    expect(stale.err).toContain('Lull is not running');
  });
});

describe('npx lull and npx lull-host from the repository', () => {
  // The machine's own Node (20 on Debian 12 here) runs npx: the bins re-run on the pinned Node 24.
  const systemPath = (process.env.PATH ?? '').split(':').filter((p) => !p.includes('node_modules')).join(':');
  const root = join(import.meta.dirname, '..', '..');

  it.each([['lull', 'usage: lull <command>'], ['lull-host', 'usage: lull-host']])('npx %s --help works', async (bin, expected) => {
    const child = runCommand('npx', ['--no-install', bin, '--help'], { ...process.env, PATH: systemPath, npm_config_loglevel: 'error' }, root);
    const { code } = await child.exited;
    expect(code, child.stderr()).toBe(0);
    expect(child.lines.join('\n')).toContain(expected);
  });
});
