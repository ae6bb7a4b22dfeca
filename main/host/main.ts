// `lull-host [--port N] [--no-open]`: runs the host until SIGTERM or SIGINT, prints one ready
// line with the dashboard's login link, and logs to <data dir>/logs/host.log, not the terminal.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { roles, type Role } from '../core/settings.ts';
import { configureLogging, logger } from '../log.ts';
import { watchSystemClock } from '../service/clockWatch.ts';
import { defaultDataDir } from '../service/dataDir.ts';
import { AlreadyRunning } from '../store/instanceLock.ts';
import { everySource } from '../sources/index.ts';
import { everyOutput } from '../delivery/index.ts';
import { hostDigests } from './desktop.ts';
import { startHost, type Host } from './host.ts';

const USAGE = `usage: lull-host [--port N] [--no-open] [--role NAME]

Runs Lull without Electron: the engine, the store, the sources and the local API, with the
dashboard on the same loopback port behind a one-time login link.

  --port N     listen on port N (0 = any free port); default: the api.port setting (47615)
  --no-open    do not open the dashboard in a browser
  --role NAME  ${roles.join(', ')}: pre-fills blocks and batch times, and scheduled
               blocks hold from now (one running now included); without it, a first start
               holds nothing by schedule until you choose in the dashboard
  -h, --help   show this help

The data dir is $LULL_HOME, or ${defaultDataDir({})} by default.`;

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => {}); // no browser: the printed link is enough
  child.unref();
}

/** What holds by schedule, in one line: the role chosen with --role, or that nothing does yet; null when neither. */
async function scheduleLine(host: Host, role: Role | undefined): Promise<string | null> {
  const consent = await host.lull.operations['schedule:consent'](undefined);
  if (consent.from === null) {
    return `Scheduled focus blocks are not on yet: choose when they start in the dashboard, or start with --role ${roles.join('|')}.`;
  }
  if (!role) return null;
  const { schedule, batchTimes } = host.lull.settings.get();
  const blocks = schedule.map((r) => `${r.start}–${r.end}`).join(', ') || 'none';
  const when = consent.current ? `from now (one runs until ${consent.current.end.slice(11, 16)})` : consent.next ? `from ${consent.next.start.slice(0, 16).replace('T', ' ')}` : 'from now';
  return `Role ${role}: focus blocks ${blocks} on ${weekdaysOf(schedule)}, batches at ${batchTimes.join(', ')}; scheduled blocks hold ${when}.`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const weekdaysOf = (schedule: readonly { weekdays: readonly number[] }[]): string =>
  [...new Set(schedule.flatMap((r) => r.weekdays))].sort().map((d) => WEEKDAYS[d - 1]).join(' ') || 'no days';

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { port: { type: 'string' }, 'no-open': { type: 'boolean' }, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (error) {
    console.error(`lull-host: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) return (console.log(USAGE), 0);
  const port = args.port === undefined ? undefined : Number(args.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    console.error(`lull-host: --port must be a whole number from 0 to 65535\n\n${USAGE}`);
    return 2;
  }
  const role = args.role as Role | undefined;
  if (role !== undefined && !roles.includes(role)) {
    console.error(`lull-host: --role must be one of ${roles.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const dataDir = defaultDataDir();
  mkdirSync(join(dataDir, 'logs'), { recursive: true, mode: 0o700 });
  configureLogging(pino.destination({ dest: join(dataDir, 'logs', 'host.log'), mkdir: true, sync: false }));
  const log = logger('host');
  let host;
  try {
    host = await startHost({ dataDir, port, doors: everySource, outputs: [...everyOutput, ...hostDigests(process.env)], env: process.env, role });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (error instanceof AlreadyRunning) console.error(`lull-host: ${error.message}`);
    else if (e.code === 'EADDRINUSE') console.error(`lull-host: port ${port ?? 'from settings'} is in use; pass --port 0 for any free port`);
    else console.error(`lull-host: could not start: ${e.message}`);
    return 1;
  }
  const link = host.server.loginUrl();
  console.log(`Lull is running on http://127.0.0.1:${host.port} — open the dashboard: ${link}`);
  const schedule = await scheduleLine(host, role);
  if (schedule) console.log(schedule);
  log.info({ port: host.port }, 'host ready');
  if (!args['no-open']) openBrowser(link);
  // After suspend, a clock change or a time-zone change, missed batches are released once.
  const stopClockWatch = watchSystemClock(host.lull);
  return new Promise<number>((resolve) => {
    const stop = (signal: string): void => {
      log.info({ signal }, 'stopping');
      process.removeAllListeners('SIGTERM');
      process.removeAllListeners('SIGINT');
      stopClockWatch();
      host.stop().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
