// The schedule domain: a week's planned blocks, batch times and the blocks that really ran.
import { z } from 'zod';
import { isoTime, none, weekQuerySchema } from './common.ts';
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

const occurrenceSchema = z.object({ start: isoTime, end: isoTime });

/** Consent before holding (PRODUCT.md §2): from when scheduled blocks hold, and what the choice is about. */
export const scheduleConsentSchema = z.object({
  /** Scheduled blocks starting at or after this hold by themselves; null: the user has not chosen yet. */
  from: isoTime.nullable(),
  /** The planned block running now: "start now" starts it. */
  current: occurrenceSchema.nullable(),
  /** The first planned block after now: "from the next planned block" starts with it. */
  next: occurrenceSchema.nullable(),
});

/** "now": scheduled blocks hold from now, the one running now included; "next": from the next one. */
export const scheduleBeginSchema = z.object({ from: z.enum(['now', 'next']) }).strict();

export const scheduleInvokes = {
  'schedule:week': { request: weekQuerySchema, result: weekScheduleSchema },
  'schedule:consent': { request: none, result: scheduleConsentSchema },
  'schedule:begin': { request: scheduleBeginSchema, result: scheduleConsentSchema },
} as const;

export type ScheduleConsentDto = z.output<typeof scheduleConsentSchema>;

export type WeekScheduleDto = z.output<typeof weekScheduleSchema>;
