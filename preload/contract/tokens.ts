// The tokens domain (PRODUCT.md §4): notify-only tokens to paste into a CI job, a monitor or a
// script. The secret is in the answer of `tokens:create` and in no other answer, ever.
import { z } from 'zod';
import { LIMITS, tokenScopeSchema } from '../../main/core/vocabulary.ts';
import { idSchema, isoTime, none } from './common.ts';

/** A token's name is the default source of what it posts, so it obeys the source's limits. */
export const tokenNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.source)
  .refine((s) => s.isWellFormed() && !/[\u0000-\u001f\u007f]/.test(s), 'must be printable text');

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: tokenScopeSchema,
  createdAt: isoTime,
  lastUsedAt: isoTime.nullable(),
});

export const newTokenSchema = z.object({ name: tokenNameSchema, scope: tokenScopeSchema.default('notify') }).strict();

export const tokensInvokes = {
  'tokens:create': { request: newTokenSchema, result: tokenSchema.extend({ token: z.string() }) },
  'tokens:list': { request: none, result: z.object({ tokens: z.array(tokenSchema) }) },
  'tokens:revoke': { request: idSchema, result: z.object({ revoked: tokenSchema }) },
} as const;

export type TokenDto = z.output<typeof tokenSchema>;
export type NewTokenDto = z.output<(typeof tokensInvokes)['tokens:create']['result']>;
