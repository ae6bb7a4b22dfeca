// Runs a real Prometheus Alertmanager (Debian's prometheus-alertmanager) for a test: on loopback on
// a free port, cluster off, its own config and storage in a temp dir, one receiver whose
// `webhook_configs` the test gives (the YAML docs/integrations.md prints can be fed as it is). As
// root it runs as nobody (setpriv), the way a packaged daemon runs, so the temp dir is handed to
// nobody. Alerts are fired and resolved with its own API (POST /api/v2/alerts).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { exited, freePort, giveToNobody, NOBODY, pollUntil } from './daemon.ts';

export { freePort, pollUntil };

export const ALERTMANAGER_BIN = '/usr/bin/prometheus-alertmanager';

/** An alert as POST /api/v2/alerts takes it (Prometheus sends the same). */
export interface PostableAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  /** In the future while it fires; now (or past) resolves it. */
  endsAt?: string;
  generatorURL?: string;
}

export interface AlertmanagerStart {
  /** The YAML list under the receiver's `webhook_configs:` (`- url: …` entries), indented from column 0. */
  webhookConfigs?: string;
  /** Or a whole top-level `receivers:` block, as docs/integrations.md prints it; the route sends to its first receiver. */
  receivers?: string;
  /** Route timings; short by default, so a test waits about a second for each webhook. */
  groupWait?: string;
  groupInterval?: string;
  repeatInterval?: string;
  groupBy?: readonly string[];
}

export interface RunningAlertmanager {
  url: string;
  port: number;
  dir: string;
  /** POST /api/v2/alerts; throws unless Alertmanager answers 200. */
  post(alerts: readonly PostableAlert[]): Promise<void>;
  /** What it printed so far (for a failing test's message). */
  log(): string;
  /** Stops it and its process group (SIGTERM, then SIGKILL after a deadline) and removes the temp dir. */
  stop(): Promise<void>;
}

export function alertmanagerConfig(opts: AlertmanagerStart): string {
  const receivers = opts.receivers ?? ['receivers:', '  - name: lull', '    webhook_configs:', ...(opts.webhookConfigs ?? '').trimEnd().split('\n').map((line) => `      ${line}`)].join('\n');
  const first = (parse(receivers) as { receivers?: { name?: string }[] }).receivers?.[0]?.name;
  if (!first) throw new Error('the receivers block names no receiver');
  return [
    'route:',
    `  receiver: ${JSON.stringify(first)}`,
    `  group_by: ${JSON.stringify(opts.groupBy ?? ['alertname', 'instance'])}`,
    `  group_wait: ${opts.groupWait ?? '1s'}`,
    `  group_interval: ${opts.groupInterval ?? '1s'}`,
    `  repeat_interval: ${opts.repeatInterval ?? '1h'}`,
    receivers.trimEnd(),
    '',
  ].join('\n');
}

export async function startAlertmanager(opts: AlertmanagerStart): Promise<RunningAlertmanager> {
  const dir = mkdtempSync(join(tmpdir(), 'lull-alertmanager-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'alertmanager.yml'), alertmanagerConfig(opts));
  const root = process.getuid?.() === 0;
  if (root) giveToNobody(dir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    `--config.file=${join(dir, 'alertmanager.yml')}`,
    `--storage.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
    `--web.external-url=${url}`,
    '--log.level=debug',
  ];
  const [command, argv] = root ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ALERTMANAGER_BIN, ...args]] : [ALERTMANAGER_BIN, args];
  // Its own process group, so stop() reaches whatever it started.
  const proc = spawn(command, argv, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-64 * 1024));
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const gone = exited(proc);

  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, sig);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    signal('SIGTERM');
    const late = setTimeout(() => signal('SIGKILL'), 5000);
    await gone;
    clearTimeout(late);
    signal('SIGKILL'); // anything left in its group
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await pollUntil('Alertmanager /-/ready', 20_000, async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`Alertmanager exited (${proc.exitCode ?? proc.signalCode}):\n${output}`);
      const ready = await fetch(`${url}/-/ready`).then((r) => r.status === 200, () => false);
      return ready ? true : undefined;
    });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    port,
    dir,
    log: () => output,
    stop,
    async post(alerts) {
      const response = await fetch(`${url}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) });
      if (response.status !== 200) throw new Error(`POST /api/v2/alerts answered ${response.status}: ${await response.text()}`);
    },
  };
}
