// What the tests that run a real daemon share: a free loopback port, waiting for a condition,
// handing a temp dir to nobody (daemons run unprivileged, as packaged ones do), and a process's exit.
import type { ChildProcess } from 'node:child_process';
import { chownSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const NOBODY = 65534;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Hands the dir and everything in it to nobody: mkdtemp makes it 0700 root, which nobody cannot enter. */
export function giveToNobody(path: string): void {
  chownSync(path, NOBODY, NOBODY);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) giveToNobody(child);
    else chownSync(child, NOBODY, NOBODY);
  }
}

/** Asks `probe` every 50 ms until it answers something, or fails after the deadline. */
export async function pollUntil<T>(what: string, deadlineMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function exited(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => proc.once('exit', () => resolve()));
}
