// The built dashboard on the API's own port, behind a one-time login link (as Jupyter does):
// GET /login?secret=… sets an HttpOnly, SameSite=Strict session cookie and redirects to /. A
// browser without a session sees the dashboard's sign-in page, which posts the owner's token to
// POST /v1/session for the same cookie. A used link leads there too, saying so: never an error page.
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { SESSION_COOKIE, SESSION_MS, SIGN_IN_PATH, type Auth } from './auth.ts';
import { ApiFailure } from './failure.ts';
import { PAGE_CSP } from '../../preload/csp.ts';

/** Where a used or unknown login link leads: the sign-in page, which says what happened. */
export const LINK_USED_PATH = '/?signin=link-used';
/** Sign-in attempts a minute (all callers without credentials together): a guard against a loop, not a throttle. */
export const SIGN_IN_PER_MINUTE = 30;
const MAX_TOKEN = 512;

const setSession = (reply: FastifyReply, session: string): void =>
  void reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: SESSION_MS / 1000 });

export async function registerDashboard(app: FastifyInstance, auth: Auth, staticDir: string | null): Promise<void> {
  app.get('/login', async (req, reply) => {
    const secret = (req.query as Record<string, unknown>).secret;
    const session = typeof secret === 'string' ? auth.login(secret) : null;
    if (!session) return reply.redirect(LINK_USED_PATH, 303);
    setSession(reply, session);
    return reply.redirect('/', 303);
  });
  // The token is never echoed, logged or named in an answer; a refusal says only that it is not the owner's.
  app.post(SIGN_IN_PATH, { config: { rateLimit: { max: SIGN_IN_PER_MINUTE, timeWindow: 60_000 } } }, async (req, reply) => {
    const token = (req.body as { token?: unknown } | null)?.token;
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN) throw new ApiFailure(400, 'invalid', `send { "token": "…" } with the token from api.json (at most ${MAX_TOKEN} characters)`);
    const session = auth.signIn(token.trim());
    if (!session) throw new ApiFailure(401, 'wrong-token', 'that is not the token in api.json');
    setSession(reply, session);
    return { expiresAt: new Date(auth.expiresAt(session) ?? 0).toISOString() };
  });
  if (staticDir && existsSync(staticDir)) {
    await app.register(fastifyStatic, {
      root: staticDir,
      prefix: '/',
      index: 'index.html',
      setHeaders: (reply) => {
        void reply.headers({ 'content-security-policy': PAGE_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-cache' });
      },
    });
  } else {
    app.get('/', async () => {
      throw new ApiFailure(404, 'no-dashboard', 'the dashboard is not built: run `npm run build`');
    });
  }
}
