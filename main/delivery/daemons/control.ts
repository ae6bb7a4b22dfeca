// What Lull needs from a notification daemon to hold the desktop's banners during a block:
// find out whether it is there, read its do-not-disturb state, pause it, and put that state back.
// Every daemon is driven through its own command-line control (daemons.ts lists them), run by an
// injectable runner; this file turns one entry of that table into a DaemonControl.
import type { CommandRunner } from '../../system/commands.ts';
import { DAEMONS, type Ctl, type DaemonName, type PriorState } from './daemons.ts';

export type { DaemonName, PriorState } from './daemons.ts';
export { priorStateSchema } from './daemons.ts';

export interface DaemonControl {
  readonly name: DaemonName;
  /** True when the control answers (its command exists and reaches the daemon). */
  detect(): Promise<boolean>;
  readState(): Promise<PriorState>;
  /** Holds banners; what arrives meanwhile is kept by the daemon (dunst, mako) or its tray. */
  pause(): Promise<void>;
  /** Puts back exactly what Lull changed, leaving the rest of the daemon's state alone. */
  restore(prior: PriorState): Promise<void>;
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

/** The command-line tool that controls `daemon` (named in the health line when it does not answer). */
export const controlCommand = (daemon: DaemonName): string => DAEMONS[daemon].command;

function ctlFor(command: string, run: CommandRunner): Ctl {
  const checked = async (args: readonly string[]): Promise<string> => {
    const result = await run(command, args);
    if (result.code !== 0) {
      const why = result.stderr.trim().split('\n')[0]?.slice(0, 200) ?? '';
      throw new DaemonControlError(`${command} ${args.join(' ')} failed (exit ${result.code})${why ? `: ${why}` : ''}`);
    }
    return result.stdout;
  };
  return {
    run: checked,
    async bool(args) {
      const word = (await checked(args)).trim().toLowerCase();
      if (word === 'true') return true;
      if (word === 'false') return false;
      throw new DaemonControlError(`${command} printed neither true nor false`);
    },
  };
}

// The `as PriorState` below: TypeScript cannot tie DAEMONS[name]'s state to `name` (a correlated
// union); the state was just parsed by that daemon's own schema, so the pair is right by construction.
export function controlFor(name: DaemonName, run: CommandRunner): DaemonControl {
  const spec = DAEMONS[name];
  const ctl = ctlFor(spec.command, run);
  return {
    name,
    tellsSettled: spec.settled !== undefined,
    // Commands that only answer when their daemon runs: a failed run means "not this daemon".
    detect: async () => (await run(spec.command, spec.probe)).code === 0,
    readState: async () => ({ daemon: name, ...spec.state.parse(await spec.read(ctl)) }) as PriorState,
    pause: () => spec.pause(ctl),
    async restore(prior) {
      if (prior.daemon !== name) return;
      await spec.restoreRecord(ctl, prior);
    },
    settled: () => spec.settled?.(ctl) ?? Promise.resolve(true),
  };
}

/** The daemon a GetServerInformation name stands for, or null for one Lull cannot hold. */
export function daemonForServer(serverName: string): DaemonName | null {
  const wanted = serverName.trim().toLowerCase();
  return (Object.keys(DAEMONS) as DaemonName[]).find((name) => DAEMONS[name].serverNames.includes(wanted)) ?? null;
}

export type Detection =
  | { kind: 'control'; control: DaemonControl }
  /** A daemon Lull knows, whose control did not answer (not installed, or another bus). */
  | { kind: 'control-missing'; daemon: DaemonName }
  | { kind: 'unknown'; serverName: string };

/** Detects the control for a running daemon; `serverName` comes from GetServerInformation. */
export async function detectControl(serverName: string, run: CommandRunner): Promise<Detection> {
  const daemon = daemonForServer(serverName);
  if (!daemon) return { kind: 'unknown', serverName };
  const control = controlFor(daemon, run);
  return (await control.detect()) ? { kind: 'control', control } : { kind: 'control-missing', daemon };
}

/** The state a daemon is in when nobody has silenced it: what Lull restores if its record is unreadable. */
export const unsilenced = (daemon: DaemonName): PriorState => ({ daemon, ...DAEMONS[daemon].unsilenced }) as PriorState;
