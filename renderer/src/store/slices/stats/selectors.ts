// Named reads of today's numbers.
import type { DayStatsDto } from '../../../../../preload/contract.ts';
import { derived } from '../../slice.ts';
import type { StatsState } from './initialState.ts';

export type RuleName = keyof DayStatsDto['breakthroughsByRule'];
export const RULES: readonly RuleName[] = ['urgent', 'vip', 'keyword', 'app', 'repeat'];

export const statsSelectors = {
  today: (s: StatsState) => s.today,
  breakthroughs: derived(
    (s: StatsState) => s.today,
    (today): { rule: RuleName; count: number }[] => RULES.map((rule) => ({ rule, count: today.breakthroughsByRule[rule] })),
    [],
  ),
};
