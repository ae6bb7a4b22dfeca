// Named reads of today's numbers.
import { BREAKTHROUGH_RULES, type BreakthroughRule } from '../../../../../preload/contract.ts';
import { derived } from '../../slice.ts';
import type { StatsState } from './initialState.ts';

export type RuleName = BreakthroughRule;
/** The urgent protocol's rules in their order of precedence, as core's vocabulary lists them. */
export const RULES: readonly RuleName[] = BREAKTHROUGH_RULES;

export const statsSelectors = {
  today: (s: StatsState) => s.today,
  breakthroughs: derived(
    (s: StatsState) => s.today,
    (today): { rule: RuleName; count: number }[] => RULES.map((rule) => ({ rule, count: today.breakthroughsByRule[rule] })),
    [],
  ),
};
