// The sources' own routes on Lull's port (the inbox, and later ntfy, Gotify, webhooks): mounted
// from what the sources registered when they started, behind the same guard, limits and error
// handling as every other route. A source answers with a status and a body; it never sees fastify.
import type { FastifyInstance } from 'fastify';
import type { DoorRoute } from '../service/doors.ts';

export function registerDoorRoutes(app: FastifyInstance, routes: readonly DoorRoute[]): void {
  for (const { method, path, handler } of routes) {
    app.route({
      method,
      url: path,
      handler: async (req, reply) => {
        const answer = await handler({
          params: (req.params ?? {}) as Record<string, string>,
          query: (req.query ?? {}) as Record<string, string | string[] | undefined>,
          headers: req.headers,
          body: req.body,
        });
        return reply.status(answer.status).send(answer.body);
      },
    });
  }
}
