// The report's headline numbers, shown with their change against the week before.
import type { SuggestionDto, WeeklyReportDto } from '../../../../../preload/contract.ts';
import type { AppliedSuggestion } from './initialState.ts';

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

export interface SuggestionRow {
  suggestion: SuggestionDto;
  applied: boolean;
}

/**
 * The suggestions as the page lists them: the report's, with each one applied from here kept in
 * its place (the report, reloaded, no longer suggests what now applies) until it is undone.
 */
export function suggestionRows(suggestions: readonly SuggestionDto[], applied: readonly AppliedSuggestion[]): SuggestionRow[] {
  const done = new Set(applied.map((a) => a.suggestion.id));
  const rows: SuggestionRow[] = suggestions.filter((s) => !done.has(s.id)).map((suggestion) => ({ suggestion, applied: false }));
  for (const a of [...applied].sort((x, y) => x.index - y.index)) rows.splice(Math.min(a.index, rows.length), 0, { suggestion: a.suggestion, applied: true });
  return rows;
}
