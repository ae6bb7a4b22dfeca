// The built dashboard on the API's own port, behind a one-time login link (as Jupyter does):
// GET /login?secret=… sets an HttpOnly, SameSite=Strict session cookie and redirects to /.
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE, type Auth } from './auth.ts';
import { ApiFailure } from './failure.ts';
import { PAGE_CSP } from '../../preload/csp.ts';


export async function registerDashboard(app: FastifyInstance, auth: Auth, staticDir: string | null): Promise<void> {
  app.get('/login', async (req, reply) => {
    const secret = (req.query as Record<string, unknown>).secret;
    const session = typeof secret === 'string' ? auth.login(secret) : null;
    if (!session) throw new ApiFailure(401, 'login-link-used', 'this login link is not valid or was already used; run `lull open` for a new one');
    void reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'strict', path: '/' });
    return reply.redirect('/', 303);
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
