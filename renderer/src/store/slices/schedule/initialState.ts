// The week grid's data: planned blocks, batch times and the blocks that really ran.
import type { WeekScheduleDto } from '../../../../../preload/contract.ts';

export interface ScheduleState {
  schedule: WeekScheduleDto | null;
}

export const initialScheduleState: ScheduleState = { schedule: null };
