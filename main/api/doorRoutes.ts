// The sources' own routes on Lull's port (the inbox, ntfy, Gotify, webhooks): mounted from what
// the sources registered when they started, behind the same guard, limits and error handling as
// every other route. A source answers with a status and a body; it never sees fastify. Routes
// that take any body (ntfy's text, Gotify's forms) live in their own fastify context, where every
// content type arrives as bytes, so the JSON-only rule of the rest of the API stays as it is.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DoorRoute } from '../service/doors.ts';
import type { Caller } from '../sources/source.ts';
import { ApiFailure } from './failure.ts';

/** The guard has identified every caller of a door; a door never runs for nobody (nor as the owner by default). */
function callerOf(req: FastifyRequest): Caller {
  if (!req.caller) throw new ApiFailure(401, 'unauthorized', 'send a token');
  return req.caller;
}

function mount(app: FastifyInstance, { method, path, handler, options }: DoorRoute): void {
  app.route({
    method,
    url: path,
    config: { notify: options.notify === true },
    // A HEAD (a link checker, an uptime probe) must never post: no automatic HEAD route beside a door's GET.
    exposeHeadRoute: false,
    // Fastify reads no body on a GET (ntfy's webhook form), so its body limit never applies there;
    // a request that declares a body over the limit is refused all the same, as everywhere else.
    onRequest: async (req) => {
      if (Number(req.headers['content-length'] ?? 0) > app.initialConfig.bodyLimit!) throw new ApiFailure(413, 'too-large', 'the body is larger than 64 KiB');
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const answer = await handler({
        params: (req.params ?? {}) as Record<string, string>,
        query: (req.query ?? {}) as Record<string, string | string[] | undefined>,
        headers: req.headers,
        body: options.body === 'any' ? (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)) : req.body,
        caller: callerOf(req),
      });
      return reply.status(answer.status).send(answer.body);
    },
  });
}

export async function registerDoorRoutes(app: FastifyInstance, routes: readonly DoorRoute[]): Promise<void> {
  for (const route of routes) if (route.options.body !== 'any') mount(app, route);
  const raw = routes.filter((r) => r.options.body === 'any');
  if (raw.length === 0) return;
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    for (const route of raw) mount(scope, route);
  });
}
