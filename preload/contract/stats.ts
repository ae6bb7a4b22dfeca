// The stats domain: today's numbers, breakthroughs counted by the vocabulary's rules.
import { z } from 'zod';
import { breakthroughRuleSchema } from '../../main/core/vocabulary.ts';
import { none } from './common.ts';

/** One count per breakthrough rule, every rule present. */
export const ruleCountsSchema = z.record(breakthroughRuleSchema, z.number());

/** What a day and a week both count: each disposition, what resolved itself, moments and the estimate. */
export const interruptionCountsSchema = z.object({
  held: z.number(),
  delivered: z.number(),
  breakthrough: z.number(),
  /** Items that resolved themselves (withdrawn by their source, or expired). */
  resolved: z.number(),
  moments: z.number(),
  refocusMinutesSaved: z.number(),
});

export const dayStatsSchema = interruptionCountsSchema.extend({ breakthroughsByRule: ruleCountsSchema });

export const statsInvokes = {
  'stats:today': { request: none, result: dayStatsSchema },
} as const;

export type DayStatsDto = z.output<typeof dayStatsSchema>;
export type BreakthroughRule = z.output<typeof breakthroughRuleSchema>;
