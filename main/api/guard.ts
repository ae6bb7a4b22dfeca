// The request guard of PRODUCT.md §4, in order: the Host header must name this loopback port
// (403, also when empty: DNS rebinding), an Origin must be the dashboard's own (403), and the
// caller must hold the token or a session (401) unless the route is public.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Auth } from './auth.ts';
import { SESSION_COOKIE, SIGN_IN_PATH } from './auth.ts';
import { ApiFailure } from './failure.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, for rate limiting; null on public routes without credentials. */
    principal: string | null;
  }
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

/** The routes a browser without a session needs: the dashboard's files, the login link and the sign-in. */
const isPublic = (req: FastifyRequest): boolean => {
  const path = req.url.split('?')[0] ?? '';
  return path === '/login' || (req.method === 'POST' && path === SIGN_IN_PATH) || (req.method === 'GET' && !path.startsWith('/v1/'));
};

export function installGuard(app: FastifyInstance, auth: Auth, port: () => number): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    const host = req.headers.host ?? '';
    const hosts = allowedHosts(port());
    if (!hosts.includes(host.toLowerCase())) throw new ApiFailure(403, 'forbidden-host', 'the Host header must name this loopback address and port');
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
      throw new ApiFailure(403, 'forbidden-origin', 'requests from other origins are refused');
    }
    req.principal = auth.identify(req.headers.authorization, req.cookies?.[SESSION_COOKIE]);
    if (req.principal === null && !isPublic(req)) throw new ApiFailure(401, 'unauthorized', 'sign in: send Authorization: Bearer <token> from api.json, or sign in on the dashboard');
  });
}
