// Loads the week grid (this week by default).
import type { SliceCreator } from '../../slice.ts';
import { initialScheduleState, type ScheduleState } from './initialState.ts';

export interface ScheduleAction {
  loadSchedule(week?: string): Promise<void>;
}

export type ScheduleSlice = ScheduleState & ScheduleAction;

export const createScheduleSlice: SliceCreator<ScheduleSlice> = (set, _get, { api }) => ({
  ...initialScheduleState,
  async loadSchedule(week) {
    set({ schedule: await api.weekSchedule(week ? { week } : {}) });
  },
});
