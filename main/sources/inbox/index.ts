// The HTTP inbox (PRODUCT.md §4): POST /v1/notifications on Lull's port. The item is durably
// committed (ingest awaits the store's group commit) before the 202; a repeated dedupe key
// within 24 h answers 200 with the first item. POST /v1/notifications/{id}/withdraw takes an
// item back because it resolved itself (§2): it is not released in any batch. A notify-only token
// may post (its name is the default source) but not withdraw: the answer is the item, and such a
// token reads nothing.
import { defineSource, openApiJson, refusals, refuse } from '../source.ts';
import { notificationAccepted, notificationSchema } from '../../core/incoming.ts';
import { itemSchema } from '../../../preload/contract.ts';
import { presentItem } from '../../core/present.ts';

const off = () => refuse(403, 'inbox-off', 'the HTTP inbox is turned off in settings (sources.httpInbox)');

export const inbox = defineSource({
  name: 'http-inbox',
  // The time zone is part of the slice because the withdraw answer shows the item's times with the user's offset.
  settings: (all) => ({ on: all.sources.httpInbox, timeZone: all.timeZone }),
  start(ctx) {
    // A notify token's name is the source when the body names none (PRODUCT.md §4).
    ctx.http.route(
      'POST',
      '/v1/notifications',
      async (request) => {
        if (!ctx.settings.get().on) return off();
        const body = request.body;
        const named = request.caller.scope === 'notify' && typeof body === 'object' && body !== null && !Array.isArray(body) && !('source' in body) ? { source: request.caller.tokenName, ...body } : body;
        const { item, duplicate } = await ctx.ingest(notificationSchema.parse(named));
        return { status: duplicate ? 200 : 202, body: { id: item.id, disposition: item.disposition, ...(item.rule && { rule: item.rule }) } };
      },
      {
        notify: true,
        doc: {
          operationId: 'postNotification',
          summary: "Lull's own form; a notify token's name is the source when none is given",
          requestBody: { required: true, content: openApiJson(notificationSchema, 'input') },
          responses: { 202: { description: 'accepted and durably stored', content: openApiJson(notificationAccepted, 'output') }, 200: { description: 'a repeated dedupeKey: the first item', content: openApiJson(notificationAccepted, 'output') }, ...refusals },
        },
      },
    );
    // An item already handled (done, dismissed, resolved) is answered as it is, unchanged.
    ctx.http.route('POST', '/v1/notifications/:id/withdraw', async (request) => {
      const { on, timeZone } = ctx.settings.get();
      if (!on) return off();
      const item = await ctx.withdraw({ id: request.params.id ?? '' });
      if (!item) return refuse(404, 'not-found', 'no item with this id');
      return { status: 200, body: presentItem(item, timeZone) };
    }, {
      doc: {
        operationId: 'withdrawNotification',
        summary: 'the item resolved itself: it is not released in any batch (owner only)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'the item, resolved (an item already handled, as it was)', content: openApiJson(itemSchema, 'output') }, ...refusals },
      },
    });
    return { health: () => (ctx.settings.get().on ? { state: 'running' } : { state: 'stopped', detail: 'turned off in settings' }), stop: async () => {} };
  },
});
