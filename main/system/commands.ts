// Runs the command-line tools Lull drives on the desktop (dunstctl, makoctl, gsettings …): no
// shell, a time limit, the environment Lull was started with. A runner never throws for a
// non-zero exit; it reports it, and callers decide what a failure means.
import { execFile } from 'node:child_process';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one command line; never throws for a non-zero exit, only reports it. */
export type CommandRunner = (command: string, args: readonly string[]) => Promise<CommandResult>;

const TIMEOUT_MS = 5_000;

/** The real runner: execFile with a timeout and no shell, in the environment given (the session bus address). */
export function execRunner(env: Readonly<Record<string, string | undefined>>): CommandRunner {
  return (command, args) =>
    new Promise((resolve) => {
      execFile(command, [...args], { env, timeout: TIMEOUT_MS, maxBuffer: 1 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
        resolve({ code, stdout, stderr });
      });
    });
}
