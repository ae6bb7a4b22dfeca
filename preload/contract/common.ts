// What every domain of the contract shares: times as ISO-8601 text, an item id, an ISO week,
// "no payload", and the error body every refusal carries over IPC and HTTP.
import { z } from 'zod';

export const isoTime = z.string();
export const none = z.undefined();

export const idSchema = z.object({ id: z.string().min(1).max(128) }).strict();
export const weekQuerySchema = z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/).optional() }).strict();

/** Errors cross IPC as values (Electron mangles thrown ones); the HTTP API uses the same shape. */
export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type ApiErrorBody = z.output<typeof errorSchema>;
