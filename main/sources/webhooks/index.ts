// The Alertmanager and Grafana webhook door (PRODUCT.md §3.3): POST /v1/hooks/alertmanager takes
// the webhook body either sends. Each firing alert becomes an item (a repeat answers with the same
// item); each resolved one takes its item back, so what recovered while you focused is not released
// (§2). The answer comes after every item is committed; it names ids and dispositions, never text.
// Alertmanager only looks at the status, which is 200 for any body it may send.
import type { BreakthroughRule, Disposition } from '../../core/types.ts';
import { z } from 'zod';
import { breakthroughRuleSchema, dispositionSchema } from '../../core/vocabulary.ts';
import { defineSource, openApiJson, refusals, refuse } from '../source.ts';
import { alertActions } from './alerts.ts';
import { webhookSchema } from './payload.ts';

const off = () => refuse(403, 'compat-off', 'the doors for other tools are turned off in settings (sources.compat)');

/** What the sender hears about one alert of its body. */
type AlertAnswer =
  | { fingerprint: string; status: 'firing'; id: string; disposition: Disposition; rule?: BreakthroughRule; duplicate: boolean }
  | { fingerprint: string; status: 'resolved'; id: string | null; withdrawn: boolean };

const answerSchema = z.object({
  alerts: z.array(
    z.union([
      z.object({ fingerprint: z.string(), status: z.literal('firing'), id: z.string(), disposition: dispositionSchema, rule: breakthroughRuleSchema.optional(), duplicate: z.boolean() }),
      z.object({ fingerprint: z.string(), status: z.literal('resolved'), id: z.string().nullable(), withdrawn: z.boolean() }),
    ]),
  ),
  truncatedAlerts: z.number().optional(),
});

export const webhooks = defineSource({
  name: 'webhooks',
  settings: (all) => ({ on: all.sources.compat }),
  start(ctx) {
    ctx.http.route(
      'POST',
      '/v1/hooks/alertmanager',
      async (request) => {
        if (!ctx.settings.get().on) return off();
        const hook = webhookSchema.parse(request.body);
        const { actions, truncated } = alertActions(hook, request.caller.scope === 'notify' ? request.caller.tokenName : 'alertmanager');
        if (truncated > 0) ctx.log.warn({ truncated }, 'a webhook left alerts out (the sender’s max_alerts); only those sent became items');
        // Firing alerts first, together, so the store commits them as one group.
        const ingested = await Promise.all(actions.map((action) => (action.status === 'firing' ? ctx.ingest(action.item) : null)));
        const alerts: AlertAnswer[] = [];
        for (const [i, action] of actions.entries()) {
          const result = ingested[i];
          if (action.status === 'firing' && result) {
            const { item, duplicate } = result;
            alerts.push({ fingerprint: action.fingerprint, status: 'firing', id: item.id, disposition: item.disposition, ...(item.rule && { rule: item.rule }), duplicate });
          } else if (action.status === 'resolved') {
            // An alert Lull never saw fired (it was off, or the alert began before Lull listened) needs nothing.
            const item = await ctx.withdraw({ dedupeKey: action.dedupeKey });
            alerts.push({ fingerprint: action.fingerprint, status: 'resolved', id: item?.id ?? null, withdrawn: item?.status === 'resolved' });
          }
        }
        return { status: 200, body: { alerts, ...(truncated > 0 && { truncatedAlerts: truncated }) } };
      },
      {
        notify: true,
        doc: {
          operationId: 'alertmanagerWebhook',
          summary: 'Alertmanager (v4) and Grafana webhooks: one item per firing alert; a resolved alert withdraws its held item',
          requestBody: { required: true, content: openApiJson(webhookSchema, 'input') },
          responses: { 200: { description: 'every firing alert stored, every resolved one withdrawn', content: openApiJson(answerSchema, 'output') }, ...refusals },
        },
      },
    );
    return { health: () => (ctx.settings.get().on ? { state: 'running' } : { state: 'stopped', detail: 'turned off in settings' }), stop: async () => {} };
  },
});
