// What a launch asks for: nothing (show the dashboard), `--login` (stay in the tray), or a
// `lull` command (`focus start 50`, `focus stop`, `release`, `dashboard`, `review`, `settings`).
// A second launch hands its arguments to the running Lull, which does what they ask.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { FocusRequest } from '../core/types.ts';
import { LIMITS } from '../core/vocabulary.ts';
import type { Commands } from '../service/commands.ts';
import { LOGIN_FLAG } from './loginItem.ts';

const { min, max } = LIMITS.focusMinutes;

export type LaunchCommand =
  | { kind: 'show' }
  | { kind: 'background' }
  | { kind: 'focus'; request: FocusRequest }
  | { kind: 'stop' }
  | { kind: 'release' }
  | { kind: 'open'; window: 'dashboard' | 'review'; route?: string }
  | { kind: 'invalid'; message: string };

/** What a second instance sends along (`requestSingleInstanceLock(additionalData)`); checked on arrival. */
export const forwardedSchema = z.object({ args: z.array(z.string().max(256)).max(32) });

export function parseLaunchArgs(args: readonly string[]): LaunchCommand {
  // Chromium adds its own switches; only Lull's are read, the rest are ignored.
  const { values, positionals } = parseArgs({
    args: [...args],
    strict: false,
    allowPositionals: true,
    options: { 'until-next-batch': { type: 'boolean' }, login: { type: 'boolean' } },
  });
  const [command, sub, arg] = positionals;
  if (command === undefined) return values.login === true || args.includes(LOGIN_FLAG) ? { kind: 'background' } : { kind: 'show' };
  switch (command) {
    case 'focus':
      if (sub === 'stop') return { kind: 'stop' };
      if (sub !== 'start') return { kind: 'invalid', message: 'usage: lull focus start [MINUTES | --until-next-batch] | lull focus stop' };
      if (values['until-next-batch'] === true) return { kind: 'focus', request: { until: 'next-batch' } };
      if (arg === undefined) return { kind: 'focus', request: { minutes: 50 } };
      if (!/^\d+$/.test(arg) || Number(arg) < min || Number(arg) > max) return { kind: 'invalid', message: `minutes must be a whole number from ${min} to ${max}` };
      return { kind: 'focus', request: { minutes: Number(arg) } };
    case 'release':
      return { kind: 'release' };
    case 'dashboard':
      return { kind: 'open', window: 'dashboard' };
    case 'settings':
      return { kind: 'open', window: 'dashboard', route: '/settings' };
    case 'report':
      return { kind: 'open', window: 'dashboard', route: '/report' };
    case 'review':
      return { kind: 'open', window: 'review' };
    default:
      return { kind: 'invalid', message: `unknown command: ${command.slice(0, 40)}` };
  }
}

/** The service's commands (commandsOf), and opening a window. */
export interface LaunchTargets {
  startFocus: Commands['startFocus'] | ((request: FocusRequest) => unknown);
  endFocus(): unknown;
  releaseNow(): unknown;
  open(window: 'dashboard' | 'review', route?: string): void;
}

/** What a second instance forwarded: its command, or just "show" when the data is not what Lull sends. */
export function forwardedCommand(data: unknown): LaunchCommand {
  const forwarded = forwardedSchema.safeParse(data);
  return forwarded.success ? parseLaunchArgs(forwarded.data.args) : { kind: 'show' };
}

/** Does what the launch asked; an invalid or refused command shows the dashboard instead. */
export async function runLaunchCommand(command: LaunchCommand, targets: LaunchTargets): Promise<void> {
  try {
    await runCommand(command, targets);
  } catch {
    targets.open('dashboard');
  }
}

async function runCommand(command: LaunchCommand, targets: LaunchTargets): Promise<void> {
  switch (command.kind) {
    case 'background':
      return;
    case 'focus':
      await targets.startFocus(command.request);
      return;
    case 'stop':
      await targets.endFocus();
      return;
    case 'release':
      await targets.releaseNow();
      return;
    case 'open':
      targets.open(command.window, command.route);
      return;
    case 'show':
    case 'invalid':
      targets.open('dashboard');
  }
}
