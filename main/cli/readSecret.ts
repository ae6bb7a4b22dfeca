// Reads a secret for `lull secret set` from stdin: from a pipe, its first line (what
// `printf '%s\n' "$PASSWORD" |` or `pass show x |` sends); at a terminal, typed after a prompt on
// stderr with echo off. The secret never goes to stdout, a log or an error.
import type { ReadStream } from 'node:tty';

const MAX_BYTES = 64 * 1024;

export type SecretInput = NodeJS.ReadableStream & Partial<Pick<ReadStream, 'isTTY' | 'setRawMode'>>;

/** The first line of `input` (without its line ending), or null when it ends before any was given; `cancelled` on Ctrl-C at a terminal. */
export function readSecret(input: SecretInput, prompt: (text: string) => void, promptText: string): Promise<string | 'cancelled'> {
  return input.isTTY && input.setRawMode ? fromTerminal(input, prompt, promptText) : firstLine(input);
}

function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (): void => {
      input.off('data', onData);
      input.off('end', done);
      input.off('error', reject);
      input.pause();
      resolve(text.split('\n')[0]!.replace(/\r$/, ''));
    };
    const onData = (chunk: Buffer | string): void => {
      text += chunk.toString();
      // A line is enough; more than 64 KiB without one is not a password (the schema says why).
      if (text.includes('\n') || text.length > MAX_BYTES) done();
    };
    input.on('data', onData);
    input.on('end', done);
    input.on('error', reject);
    input.resume();
  });
}

function fromTerminal(input: SecretInput, prompt: (text: string) => void, promptText: string): Promise<string | 'cancelled'> {
  prompt(promptText);
  input.setRawMode!(true);
  return new Promise((resolve) => {
    let typed = '';
    const finish = (value: string | 'cancelled'): void => {
      input.off('data', onData);
      input.setRawMode!(false);
      input.pause();
      prompt('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(typed);
        if (ch === '\u0003') return finish('cancelled');
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    input.on('data', onData);
    input.resume();
  });
}
