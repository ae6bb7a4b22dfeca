// The webhook body Prometheus Alertmanager sends (version 4) and the one Grafana's webhook contact
// point sends (version 1, a superset), validated where it enters. Objects are loose: a field a newer
// sender adds passes unchanged, while a field we read that has the wrong type is a 400 naming it.
import { z } from 'zod';

/** Labels and annotations. Go marshals an empty map as null, so null reads as none. */
const labelSet = z
  .record(z.string(), z.string())
  .nullish()
  .transform((set) => set ?? {});

/** An RFC 3339 time as Go writes it (nanoseconds, any offset); kept as the sender wrote it, because it keys the dedupe. */
const time = z.iso.datetime({ offset: true });

export const alertStatusSchema = z.enum(['firing', 'resolved']);

export const webhookAlertSchema = z.looseObject({
  status: alertStatusSchema,
  labels: labelSet,
  annotations: labelSet,
  startsAt: time.optional(),
  /** `0001-01-01T00:00:00Z` while firing (Go's zero time). */
  endsAt: time.optional(),
  generatorURL: z.string().optional(),
  /** Alertmanager's hash of the labels; the same in the firing and the resolved webhook. Old senders have none. */
  fingerprint: z.string().optional(),
  // Grafana's own, per alert.
  silenceURL: z.string().optional(),
  dashboardURL: z.string().optional(),
  panelURL: z.string().optional(),
  /** Grafana 9's text of the query values (`[ metric='' labels={} value=14151.3 ]`). */
  valueString: z.string().optional(),
  /** Grafana 10+'s query values by ref id (`{ B: 44.2, C: 1 }`). */
  values: z.record(z.string(), z.number().nullable()).nullish(),
});

export const webhookSchema = z.looseObject({
  /** "4" from Alertmanager, "1" from Grafana; not checked, since both shapes are read the same way. */
  version: z.string().optional(),
  /** Identifies the alert group; its alerts are one thread. */
  groupKey: z.string().optional(),
  /** How many alerts the sender left out of this body (its `max_alerts`). */
  truncatedAlerts: z.number().int().min(0).optional(),
  status: alertStatusSchema.optional(),
  receiver: z.string().optional(),
  groupLabels: labelSet,
  commonLabels: labelSet,
  commonAnnotations: labelSet,
  externalURL: z.string().optional(),
  alerts: z.array(webhookAlertSchema),
  // Grafana's own, for the whole group.
  orgId: z.number().optional(),
  title: z.string().optional(),
  state: z.string().optional(),
  message: z.string().optional(),
});

export type WebhookAlert = z.output<typeof webhookAlertSchema>;
export type Webhook = z.output<typeof webhookSchema>;
