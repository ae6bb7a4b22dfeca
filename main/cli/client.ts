// The CLI's way to Lull: api.json from the data dir, then the contract's typed HTTP client
// (preload/httpClient.ts, the one the dashboard uses) with the bearer token. Failures become
// the exit codes of PRODUCT.md §5: 1 refused by Lull, 3 Lull is not running.
import { readApiFile } from '../service/apiFile.ts';
import type { ApiErrorBody } from '../../preload/contract.ts';
import { createHttpClient, type HttpClient } from '../../preload/httpClient.ts';

export class CliExit extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message: string) {
    super(message);
    this.exitCode = exitCode;
  }
}

export type ApiClient = HttpClient;

const TIMEOUT_MS = 10_000;

/** A refusal as the CLI prints it: Lull's message, then each refused field on its own line. */
export function refusal(error: ApiErrorBody): CliExit {
  return new CliExit(1, `${error.message}${error.fields?.map((f) => `\n  ${f.field}: ${f.message}`).join('') ?? ''}`);
}

export function connect(dataDir: string): ApiClient {
  const info = readApiFile(dataDir);
  const notRunning = (): CliExit => new CliExit(3, `Lull is not running (no API at ${dataDir}); start it with \`npm start\` or \`lull-host\``);
  if (!info) throw notRunning();
  return createHttpClient({
    baseUrl: `http://127.0.0.1:${info.port}`,
    headers: { authorization: `Bearer ${info.token}` },
    timeoutMs: TIMEOUT_MS,
    failure: (error) => (error.code === 'unreachable' ? notRunning() : refusal(error)),
  });
}
