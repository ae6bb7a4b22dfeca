// docs/integrations.md, run as written: every block marked `<!-- test: name -->` is taken from
// the page itself and run against a real lull-host with a notify token, by the real client the
// page names (curl, Apprise, Prometheus Alertmanager). Only the token and the port
// are put in, as a reader would; each run must land the items the page promises.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, startAlertmanager } from '../support/alertmanager.ts';
import { runCommand } from '../support/child.ts';
import { startHost, type RunningHost } from '../support/host.ts';

const PAGE = join(import.meta.dirname, '..', '..', 'docs', 'integrations.md');

/** The page's tested blocks, by name. */
export function testedBlocks(markdown = readFileSync(PAGE, 'utf8')): Map<string, { lang: string; text: string }> {
  const blocks = new Map<string, { lang: string; text: string }>();
  for (const m of markdown.matchAll(/<!-- test: ([\w-]+) -->\n```(\w+)\n([\s\S]*?)\n```/g)) blocks.set(m[1]!, { lang: m[2]!, text: m[3]! });
  return blocks;
}

/** What a reader does: put in their token and port. */
export const localize = (text: string, token: string, port: number): string => text.replaceAll('YOUR_TOKEN', token).replaceAll('47615', String(port));

interface Landed {
  source: string;
  title: string;
  body?: string;
  priority?: string;
  disposition: string;
  url?: string;
  tags?: string[];
  status?: string;
}

