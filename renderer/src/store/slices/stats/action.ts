// Loads today's numbers.
import type { SliceCreator } from '../../slice.ts';
import { initialStatsState, type StatsState } from './initialState.ts';

export interface StatsAction {
  loadStats(): Promise<void>;
}

export type StatsSlice = StatsState & StatsAction;

export const createStatsSlice: SliceCreator<StatsSlice> = (set, _get, { api }) => ({
  ...initialStatsState,
  async loadStats() {
    set({ today: await api.todayStats() });
  },
});
