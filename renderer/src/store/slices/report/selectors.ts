// The report's headline numbers, shown with their change against the week before.
import type { WeeklyReportDto } from '../../../../../preload/contract.ts';

export type SummaryKey = keyof WeeklyReportDto['previous'] & keyof WeeklyReportDto['change'];

/** The numbers shown beside the charts, in reading order. */
export const SUMMARY_KEYS = [
  'plannedHours',
  'keptHours',
  'blocksCompleted',
  'blocksEndedEarly',
  'arrivals',
  'held',
  'resolved',
  'delivered',
  'breakthrough',
  'moments',
  'refocusMinutesSaved',
  'medianHoldMinutes',
  'longestHoldMinutes',
] as const satisfies readonly SummaryKey[];
