// Named reads of the report: the headline numbers with their change against the week before.
import type { WeeklyReportDto } from '../../../../../preload/contract.ts';
import type { ReportState } from './initialState.ts';

export type SummaryKey = keyof WeeklyReportDto['previous'] & keyof WeeklyReportDto['change'];

/** The numbers shown beside the charts, in reading order. */
export const SUMMARY_KEYS = [
  'plannedHours',
  'keptHours',
  'blocksCompleted',
  'blocksEndedEarly',
  'arrivals',
  'held',
  'delivered',
  'breakthrough',
  'moments',
  'refocusMinutesSaved',
  'medianHoldMinutes',
  'longestHoldMinutes',
] as const satisfies readonly SummaryKey[];

export const reportSelectors = {
  report: (s: ReportState) => s.report,
  /** The busiest hour cell of the heat map (for its colour scale); at least 1. */
  heatmapMax: (s: ReportState): number => Math.max(1, ...(s.report?.heatmap.flat() ?? [])),
  hasData: (s: ReportState): boolean => (s.report?.arrivals ?? 0) > 0 || (s.report?.plannedHours ?? 0) > 0,
};
