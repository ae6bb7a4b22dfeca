// The weekly report on screen: which week, its data, and whether it is loading.
import type { WeeklyReportDto } from '../../../../../preload/contract.ts';

export interface ReportState {
  report: WeeklyReportDto | null;
  /** The week asked for; null = this week (main decides which that is). */
  reportWeek: string | null;
  reportLoading: boolean;
  reportError: string | null;
}

export const initialReportState: ReportState = { report: null, reportWeek: null, reportLoading: false, reportError: null };
