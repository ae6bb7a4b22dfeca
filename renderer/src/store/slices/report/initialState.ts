// The weekly report on screen: which week, its data, and whether it is loading; and the
// suggestions applied from it, with what puts each back.
import type { SettingsPatch } from '../../../../../main/core/suggestions.ts';
import type { SuggestionDto, WeeklyReportDto } from '../../../../../preload/contract.ts';

/** A suggestion applied from this page: the settings it replaced, to put back on Undo. */
export interface AppliedSuggestion {
  suggestion: SuggestionDto;
  undo: SettingsPatch;
  /** Where it stood in the list, so it keeps its place once the report no longer suggests it. */
  index: number;
}

export interface ReportState {
  report: WeeklyReportDto | null;
  /** The week asked for; null = this week (main decides which that is). */
  reportWeek: string | null;
  reportLoading: boolean;
  reportError: string | null;
  /** In the order they were applied. */
  appliedSuggestions: AppliedSuggestion[];
  /** The suggestion being applied or undone, whose buttons wait. */
  suggestionBusy: string | null;
}

export const initialReportState: ReportState = { report: null, reportWeek: null, reportLoading: false, reportError: null, appliedSuggestions: [], suggestionBusy: null };
