// The CLI's way to Lull: api.json from the data dir, then the local API with the bearer token.
// Failures become the exit codes of PRODUCT.md §5: 1 refused by Lull, 3 Lull is not running.
import { readApiFile } from '../service/apiFile.ts';

export class CliExit extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message: string) {
    super(message);
    this.exitCode = exitCode;
  }
}

export interface ApiClient {
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: { field: string; message: string }[] };
}

export function connect(dataDir: string): ApiClient {
  const info = readApiFile(dataDir);
  const notRunning = new CliExit(3, `Lull is not running (no API at ${dataDir}); start it with \`npm start\` or \`lull-host\``);
  if (!info) throw notRunning;
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      let response: Response;
      try {
        response = await fetch(`http://127.0.0.1:${info.port}${path}`, {
          method,
          headers: { authorization: `Bearer ${info.token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        throw notRunning;
      }
      const text = await response.text();
      const json = text ? (JSON.parse(text) as unknown) : undefined;
      if (response.ok) return json as T;
      const err = (json as ErrorBody | undefined)?.error;
      const fields = err?.fields?.map((f) => `\n  ${f.field}: ${f.message}`).join('') ?? '';
      throw new CliExit(1, `${err?.message ?? `Lull answered ${response.status}`}${fields}`);
    },
  };
}
