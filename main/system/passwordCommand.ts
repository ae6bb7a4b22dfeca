// Runs an account's `passwordCommand` (PRODUCT.md §3.4, §6): an argv array, no shell, a time
// limit; the first line it prints is the password, as mbsync's PassCmd reads it. What it prints on
// stderr, and the password, never reach a log or an error: errors name the program and the cause.
import { execFile } from 'node:child_process';

export const PASSWORD_COMMAND_TIMEOUT_MS = 15_000;

export class PasswordCommandError extends Error {
  override readonly name = 'PasswordCommandError';
}

export interface PasswordCommandOptions {
  env: Readonly<Record<string, string | undefined>>;
  timeoutMs?: number;
}

/** The password `argv` prints (its first line, without the line ending; spaces kept). */
export function runPasswordCommand(argv: readonly string[], opts: PasswordCommandOptions): Promise<string> {
  const [program, ...args] = argv;
  const timeoutMs = opts.timeoutMs ?? PASSWORD_COMMAND_TIMEOUT_MS;
  if (!program) return Promise.reject(new PasswordCommandError('passwordCommand is empty'));
  const named = `passwordCommand "${program}"`;
  return new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      { env: opts.env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024, encoding: 'utf8', windowsHide: true },
      (error, stdout) => {
        if (error) {
          const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
          if (e.code === 'ENOENT') return reject(new PasswordCommandError(`${named} was not found`));
          if (e.code === 'EACCES') return reject(new PasswordCommandError(`${named} may not be run (permission denied)`));
          // `killed`: Lull stopped it at the time limit; a signal alone: something else did.
          if (e.killed) return reject(new PasswordCommandError(`${named} did not finish within ${timeoutMs % 1000 === 0 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`}`));
          if (e.signal) return reject(new PasswordCommandError(`${named} was stopped by ${e.signal}`));
          if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return reject(new PasswordCommandError(`${named} printed more than 64 KiB`));
          return reject(new PasswordCommandError(`${named} failed (exit code ${typeof e.code === 'number' ? e.code : 'unknown'})`));
        }
        const password = (stdout.split('\n')[0] ?? '').replace(/\r$/, '');
        if (password === '') return reject(new PasswordCommandError(`${named} printed no password`));
        resolve(password);
      },
    );
  });
}
