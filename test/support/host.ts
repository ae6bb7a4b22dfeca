// Starts a real lull-host child process on a free loopback port with its own data dir, for
// end-to-end, CLI and crash tests; stops it with SIGTERM (or kills it, for crash tests).
// The suite must pass at every hour: a host starts from explicit settings (by default no
// schedule, so it is never inside a block it did not ask for; a settings file that exists has
// chosen when scheduled blocks hold, as an upgraded install has) and, when a test needs a
// particular wall-clock time, at that time under faketime. `settings: null` is a fresh install.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEDULE_ALWAYS, type SettingsInput } from '../../main/core/settings.ts';
import { readApiFile } from '../../main/service/apiFile.ts';
import { openConfSettings } from '../../main/store/confSettings.ts';
import { runChild, type Child } from './child.ts';

export const HOST_BIN = join(import.meta.dirname, '..', '..', 'bin', 'lull-host.js');

export interface RunningHost {
  home: string;
  port: number;
  token: string;
  baseUrl: string;
  /** A one-time link; visiting it sets the session cookie and redirects to the dashboard. */
  loginUrl: string;
  child: Child;
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** SIGTERM, then waits for a clean exit; returns the exit code. */
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

export interface HostStart {
  home?: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /**
   * Written to the settings file before the host starts; default: no schedule, and scheduled blocks
   * hold (`scheduleFrom` chosen long ago). `null` writes nothing: a first start.
   */
  settings?: SettingsInput | null;
  /** Runs the host from this wall-clock time (faketime, `YYYY-MM-DD HH:MM:SS` in UTC); default: the real time. */
  at?: string;
}

export async function startHost(opts: HostStart = {}): Promise<RunningHost> {
  const home = opts.home ?? mkdtempSync(join(tmpdir(), 'lull-host-'));
  if (opts.settings !== null) {
    const written = openConfSettings(home).patch({ schedule: [], scheduleFrom: SCHEDULE_ALWAYS, ...opts.settings });
    if (!written.ok) throw new Error(`bad test settings: ${JSON.stringify(written.issues)}`);
  }
  const env = { ...process.env, LULL_LOG_LEVEL: 'warn', ...opts.env, LULL_HOME: home };
  const args = [HOST_BIN, '--port', '0', '--no-open', ...(opts.args ?? [])];
  const child = runChild(args[0]!, args.slice(1), opts.at === undefined ? env : { ...env, ...fakeTimeEnv(opts.at) });
  const ready = await child.waitFor((line) => line.startsWith('Lull is running'));
  const loginUrl = /(http:\/\/127\.0\.0\.1:\d+\/login\?secret=\S+)/.exec(ready)?.[1] ?? '';
  const info = readApiFile(home);
  if (!info || !loginUrl) throw new Error(`the host did not write api.json or print its link: ${ready}`);
  const baseUrl = `http://127.0.0.1:${info.port}`;
  return {
    home,
    port: info.port,
    token: info.token,
    baseUrl,
    loginUrl,
    child,
    async api<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${info.token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async stop() {
      if (child.proc.exitCode !== null || child.proc.signalCode !== null) return child.proc.exitCode;
      child.proc.kill('SIGTERM');
      return (await child.exited).code;
    },
    async kill() {
      if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
      child.proc.kill('SIGKILL');
      await child.exited;
    },
  };
}

/**
 * libfaketime preloaded into the host itself, its clock starting at `at` (UTC) and running on.
 * Not the `faketime` wrapper: it forks, so a SIGTERM or SIGKILL to the wrapper left the host running.
 */
function fakeTimeEnv(at: string): NodeJS.ProcessEnv {
  const offset = Math.round((Date.parse(`${at.replace(' ', 'T')}Z`) - Date.now()) / 1000);
  // `$LIB` is the dynamic linker's own: it finds the library on any architecture, as faketime does.
  return { LD_PRELOAD: '/usr/$LIB/faketime/libfaketime.so.1', FAKETIME: `${offset >= 0 ? '+' : ''}${offset}`, TZ: 'UTC' };
}
