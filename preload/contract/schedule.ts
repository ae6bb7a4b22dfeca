// The schedule domain: a week's planned blocks, batch times and the blocks that really ran.
import { z } from 'zod';
import { isoTime, weekQuerySchema } from './common.ts';
import { blockSchema } from './status.ts';

export const weekScheduleSchema = z.object({
  week: z.string(),
  dates: z.array(z.string()),
  from: isoTime,
  to: isoTime,
  planned: z.array(z.object({ start: isoTime, end: isoTime })),
  batches: z.array(isoTime),
  blocks: z.array(blockSchema),
});

export const scheduleInvokes = {
  'schedule:week': { request: weekQuerySchema, result: weekScheduleSchema },
} as const;

export type WeekScheduleDto = z.output<typeof weekScheduleSchema>;
