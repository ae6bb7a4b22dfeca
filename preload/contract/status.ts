// The status domain: whether Lull is focusing, the block that runs, what is held, when the next
// batch comes, and the health of each source. Enums are the vocabulary's (main/core/vocabulary.ts).
import { z } from 'zod';
import { blockEndSchema, blockKindSchema, focusStateSchema, sourceStateSchema } from '../../main/core/vocabulary.ts';
import { isoTime, none } from './common.ts';

export const blockSchema = z.object({
  id: z.string(),
  kind: blockKindSchema,
  startedAt: isoTime,
  endsAt: isoTime,
  endedAt: isoTime.nullable(),
  endReason: blockEndSchema.nullable(),
});

/** A source that is not simply running says so, in one line without notification text. */
export const sourceHealthSchema = z.object({
  name: z.string(),
  state: sourceStateSchema,
  detail: z.string().optional(),
});

export type SourceHealthDto = z.output<typeof sourceHealthSchema>;

/** A source that cannot do its work (turned off is the user's choice, not a trouble). */
export const isTroubled = (source: SourceHealthDto): boolean => source.state === 'unavailable' || source.state === 'degraded';

export const statusSchema = z.object({
  state: focusStateSchema,
  block: blockSchema.nullable(),
  held: z.number().int(),
  nextBatchAt: isoTime.nullable(),
  sources: z.array(sourceHealthSchema),
});

export const statusInvokes = {
  'status:get': { request: none, result: statusSchema },
} as const;

export const statusEvents = {
  'state:changed': statusSchema,
  'block:ended': blockSchema,
} as const;

export type Block = z.output<typeof blockSchema>;
export type StatusDto = z.output<typeof statusSchema>;
