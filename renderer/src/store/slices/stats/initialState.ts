// Today's numbers: held, moments avoided, refocus time saved (an estimate), breakthroughs by rule.
import type { DayStatsDto } from '../../../../../preload/contract.ts';

export interface StatsState {
  today: DayStatsDto | null;
}

export const initialStatsState: StatsState = { today: null };
