// The local HTTP API (PRODUCT.md §4) on fastify, bound to 127.0.0.1 only: guard (Host, Origin,
// token or session), JSON-only bodies up to 64 KiB, a per-token flood guard, the inbox, the
// dashboard's operations, server-sent events, and the built dashboard behind a login link.
import fastifyCookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { hostRoutes } from '../../preload/contract.ts';
import type { Lull } from '../service/lull.ts';
import { createAuth, type Auth } from './auth.ts';
import { registerContractRoutes } from './contractRoutes.ts';
import { registerDashboard } from './dashboard.ts';
import { registerDoorRoutes } from './doorRoutes.ts';
import { installErrorHandler } from './errors.ts';
import { registerEvents } from './events.ts';
import { ApiFailure } from './failure.ts';
import { installGuard } from './guard.ts';
import { registerOpenApi } from './openapi.ts';

export const BODY_LIMIT = 64 * 1024;
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

export interface ApiServerOptions {
  lull: Lull;
  /** The built dashboard (out/renderer), or null when there is none to serve. */
  staticDir: string | null;
  /** The bearer token; a fresh random one when omitted. */
  token?: string;
  /** When sessions expire is measured on this (tests inject a clock). */
  now?: () => number;
}

export interface ApiServer {
  app: FastifyInstance;
  auth: Auth;
  /** Listens on 127.0.0.1:port (0 = any free port) and returns the port. */
  listen(port: number): Promise<number>;
  /** A one-time link that logs a browser in to the dashboard. */
  loginUrl(): string;
  close(): Promise<void>;
}

export async function createApiServer(opts: ApiServerOptions): Promise<ApiServer> {
  const { lull } = opts;
  const auth = createAuth(opts.token, opts.now, lull.tokens);
  let port = 0;
  const app = Fastify({ bodyLimit: BODY_LIMIT, logger: false, forceCloseConnections: 'idle', return503OnClosing: true });
  // JSON only: drop the built-in text/plain parser, so anything but application/json is a 415.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);
  await app.register(fastifyCookie);
  installGuard(app, auth, () => port);
  const limit = (): number => lull.engine.getSettings().api.rateLimitPerMinute;
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: 60_000,
    max: () => limit() || NO_LIMIT,
    keyGenerator: (req) => req.principal ?? 'anonymous',
    errorResponseBuilder: (_req, ctx) => new ApiFailure(429, 'rate-limited', `more than ${ctx.max} requests a minute; retry after ${ctx.after}`),
  });
  await registerDoorRoutes(app, lull.doors.routes);
  registerContractRoutes(app, lull.operations);
  registerEvents(app, lull);
  registerOpenApi(app, lull.doors.routes);
  app.route({ method: hostRoutes.loginLink.method, url: hostRoutes.loginLink.path, handler: async () => ({ url: loginUrl() }) });
  await registerDashboard(app, auth, opts.staticDir);
  const loginUrl = (): string => `http://127.0.0.1:${port}/login?secret=${auth.newLoginSecret()}`;

  return {
    app,
    auth,
    async listen(wanted) {
      await app.listen({ host: '127.0.0.1', port: wanted });
      const address = app.server.address();
      port = typeof address === 'object' && address ? address.port : wanted;
      return port;
    },
    loginUrl,
    close: () => app.close(),
  };
}
