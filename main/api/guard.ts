// The request guard of PRODUCT.md §4, in order: the Host header must name this loopback port
// (403, also when empty: DNS rebinding), an Origin must be the dashboard's own (403), the caller
// must hold the owner's token, a session or a notify token (401) unless the route is public, and
// a notify token may reach only the routes that take notifications in (403 elsewhere).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../sources/source.ts';
import type { Auth } from './auth.ts';
import { SESSION_COOKIE, SIGN_IN_PATH } from './auth.ts';
import { ApiFailure } from './failure.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The key this caller is rate-limited under; null on public routes without credentials. */
    principal: string | null;
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** A route that takes notifications in: notify-only tokens may call it, sent the ways their tools send them. */
    notify?: boolean;
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

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const BASIC = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i;

/** The secret in an Authorization value: a Bearer token, or (where tools send it so) Basic auth's password, whatever the user. */
function fromAuthorization(value: string, basic: boolean): string | undefined {
  const bearer = BEARER.exec(value)?.[1];
  if (bearer !== undefined || !basic) return bearer;
  const encoded = BASIC.exec(value)?.[1];
  if (encoded === undefined) return undefined;
  const pair = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = pair.indexOf(':');
  return colon < 0 ? undefined : pair.slice(colon + 1);
}

const first = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);

/**
 * The token a request carries. Every route takes `Authorization: Bearer`; a route that takes
 * notifications in also takes what ntfy and Gotify clients send: Basic auth (password = token),
 * `X-Gotify-Key`, `?token=`, and ntfy's `?auth=` (the Authorization value, base64url).
 */
export function secretOf(req: FastifyRequest, notifyRoute: boolean): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) return fromAuthorization(authorization, notifyRoute) ?? '';
  if (!notifyRoute) return undefined;
  const query = (req.query ?? {}) as Record<string, unknown>;
  const gotify = first(req.headers['x-gotify-key']) ?? first(query.token);
  if (gotify !== undefined) return gotify;
  const auth = first(query.auth);
  return auth === undefined ? undefined : (fromAuthorization(Buffer.from(auth, 'base64url').toString('utf8'), true) ?? '');
}

export function installGuard(app: FastifyInstance, auth: Auth, port: () => number): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (req) => {
    const host = req.headers.host ?? '';
    const hosts = allowedHosts(port());
    if (!hosts.includes(host.toLowerCase())) throw new ApiFailure(403, 'forbidden-host', 'the Host header must name this loopback address and port');
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
      throw new ApiFailure(403, 'forbidden-origin', 'requests from other origins are refused');
    }
    const notifyRoute = req.routeOptions.config.notify === true;
    const who = auth.identify(secretOf(req, notifyRoute), req.cookies?.[SESSION_COOKIE]);
    req.principal = who?.key ?? null;
    req.caller = who?.caller ?? null;
    // A route that takes notifications in is never public, whatever its method (ntfy's GET /<topic>/publish).
    if (who === null && (notifyRoute || !isPublic(req))) throw new ApiFailure(401, 'unauthorized', 'sign in: send Authorization: Bearer <token> from api.json, or sign in on the dashboard');
    if (who?.caller.scope === 'notify' && !notifyRoute) throw new ApiFailure(403, 'notify-only', 'this token can only post notifications');
  });
}
