// The report domain: the weekly report (with the week before it) and its PDF.
import { z } from 'zod';
import { breakthroughRuleSchema } from '../../main/core/vocabulary.ts';
import { isoTime, weekQuerySchema } from './common.ts';
import { settingsPatchRequest } from './settings.ts';
import { interruptionCountsSchema, ruleCountsSchema } from './stats.ts';

const weekSummary = interruptionCountsSchema.extend({
  plannedHours: z.number(),
  keptHours: z.number(),
  blocksCompleted: z.number(),
  blocksEndedEarly: z.number(),
  arrivals: z.number(),
  medianHoldMinutes: z.number().nullable(),
  longestHoldMinutes: z.number().nullable(),
});

/** "Was it urgent?" per rule (PRODUCT.md §2), and the changes it suggests: `patch` is a PATCH /v1/settings body, carried as sent. */
const ruleVerdictsSchema = z.object({ rule: breakthroughRuleSchema, count: z.number(), urgent: z.number(), notUrgent: z.number(), unjudged: z.number() });
export const suggestionSchema = z.object({ id: z.string(), text: z.string(), patch: settingsPatchRequest });

export const weeklyReportSchema = weekSummary.extend({
  week: z.string(),
  from: isoTime,
  to: isoTime,
  timeZone: z.string(),
  days: z.array(z.object({ date: z.string(), plannedHours: z.number(), keptHours: z.number(), held: z.number(), delivered: z.number(), breakthrough: z.number() })),
  breakthroughsByRule: ruleCountsSchema,
  breakthroughs: z.array(ruleVerdictsSchema),
  suggestions: z.array(suggestionSchema),
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
export type SuggestionDto = z.output<typeof suggestionSchema>;
