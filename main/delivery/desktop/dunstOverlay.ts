// How Lull shows a breakthrough while the user's dunst is paused. dunst's pause is all or
// nothing (1.9 has no pause levels; unpausing would show every held notification), so Lull runs
// a second dunst — the user's own binary, config and display — on a private bus of its own and
// shows the breakthrough there. Both processes are tied to Lull through their stdin: if Lull
// dies, even by SIGKILL, they end.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { logger } from '../../log.ts';
import { connectBus, NOTIFICATIONS_INTERFACE, type BusConnection } from '../../system/dbus/connection.ts';
import { ownerOf, sendNotify, type NotifyArgs } from './daemonWatch.ts';

const log = logger('dunst-overlay');
const READY_TIMEOUT_MS = 5_000;
/** Runs "$@" in the background and ends it when stdin closes (Lull exited or let go). */
const TIED = '"$@" & child=$!; read -r _; kill "$child" 2>/dev/null; wait "$child"';
/** What the overlay takes from the environment of the user's dunst: where and how to draw. */
const DISPLAY_ENV = ['DISPLAY', 'WAYLAND_DISPLAY', 'XAUTHORITY', 'XDG_RUNTIME_DIR', 'XDG_CONFIG_HOME', 'XDG_DATA_DIRS', 'HOME', 'LANG', 'LC_ALL', 'PATH'];

const busConfig = (socket: string): string => `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*"/><allow receive_sender="*"/><allow own="*"/></policy>
</busconfig>
`;

interface DunstLaunch {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** The user's dunst as /proc shows it: its binary, its -conf, and its display; the PATH's dunst otherwise. */
export function dunstLaunch(pid: number | null, fallbackEnv: Readonly<Record<string, string | undefined>>): DunstLaunch {
  const env: NodeJS.ProcessEnv = {};
  let command = 'dunst';
  let args: string[] = [];
  let source: Readonly<Record<string, string | undefined>> = fallbackEnv;
  if (pid !== null) {
    try {
      const exe = readlinkSync(`/proc/${pid}/exe`);
      if (basename(exe) === 'dunst') command = exe;
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const conf = argv.findIndex((a) => a === '-conf' || a === '-config');
      if (conf > 0 && argv[conf + 1]) args = ['-conf', argv[conf + 1] as string];
      source = Object.fromEntries(
        readFileSync(`/proc/${pid}/environ`, 'utf8')
          .split('\0')
          .filter(Boolean)
          .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
      );
    } catch {
      // Another user's process, or gone: draw where Lull itself was started.
    }
  }
  for (const key of DISPLAY_ENV) if (source[key] !== undefined) env[key] = source[key];
  env.PATH ??= fallbackEnv.PATH;
  return { command, args, env };
}

function tied(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn('sh', ['-c', TIED, 'lull-overlay', command, ...args], { env, stdio: ['pipe', 'pipe', 'ignore'] });
}

function firstLine(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the overlay bus did not start in time')), READY_TIMEOUT_MS);
    proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      resolve(out.slice(0, nl).trim());
    });
    proc.once('exit', () => reject(new Error('the overlay bus exited at start')));
  });
}

async function waitForOwner(conn: BusConnection): Promise<void> {
  const until = Date.now() + READY_TIMEOUT_MS;
  while (!(await ownerOf(conn, NOTIFICATIONS_INTERFACE))) {
    if (Date.now() > until) throw new Error('the overlay dunst did not start in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export class DunstOverlay {
  private started: Promise<{ conn: BusConnection; address: string }> | null = null;
  private readonly procs: ChildProcess[] = [];
  private dir: string | null = null;
  private readonly launch: () => Promise<DunstLaunch>;

  /** `launch` is asked when the overlay starts, so the user's dunst is looked up only when needed. */
  constructor(launch: () => Promise<DunstLaunch>) {
    this.launch = launch;
  }

  /** The overlay bus's address once it runs (tests and diagnostics). */
  async address(): Promise<string | null> {
    return this.started ? (await this.started.catch(() => null))?.address ?? null : null;
  }

  async show(args: NotifyArgs): Promise<void> {
    this.started ??= this.start();
    try {
      await sendNotify((await this.started).conn, args);
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const started = this.started;
    this.started = null;
    (await started?.catch(() => null))?.conn.close();
    await Promise.all(
      this.procs.splice(0).map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.exitCode !== null || p.signalCode !== null) return resolve();
            p.once('exit', () => resolve());
            p.stdin?.end();
          }),
      ),
    );
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  private async start(): Promise<{ conn: BusConnection; address: string }> {
    const launch = await this.launch();
    const dir = (this.dir = mkdtempSync(join(tmpdir(), 'lull-overlay-')));
    writeFileSync(join(dir, 'bus.conf'), busConfig(join(dir, 'bus')));
    const bus = tied('dbus-daemon', ['--config-file', join(dir, 'bus.conf'), '--nofork', '--print-address=1'], launch.env);
    this.procs.push(bus);
    const address = await firstLine(bus);
    const dunst = tied(launch.command, launch.args, { ...launch.env, DBUS_SESSION_BUS_ADDRESS: address });
    this.procs.push(dunst);
    const conn = await connectBus(address);
    await waitForOwner(conn).catch((error: unknown) => {
      conn.close();
      throw error;
    });
    log.info({ command: basename(launch.command) }, 'breakthrough overlay started');
    return { conn, address };
  }
}
