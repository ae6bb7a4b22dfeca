// The local HTTP API in the desktop app (PRODUCT.md §4): the same server as lull-host, without
// the dashboard (the app has its windows). api.json is written once it listens, so `lull` finds it;
// a port in use is logged and Lull runs on without its inbox.
import { randomBytes } from 'node:crypto';
import type { Lull } from '../service/lull.ts';
import { removeApiFile, writeApiFile } from '../service/apiFile.ts';
import { createApiServer } from '../sources/http/server.ts';
import { logger } from '../log.ts';

const log = logger('app-api');

export async function startShellApi(lull: Lull): Promise<() => Promise<void>> {
  const token = randomBytes(32).toString('base64url');
  const server = await createApiServer({ lull, staticDir: null, token });
  try {
    const port = await server.listen(lull.settings.get().api.port);
    writeApiFile(lull.dataDir, { port, token });
    log.info({ port }, 'HTTP API listening');
  } catch (error) {
    log.warn({ err: error instanceof Error ? error.message : String(error) }, 'the HTTP API could not listen; the inbox and the lull command are off');
    await server.close();
    return async () => {};
  }
  return async () => {
    removeApiFile(lull.dataDir, token);
    await server.close();
  };
}
