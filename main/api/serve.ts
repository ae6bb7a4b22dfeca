// The local HTTP API as the app and the host run it: the server on 127.0.0.1, and api.json
// written only once it listens (so `lull` never finds a port nobody answers on), removed on close.
import type { Lull } from '../service/lull.ts';
import { removeApiFile, writeApiFile } from '../service/apiFile.ts';
import { createApiServer, type ApiServer } from './server.ts';

export interface ServedApi {
  server: ApiServer;
  port: number;
  token: string;
  /** Removes api.json (when it is still ours), then lets requests in flight finish. */
  close(): Promise<void>;
}

/** Listens on `port` (0 = any free port) with a fresh token; on failure nothing is left listening or written. */
export async function serveApi(lull: Lull, opts: { port: number; staticDir: string | null }): Promise<ServedApi> {
  const server = await createApiServer({ lull, staticDir: opts.staticDir });
  const { token } = server.auth;
  let port: number;
  try {
    port = await server.listen(opts.port);
    writeApiFile(lull.dataDir, { port, token });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    port,
    token,
    async close() {
      removeApiFile(lull.dataDir, token);
      await server.close();
    },
  };
}
