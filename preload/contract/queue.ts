// The queue domain: items as the windows see them, the held queue and the review (paged), what
// the user does with an item, batches, and the events that carry what changed.
import { z } from 'zod';
import { batchReasonSchema, breakthroughRuleSchema, dispositionSchema, itemStatusSchema, prioritySchema, verdictSchema } from '../../main/core/vocabulary.ts';
import { idSchema, isoTime, none } from './common.ts';

export const itemSchema = z.object({
  id: z.string(),
  source: z.string(),
  title: z.string(),
  body: z.string().optional(),
  sender: z.string().optional(),
  url: z.string().optional(),
  priority: prioritySchema.optional(),
  tags: z.array(z.string()).optional(),
  app: z.string().optional(),
  category: z.string().optional(),
  thread: z.string().optional(),
  expiresAt: isoTime.optional(),
  verdict: verdictSchema.optional(),
  receivedAt: isoTime,
  disposition: dispositionSchema,
  rule: breakthroughRuleSchema.nullable(),
  status: itemStatusSchema,
  batchId: z.string().nullable(),
  releasedAt: isoTime.nullable(),
  snoozedUntil: isoTime.nullable(),
});

export const batchSchema = z.object({ id: z.string(), at: isoTime, reason: batchReasonSchema, count: z.number().int() });

/** `held`: the queue; `review`: released and waiting for review. */
export const queueViewSchema = z.enum(['held', 'review']);

/**
 * What `queue:list` can list: the queue's views, and two the review shows apart (PRODUCT.md §2):
 * `unjudged`, breakthroughs of the last 7 days waiting for "was it urgent?"; `resolved`, items
 * their source took back in the last day ("resolved while you focused").
 */
export const listViewSchema = z.enum([...queueViewSchema.options, 'unjudged', 'resolved']);

export const listQuerySchema = z
  .object({
    view: listViewSchema.default('held'),
    limit: z.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(512).optional(),
  })
  .strict();

export const queueInvokes = {
  'queue:list': { request: listQuerySchema, result: z.object({ items: z.array(itemSchema), nextCursor: z.string().nullable() }) },
  'queue:release': { request: none, result: z.object({ batchId: z.string().nullable(), released: z.number().int() }) },
  'queue:done': { request: idSchema, result: itemSchema },
  'queue:dismiss': { request: idSchema, result: itemSchema },
  'queue:snooze': { request: idSchema, result: itemSchema },
  'queue:open': { request: idSchema, result: z.object({ opened: z.boolean() }) },
  /** "Was it urgent?" for a breakthrough (PRODUCT.md §2); refused (conflict) for any other item. */
  'queue:verdict': { request: idSchema.extend({ urgent: z.boolean() }).strict(), result: itemSchema },
} as const;

export const queueEvents = {
  /** The held count (what the tray and the counts show). */
  'queue:changed': z.object({ held: z.number().int() }),
  /** An item arrived (held or not): windows add it in place instead of listing the queue again. */
  'queue:item-added': itemSchema,
  /** An item was handled, snoozed or withdrawn by its source: windows update or drop it in place. */
  'queue:item-changed': itemSchema,
  'batch:released': batchSchema,
} as const;

export type Item = z.output<typeof itemSchema>;
export type QueueView = z.output<typeof queueViewSchema>;
export type ListView = z.output<typeof listViewSchema>;
