// What a source may hand in: an incoming item as POST /v1/notifications (PRODUCT.md §4) and the
// CLI send it, from the vocabulary's limits. Strings must be well-formed Unicode (a lone surrogate
// could not be stored and read back unchanged), and unknown fields are refused by name.
import { z } from 'zod';
import { breakthroughRuleSchema, dispositionSchema, isAllowedUrl, LIMITS, prioritySchema } from './vocabulary.ts';

const text = (min: number, max: number) =>
  z.string().min(min).max(max).refine((s) => s.isWellFormed(), 'must be well-formed Unicode (no lone surrogates)');

const url = text(1, LIMITS.url).refine(isAllowedUrl, 'must be an http, https or mailto URL');

export const notificationSchema = z
  .object({
    source: text(1, LIMITS.source),
    title: text(1, LIMITS.title),
    body: text(0, LIMITS.body).optional(),
    sender: text(0, LIMITS.sender).optional(),
    url: url.optional(),
    priority: prioritySchema.optional(),
    tags: z.array(text(1, LIMITS.tag)).max(LIMITS.tags).optional(),
    dedupeKey: text(1, LIMITS.dedupeKey).optional(),
    thread: text(1, LIMITS.thread).optional(),
    /** ISO-8601 with an offset; the core keeps epoch milliseconds. */
    expiresAt: z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)).optional(),
  })
  .strict();

export type NotificationRequest = z.output<typeof notificationSchema>;
/** What a client sends (expiresAt as an ISO-8601 string). */
export type NotificationInput = z.input<typeof notificationSchema>;

export const notificationAccepted = z.object({
  id: z.string(),
  disposition: dispositionSchema,
  rule: breakthroughRuleSchema.optional(),
});
