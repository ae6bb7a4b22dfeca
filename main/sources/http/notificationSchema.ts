// POST /v1/notifications as PRODUCT.md §4 defines it. Strings must be well-formed Unicode
// (a lone surrogate could not be stored and read back unchanged), and unknown fields are
// refused by name so a typo is not silently dropped.
import { z } from 'zod';

const text = (min: number, max: number) =>
  z.string().min(min).max(max).refine((s) => s.isWellFormed(), 'must be well-formed Unicode (no lone surrogates)');

const url = text(1, 2048).refine((s) => {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}, 'must be an http, https or mailto URL');

export const notificationSchema = z
  .object({
    source: text(1, 64),
    title: text(1, 256),
    body: text(0, 8192).optional(),
    sender: text(0, 256).optional(),
    url: url.optional(),
    priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
    tags: z.array(text(1, 64)).max(16).optional(),
    dedupeKey: text(1, 128).optional(),
  })
  .strict();

export type NotificationRequest = z.output<typeof notificationSchema>;

export const notificationAccepted = z.object({
  id: z.string(),
  disposition: z.enum(['held', 'delivered', 'breakthrough']),
  rule: z.enum(['urgent', 'vip', 'keyword', 'app', 'repeat']).optional(),
});
