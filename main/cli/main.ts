// `lull`: parses the command line, runs one command against the local API, and exits with
// 0 done, 1 refused by Lull, 2 usage, 3 Lull is not running (PRODUCT.md §5).
import { defaultDataDir } from '../service/dataDir.ts';
import { CliExit, connect, type ApiClient } from './client.ts';
import { commands } from './commands.ts';

const HELP = `usage: lull <command> [options]

  ${Object.values(commands).map((c) => c.usage.replace(/\n/g, '\n  ')).join('\n  ')}

Run \`lull <command> --help\` for one command. Lull's data dir (api.json) is $LULL_HOME, or
${defaultDataDir({})} by default.
Exit codes: 0 done, 1 refused by Lull, 2 usage, 3 Lull is not running.`;

export async function main(argv: string[], out = (t: string) => console.log(t), err = (t: string) => console.error(t)): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? err : out)(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    err(`lull: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    out(`usage: ${command.usage}`);
    return 0;
  }
  let client: ApiClient | null = null;
  const api = (): ApiClient => (client ??= connect(defaultDataDir()));
  try {
    await command.run(args, api, out, err);
    return 0;
  } catch (error) {
    if (error instanceof CliExit) {
      err(`lull: ${error.message}`);
      return error.exitCode;
    }
    err(`lull: ${(error as Error).message}`);
    return 1;
  }
}
