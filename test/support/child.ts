// Runs a TypeScript file in a child Node (the same Node 24 as the tests) and collects its lines.
import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  proc: ChildProcess;
  lines: string[];
  /** Resolves when a line satisfying `match` has been printed. */
  waitFor(match: (line: string) => boolean): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

export function runChild(file: string, args: string[], env: NodeJS.ProcessEnv = process.env, input?: string): Child {
  return runCommand(process.execPath, [file, ...args], env, undefined, input);
}

/** Any command, with its lines collected the same way; `input`, when given, is its stdin (a pipe, then closed). */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd?: string, input?: string): Child {
  const proc = spawn(command, args, { env, cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (input !== undefined) proc.stdin!.on('error', () => {}).end(input);
  const lines: string[] = [];
  const waiters: { match: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  let rest = '';
  let err = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters]) {
        if (!w.match(line)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    proc,
    lines,
    exited,
    stderr: () => err,
    waitFor(match) {
      const found = lines.find(match);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`child exited (${code ?? signal}) before the line came: ${err.slice(-2000)}`)));
      });
    },
  };
}