describe('docs/integrations.md, run as written', () => {
  let host: RunningHost;
  let token: string;
  const blocks = testedBlocks();
  const seen = new Set<string>();

  beforeAll(async () => {
    host = await startHost({ settings: { maxHoldMinutes: 720 } });
    const made = await host.api<{ token: string }>('POST', '/v1/tokens', { name: 'docs', scope: 'notify' });
    expect(made.status).toBe(201);
    token = made.body.token;
    // A block: what is not urgent is held, what is breaks through, and both can be read back.
    expect((await host.api('POST', '/v1/focus', { minutes: 720 })).status).toBe(201);
  });
  afterAll(() => host.stop());

  /** Every item that arrived so far (held, or broken through and waiting for a verdict), oldest first. */
  const landed = async (): Promise<Landed[]> => {
    const held = await host.api<{ items: (Landed & { id: string; receivedAt: string })[] }>('GET', '/v1/held?view=held&limit=500');
    const through = await host.api<{ items: (Landed & { id: string; receivedAt: string })[] }>('GET', '/v1/held?view=unjudged&limit=500');
    return [...held.body.items, ...through.body.items].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
  };
  /** Runs `run`, then returns what arrived because of it. */
  const arrivals = async (run: () => Promise<void>): Promise<Landed[]> => {
    const before = (await landed()).length;
    await run();
    return (await landed()).slice(before);
  };
  const bash = async (script: string, env: Record<string, string> = {}): Promise<void> => {
    const child = runCommand('bash', ['-e', '-o', 'pipefail', '-c', script], { PATH: process.env.PATH, HOME: process.env.HOME, ...env });
    const { code } = await child.exited;
    expect(code, `${script}\n${child.stderr()}`).toBe(0);
  };
  const block = (name: string): string => {
    const found = blocks.get(name);
    if (!found) throw new Error(`docs/integrations.md has no tested block "${name}"`);
    seen.add(name);
    return localize(found.text, token, host.port);
  };

  it('curl with Lull’s own form', async () => {
    const got = await arrivals(() => bash(block('curl-native')));
    expect(got).toMatchObject([{ source: 'docs', title: 'Deploy finished', body: 'api v2.4.1 is live', priority: 'normal', url: 'https://deploy.example.com/runs/4411', disposition: 'held' }]);
  });

  it('ntfy’s own curl examples: headers, and the GET publish form with Basic auth', async () => {
    const urgent = await arrivals(() => bash(block('ntfy-curl')));
    expect(urgent).toMatchObject([{ source: 'phil_alerts', title: 'Unauthorized access detected', body: 'Remote access to phils-laptop detected. Act right away.', priority: 'urgent', tags: ['warning', 'skull'], disposition: 'breakthrough' }]);
    const get = await arrivals(() => bash(block('ntfy-get')));
    expect(get).toMatchObject([{ source: 'backups', title: 'Backup done', body: 'Nightly backup finished', tags: ['floppy_disk'], disposition: 'held' }]);
  });

  it('Apprise (the real CLI): its ntfy, Gotify and json targets', async () => {
    const got = await arrivals(async () => {
      for (const line of block('apprise').split('\n')) await bash(line);
    });
    expect(got).toHaveLength(3);
    for (const item of got) expect(item).toMatchObject({ title: 'Backup done', body: 'Nightly backup finished', disposition: 'held' });
    expect(got.map((i) => i.source)).toEqual(['backups', 'docs', 'docs']);
  });

  it('Gotify’s own curl example (a multipart form)', async () => {
    const got = await arrivals(() => bash(block('gotify-curl')));
    expect(got).toMatchObject([{ source: 'docs', title: 'my title', body: 'my message', priority: 'normal', disposition: 'held' }]);
  });

  it('the GitHub Actions step, as the runner runs it', async () => {
    const [step] = parse(block('github-actions')) as { env: Record<string, string>; run: string }[];
    // The runner fills in `${{ … }}` before the shell sees the script; these are the step's only expressions.
    const expressions: Record<string, string> = { 'secrets.LULL_TOKEN': token, 'job.status': 'failure' };
    const evaluate = (s: string): string =>
      s.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, e: string) => {
        if (!(e in expressions)) throw new Error(`the step uses an expression the test does not know: ${e}`);
        return expressions[e]!;
      });
    const env = { GITHUB_WORKFLOW: 'build', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'ann/lull', GITHUB_RUN_ID: '4411', GITHUB_SHA: '3f2c1ab', ...Object.fromEntries(Object.entries(step!.env).map(([k, v]) => [k, evaluate(v)])) };
    const got = await arrivals(() => bash(evaluate(step!.run), env));
    expect(got).toMatchObject([{ source: 'ci', title: 'build: failure', body: 'ann/lull at 3f2c1ab', url: 'https://github.com/ann/lull/actions/runs/4411', disposition: 'held' }]);
  });

  it('the GitLab CI job’s script, with GitLab’s predefined variables', async () => {
    const job = (parse(block('gitlab-ci')) as Record<string, { script: string[] }>)['notify-lull']!;
    const env = { LULL_TOKEN: token, CI_PROJECT_PATH: 'ann/lull', CI_PIPELINE_ID: '77', CI_PIPELINE_URL: 'https://gitlab.com/ann/lull/-/pipelines/77', CI_COMMIT_REF_NAME: 'main', CI_COMMIT_SHORT_SHA: '3f2c1ab' };
    const got = await arrivals(async () => {
      for (const line of job.script) await bash(line, env);
    });
    expect(got).toMatchObject([{ source: 'ci', title: 'ann/lull: pipeline 77', body: 'main at 3f2c1ab', url: 'https://gitlab.com/ann/lull/-/pipelines/77' }]);
  });

  it('the crontab line: a quiet note when the backup worked, a high one when it failed', async () => {
    const line = block('cron');
    const command = line.split(' ').slice(5).join(' ');
    expect(command.startsWith('/usr/local/bin/backup.sh ')).toBe(true);
    const ok = await arrivals(() => bash(command.replace('/usr/local/bin/backup.sh', 'true')));
    expect(ok).toMatchObject([{ source: 'backups', title: 'Backup done', body: 'Nightly backup finished', disposition: 'held' }]);
    const failed = await arrivals(() => bash(command.replace('/usr/local/bin/backup.sh', 'false')));
    expect(failed).toMatchObject([{ source: 'backups', title: 'Backup FAILED', body: 'See /var/log/backup.log', priority: 'high' }]);
  });

  it('the Alertmanager receiver, as written, in a real Alertmanager: held, broken through, withdrawn once resolved', async () => {
    const am = await startAlertmanager({ receivers: block('alertmanager') });
    try {
      const hour = Date.now() + 3_600_000;
      // Prometheus always sends startsAt; without it Alertmanager takes endsAt, and the resolve would be another episode.
      const startsAt = new Date().toISOString();
      const warning = { labels: { alertname: 'CertExpiring', instance: 'web1', severity: 'warning' }, annotations: { summary: 'Certificate expires in 6 days' }, startsAt };
      const before = (await landed()).length;
      await am.post([{ ...warning, endsAt: new Date(hour).toISOString() }, { labels: { alertname: 'ApiDown', severity: 'critical' }, annotations: { summary: 'API is down' }, startsAt, endsAt: new Date(hour).toISOString() }]);
      const got = await pollUntil(`two alerts\n${am.log().slice(-2000)}`, 20_000, async () => {
        const now = (await landed()).slice(before);
        return now.length >= 2 ? now : undefined;
      });
      expect(got.find((i) => i.title === 'Certificate expires in 6 days')).toMatchObject({ source: 'ops', priority: 'high', disposition: 'held' });
      expect(got.find((i) => i.title === 'API is down')).toMatchObject({ source: 'ops', priority: 'urgent', disposition: 'breakthrough' });
      await am.post([{ ...warning, endsAt: new Date().toISOString() }]);
      const resolved = await pollUntil('the resolved alert', 20_000, async () => {
        const items = (await host.api<{ items: Landed[] }>('GET', '/v1/held?view=resolved')).body.items;
        return items.find((i) => i.title === 'Certificate expires in 6 days');
      });
      expect(resolved).toMatchObject({ source: 'ops', status: 'resolved' });
    } finally {
      await am.stop();
    }
  }, 60_000);

  it('every tested block of the page ran', () => {
    expect([...blocks.keys()].filter((name) => !seen.has(name))).toEqual([]);
    expect(blocks.size).toBeGreaterThanOrEqual(9);
  });
});
