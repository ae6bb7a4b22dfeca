// The focus domain: start a block (for some minutes, or until the next batch), end it, skip
// today's scheduled blocks. The minutes' limits are the vocabulary's.
import { z } from 'zod';
import { focusMinutesSchema } from '../../main/core/vocabulary.ts';
import { none } from './common.ts';
import { blockSchema, statusSchema } from './status.ts';

export const focusRequestSchema = z.union([
  z.object({ minutes: focusMinutesSchema }).strict(),
  z.object({ until: z.literal('next-batch') }).strict(),
]);

export const focusInvokes = {
  'focus:start': { request: focusRequestSchema, result: z.object({ block: blockSchema }) },
  'focus:stop': { request: none, result: z.object({ released: z.number().int() }) },
  'focus:skip-today': { request: none, result: statusSchema },
} as const;
