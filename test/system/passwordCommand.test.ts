// The passwordCommand runner with real processes: the first line printed is the password (spaces
// kept), and every failure is an error that names the program and the cause — never what the
// command printed on stderr, never its arguments, never the password.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PasswordCommandError, runPasswordCommand } from '../../main/system/passwordCommand.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();
const env = { PATH: process.env.PATH };
const run = (argv: string[], timeoutMs?: number) => runPasswordCommand(argv, { env, timeoutMs });
const failure = (argv: string[], timeoutMs?: number) =>
  run(argv, timeoutMs).then(
    (p) => {
      throw new Error(`expected a failure, got a password of ${p.length} characters`);
    },
    (e: unknown) => e as Error,
  );

describe('runPasswordCommand', () => {
  it('answers the first line, spaces and all, without its line ending', async () => {
    expect(await run(['printf', '%s\\n', '  pass with spaces  '])).toBe('  pass with spaces  ');
    expect(await run(['printf', 'first line\\r\\nsecond\\nthird\\n'])).toBe('first line');
    expect(await run(['printf', 'no newline at all'])).toBe('no newline at all');
    // No shell: what looks like shell syntax is an argument like any other.
    expect(await run(['printf', '%s', '$HOME; echo x | cat'])).toBe('$HOME; echo x | cat');
  });

  it('a failing command: its exit code, never what it printed on stderr', async () => {
    const error = await failure(['sh', '-c', 'echo "secret hint hunter2" >&2; exit 3']);
    expect(error).toBeInstanceOf(PasswordCommandError);
    expect(error.message).toBe('passwordCommand "sh" failed (exit code 3)');
    expect(error.message).not.toContain('hunter2');
  });

  it('a command that prints a password and then fails is still a failure, and the password is not in the error', async () => {
    const error = await failure(['sh', '-c', 'echo hunter2; exit 1']);
    expect(error.message).toBe('passwordCommand "sh" failed (exit code 1)');
  });

  it('a slow command is stopped at the time limit', async () => {
    const started = Date.now();
    const error = await failure(['sleep', '10'], 300);
    expect(error.message).toBe('passwordCommand "sleep" did not finish within 300 ms');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a command stopped by a signal says so', async () => {
    const error = await failure(['sh', '-c', 'kill -TERM $$']);
    expect(error.message).toBe('passwordCommand "sh" was stopped by SIGTERM');
  });

  it('a missing or unrunnable program, an empty answer, an empty command', async () => {
    expect((await failure(['lull-no-such-program-xyz', 'hunter2'])).message).toBe('passwordCommand "lull-no-such-program-xyz" was not found');
    const script = join(tempDir(), 'pass.sh');
    writeFileSync(script, '#!/bin/sh\necho hunter2\n');
    chmodSync(script, 0o600);
    expect((await failure([script])).message).toBe(`passwordCommand "${script}" may not be run (permission denied)`);
    expect((await failure(['printf', '\\nsecond line\\n'])).message).toBe('passwordCommand "printf" printed no password');
    expect((await failure(['true'])).message).toBe('passwordCommand "true" printed no password');
    expect((await failure([])).message).toBe('passwordCommand is empty');
  });
});
