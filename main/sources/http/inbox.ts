// The HTTP inbox: POST /v1/notifications. The item is durably committed (the engine awaits
// the store's group commit) before the 202; a repeated dedupe key within 24 h answers 200
// with the first item.
import type { FastifyInstance } from 'fastify';
import type { FocusEngine } from '../../core/engine.ts';
import { ApiFailure } from './failure.ts';
import { notificationSchema } from './notificationSchema.ts';

export function registerInbox(app: FastifyInstance, engine: FocusEngine): void {
  app.post('/v1/notifications', async (req, reply) => {
    if (!engine.getSettings().sources.httpInbox) throw new ApiFailure(403, 'inbox-off', 'the HTTP inbox is turned off in settings (sources.httpInbox)');
    const incoming = notificationSchema.parse(req.body);
    const { item, duplicate } = await engine.ingest(incoming);
    return reply.status(duplicate ? 200 : 202).send({ id: item.id, disposition: item.disposition, ...(item.rule && { rule: item.rule }) });
  });
}
