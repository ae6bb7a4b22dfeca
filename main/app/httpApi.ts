// The local HTTP API in the desktop app (PRODUCT.md §4): the same server as lull-host, without
// the dashboard (the app has its windows). A port in use is logged and Lull runs on without its inbox.
import type { Lull } from '../service/lull.ts';
import { serveApi } from '../api/serve.ts';
import { logger } from '../log.ts';

const log = logger('app-api');

export async function startShellApi(lull: Lull): Promise<() => Promise<void>> {
  try {
    const api = await serveApi(lull, { port: lull.settings.get().api.port, staticDir: null });
    log.info({ port: api.port }, 'HTTP API listening');
    return api.close;
  } catch (error) {
    log.warn({ err: error instanceof Error ? error.message : String(error) }, 'the HTTP API could not listen; the inbox and the lull command are off');
    return async () => {};
  }
}
