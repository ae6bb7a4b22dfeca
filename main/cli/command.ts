// What every `lull` command is made of: its usage line, its run (a thin call of the local API),
// and the shared ways to refuse a command line (exit 2) and to speak the terminal's language.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { translator } from '../i18n/index.ts';
import type { ApiClient } from './client.ts';
import { CliExit } from './client.ts';
import { terminalWords } from './format.ts';

export interface Command {
  usage: string;
  /** `out` is stdout (what a script reads), `err` stderr (hints for the person at the terminal). */
  run(args: string[], api: () => ApiClient, out: (text: string) => void, err: (text: string) => void): Promise<void>;
}

/** The CLI's own sentences, in the terminal's language. */
export const say = (key: string, values: Record<string, unknown> = {}): string => translator(terminalWords().language, 'cli')(key, values);

export const usage = (text: string): CliExit => new CliExit(2, text);

export function parse<T extends ParseArgsOptionsConfig>(args: string[], options: T, help: string, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    if (parsed.positionals.length > positionals) throw new Error(`unexpected argument: ${parsed.positionals[positionals]}`);
    return parsed;
  } catch (error) {
    throw usage(`${(error as Error).message}\n\n${help}`);
  }
}
