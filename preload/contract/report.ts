// The report domain: the weekly report (with the week before it) and its PDF.
import { z } from 'zod';
import { isoTime, weekQuerySchema } from './common.ts';
import { ruleCountsSchema } from './stats.ts';

const weekSummary = z.object({
  plannedHours: z.number(),
  keptHours: z.number(),
  blocksCompleted: z.number(),
  blocksEndedEarly: z.number(),
  arrivals: z.number(),
  held: z.number(),
  delivered: z.number(),
  breakthrough: z.number(),
  /** Items that resolved themselves (withdrawn by their source, or expired). */
  resolved: z.number(),
  moments: z.number(),
  refocusMinutesSaved: z.number(),
  medianHoldMinutes: z.number().nullable(),
  longestHoldMinutes: z.number().nullable(),
});

export const weeklyReportSchema = weekSummary.extend({
  week: z.string(),
  from: isoTime,
  to: isoTime,
  timeZone: z.string(),
  days: z.array(z.object({ date: z.string(), plannedHours: z.number(), keptHours: z.number(), held: z.number(), delivered: z.number(), breakthrough: z.number() })),
  breakthroughsByRule: ruleCountsSchema,
  topSources: z.array(z.object({ name: z.string(), count: z.number() })),
  topSenders: z.array(z.object({ name: z.string(), count: z.number() })),
  heatmap: z.array(z.array(z.number())),
  refocusEstimate: z.object({ minutesPerMoment: z.number(), momentGapMinutes: z.number() }),
  previous: weekSummary.extend({ week: z.string() }),
  change: z.record(z.string(), z.number().nullable()),
});

export const reportInvokes = {
  'report:weekly': { request: weekQuerySchema, result: weeklyReportSchema },
  'report:pdf': { request: weekQuerySchema, result: z.object({ path: z.string().nullable() }) },
} as const;

export type WeeklyReportDto = z.output<typeof weeklyReportSchema>;
