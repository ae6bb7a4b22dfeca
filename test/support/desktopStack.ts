// A private desktop for one test file: Xvfb on a free display, a dbus-daemon session bus of its
// own (session.conf's limits, no service activation: nothing but what the test starts owns a
// name) and real dunst.
// Every process is ended by its pid in stop(); the temp dir goes with them.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const READY_MS = 10_000;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface DesktopStack {
  dir: string;
  display: string;
  /** Without the guid, so a restarted bus keeps the same address. */
  busAddress: string;
  /** process.env with this desktop's DISPLAY and bus. */
  env: NodeJS.ProcessEnv;
  run(command: string, args: readonly string[], timeoutMs?: number): Promise<RunResult>;
  /** dunstctl's trimmed output; throws when it fails. */
  dunstctl(...args: string[]): Promise<string>;
  notifySend(...args: string[]): Promise<RunResult>;
  dunstPid(): number | null;
  startDunst(): Promise<void>;
  stopDunst(): Promise<void>;
  startBus(): Promise<void>;
  stopBus(): Promise<void>;
  stop(): Promise<void>;
}

function endProcess(proc: ChildProcess | null): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => proc.kill('SIGKILL'), 3_000);
    proc.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

function readLine(stream: NodeJS.ReadableStream | null | undefined, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start`)), READY_MS);
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      out += chunk;
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      resolve(out.slice(0, out.indexOf('\n')).trim());
    });
  });
}

const busConfig = (socket: string): string => `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
  <!-- The limits of Debian's session.conf, so floods meet the bus a real desktop has. -->
  <limit name="max_incoming_bytes">1000000000</limit>
  <limit name="max_outgoing_bytes">1000000000</limit>
  <limit name="max_message_size">1000000000</limit>
  <limit name="max_replies_per_connection">50000</limit>
  <limit name="max_match_rules_per_connection">50000</limit>
</busconfig>
`;

export async function startDesktopStack(opts: { dunst?: boolean } = {}): Promise<DesktopStack> {
  const dir = mkdtempSync(join(tmpdir(), 'lull-desktop-'));
  const socket = join(dir, 'bus');
  writeFileSync(join(dir, 'bus.conf'), busConfig(socket));
  let xvfb: ChildProcess | null = null;
  let bus: ChildProcess | null = null;
  let dunst: ChildProcess | null = null;
  const busAddress = `unix:path=${socket}`;
  let env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: busAddress, XDG_CONFIG_HOME: join(dir, 'config'), NO_AT_BRIDGE: '1' };

  const run = (command: string, args: readonly string[], timeoutMs = 10_000): Promise<RunResult> =>
    new Promise((resolve) => {
      execFile(command, [...args], { env, timeout: timeoutMs, encoding: 'utf8', maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 124) : 0, stdout, stderr });
      });
    });
  const dunstctl = async (...args: string[]): Promise<string> => {
    const r = await run('dunstctl', args);
    if (r.code !== 0) throw new Error(`dunstctl ${args.join(' ')} failed: ${r.stderr.trim()}`);
    return r.stdout.trim();
  };

  let display = '';
  const stack: DesktopStack = {
    dir,
    get display() {
      return display;
    },
    busAddress,
    get env() {
      return env;
    },
    run,
    dunstctl,
    notifySend: (...args) => run('notify-send', args),
    dunstPid: () => dunst?.pid ?? null,
    async startBus() {
      rmSync(socket, { force: true });
      bus = spawn('dbus-daemon', ['--config-file', join(dir, 'bus.conf'), '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
      await readLine(bus.stdout, 'dbus-daemon');
    },
    stopBus: async () => {
      await endProcess(bus);
      bus = null;
    },
    async startDunst() {
      dunst = spawn('dunst', [], { env, stdio: 'ignore' });
      const until = Date.now() + READY_MS;
      while ((await run('dunstctl', ['is-paused'])).code !== 0) {
        if (Date.now() > until || dunst.exitCode !== null) throw new Error('dunst did not start');
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stopDunst: async () => {
      await endProcess(dunst);
      dunst = null;
    },
    async stop() {
      await endProcess(dunst);
      await endProcess(bus);
      await endProcess(xvfb);
      dunst = bus = xvfb = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };

  try {
    xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '800x600x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    display = `:${await readLine(xvfb.stdio[3] as NodeJS.ReadableStream, 'Xvfb')}`;
    env = { ...env, DISPLAY: display };
    await stack.startBus();
    if (opts.dunst !== false) await stack.startDunst();
    return stack;
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
