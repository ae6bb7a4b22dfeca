// The HTTP inbox (PRODUCT.md §4): POST /v1/notifications on Lull's port. The item is durably
// committed (ingest awaits the store's group commit) before the 202; a repeated dedupe key
// within 24 h answers 200 with the first item.
import { defineSource, refuse } from '../source.ts';
import { notificationSchema } from '../../core/incoming.ts';

export const inbox = defineSource({
  name: 'http-inbox',
  settings: (all) => all.sources.httpInbox,
  start(ctx) {
    ctx.http.route('POST', '/v1/notifications', async (request) => {
      if (!ctx.settings.get()) return refuse(403, 'inbox-off', 'the HTTP inbox is turned off in settings (sources.httpInbox)');
      const { item, duplicate } = await ctx.ingest(notificationSchema.parse(request.body));
      return { status: duplicate ? 200 : 202, body: { id: item.id, disposition: item.disposition, ...(item.rule && { rule: item.rule }) } };
    });
    return { health: () => (ctx.settings.get() ? { state: 'running' } : { state: 'stopped', detail: 'turned off in settings' }), stop: async () => {} };
  },
});
