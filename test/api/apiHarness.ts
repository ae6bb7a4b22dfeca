// A real API server on a loopback port over a real SQLite file in a temp dir, in this process,
// and a raw HTTP client that can send any Host, Origin, content type or byte string.
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../main/core/ports.ts';
import { SCHEDULE_ALWAYS, type SettingsInput } from '../../main/core/settings.ts';
import { openLull, type Lull } from '../../main/service/lull.ts';
import { openConfSettings } from '../../main/store/confSettings.ts';
import { createApiServer, type ApiServer } from '../../main/api/server.ts';
import type { SourceDefinition } from '../../main/sources/source.ts';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any shape
}

export interface Api {
  lull: Lull;
  server: ApiServer;
  port: number;
  token: string;
  dir: string;
  /** JSON request with the bearer token unless `headers` says otherwise. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<RawResponse>;
  raw(method: string, path: string, opts?: { headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse>;
  close(): Promise<void>;
}

export async function openApi(settings: SettingsInput = {}, opts: { staticDir?: string | null; clock?: Clock; doors?: readonly SourceDefinition[]; /** Reopen this data dir (a restart). */ dataDir?: string } = {}): Promise<Api> {
  const dir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'lull-api-'));
  // Settings go on disk first, so the engine starts with them (no default schedule block; a
  // settings file that exists has chosen when scheduled blocks hold).
  const patched = openConfSettings(dir).patch({ schedule: [], scheduleFrom: SCHEDULE_ALWAYS, ...settings });
  if (!patched.ok) throw new Error(`bad test settings: ${JSON.stringify(patched.issues)}`);
  const lull = openLull({ dataDir: dir, openSettings: openConfSettings, clock: opts.clock, doors: opts.doors });
  const server = await createApiServer({ lull, staticDir: opts.staticDir ?? null, token: 'test-token-0123456789abcdef', ...(opts.clock && { now: () => opts.clock!.now() }) });
  const port = await server.listen(0);
  const raw: Api['raw'] = (method, path, opts = {}) =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...opts.headers }, setHost: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      });
      req.on('error', reject);
      req.end(opts.body);
    });
  return {
    lull,
    server,
    port,
    token: 'test-token-0123456789abcdef',
    dir,
    raw,
    call: (method, path, body, headers) =>
      raw(method, path, {
        headers: { authorization: 'Bearer test-token-0123456789abcdef', ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    async close() {
      await server.close();
      await lull.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
