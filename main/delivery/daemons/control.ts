// What Lull needs from a notification daemon to hold the desktop's banners during a block:
// find out whether it is there, read its do-not-disturb state, pause it, and put that state back.
// Every daemon is driven through its own command-line control, run by an injectable runner.
import { execFile } from 'node:child_process';
import { z } from 'zod';

export type DaemonName = 'dunst' | 'mako' | 'swaync' | 'gnome';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one command line; never throws for a non-zero exit, only reports it. */
export type CommandRunner = (command: string, args: readonly string[]) => Promise<CommandResult>;

/** What a daemon was like before Lull paused it, as written to daemon-state.json. */
export const priorStateSchema = z.discriminatedUnion('daemon', [
  z.object({ daemon: z.literal('dunst'), paused: z.boolean() }),
  z.object({ daemon: z.literal('mako'), modes: z.array(z.string().max(256)).max(64) }),
  z.object({ daemon: z.literal('swaync'), dnd: z.boolean() }),
  z.object({ daemon: z.literal('gnome'), showBanners: z.boolean() }),
]);
export type PriorState = z.output<typeof priorStateSchema>;

export interface DaemonControl {
  readonly name: DaemonName;
  /** True when the control answers (its command exists and reaches the daemon). */
  detect(): Promise<boolean>;
  readState(): Promise<PriorState>;
  /** Holds banners; what arrives meanwhile is kept by the daemon (dunst, mako) or its tray. */
  pause(): Promise<void>;
  /** Puts back exactly what Lull changed, leaving the rest of the daemon's state alone. */
  restore(prior: PriorState): Promise<void>;
  /** Whether the daemon shows what it held once unpaused (dunst, mako) or keeps it in a tray. */
  readonly replaysHeld: boolean;
  /** Whether settled() really knows (dunst counts what waits and shows); others answer true. */
  readonly tellsSettled: boolean;
  /** True once nothing is waiting or on screen. */
  settled(): Promise<boolean>;
}

export class DaemonControlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DaemonControlError';
  }
}

const TIMEOUT_MS = 5_000;

/** The real runner: execFile with a timeout and no shell, in the environment given (the session bus address). */
export function execRunner(env: NodeJS.ProcessEnv = process.env): CommandRunner {
  return (command, args) =>
    new Promise((resolve) => {
      execFile(command, [...args], { env, timeout: TIMEOUT_MS, maxBuffer: 1 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
        resolve({ code, stdout, stderr });
      });
    });
}

/** Runs a command that must succeed; the error names the command, never notification text. */
export async function runChecked(run: CommandRunner, command: string, args: readonly string[]): Promise<string> {
  const result = await run(command, args);
  if (result.code !== 0) {
    const why = result.stderr.trim().split('\n')[0]?.slice(0, 200) ?? '';
    throw new DaemonControlError(`${command} ${args.join(' ')} failed (exit ${result.code})${why ? `: ${why}` : ''}`);
  }
  return result.stdout;
}

/** Parses the "true"/"false" a control prints (gsettings, dunstctl, swaync-client). */
export function parseBoolean(command: string, out: string): boolean {
  const word = out.trim().toLowerCase();
  if (word === 'true') return true;
  if (word === 'false') return false;
  throw new DaemonControlError(`${command} printed neither true nor false`);
}

/** Commands that only answer when their daemon runs: a failed run means "not this daemon". */
export async function answers(run: CommandRunner, command: string, args: readonly string[]): Promise<boolean> {
  return (await run(command, args)).code === 0;
}
