// Loading a week's report (the view moves between weeks by link) and exporting it (CSV here, PDF by main or
// the browser's print). The CSV is made by the same function the CLI and the API use.
import { weeklyReportCsv } from '../../../../../main/core/reportCsv.ts';
import { patchedPaths, reversePatch } from '../../../../../main/core/suggestions.ts';
import type { SuggestionDto } from '../../../../../preload/contract.ts';
import { errorMessage, type SliceCreator } from '../../slice.ts';
import type { SessionSlice } from '../session/action.ts';
import type { SettingsSlice } from '../settings/action.ts';
import { initialReportState, type ReportState } from './initialState.ts';

export interface ReportAction {
  loadReport(week?: string | null): Promise<void>;
  /** The report as CSV text and a file name for it, or null while none is loaded. */
  reportCsv(): { name: string; text: string } | null;
  exportPdf(): Promise<void>;
  /** Applies a suggestion's settings patch, remembering the values it replaces; then reloads the report. */
  applySuggestion(suggestion: SuggestionDto, index: number): Promise<void>;
  /** Puts back what an applied suggestion replaced; then reloads the report. */
  undoSuggestion(id: string): Promise<void>;
}

export type ReportSlice = ReportState & ReportAction;

const overlaps = (a: readonly string[], b: readonly string[]): boolean => a.some((p) => b.some((q) => p === q || p.startsWith(`${q}.`) || q.startsWith(`${p}.`)));

export const createReportSlice: SliceCreator<ReportSlice, Pick<SessionSlice, 'notify'> & Pick<SettingsSlice, 'receiveSettings'>> = (set, get, { api }) => ({
  ...initialReportState,
  async loadReport(week = get().reportWeek) {
    // What was applied belongs to the week it was suggested in.
    if (week !== get().reportWeek) set({ appliedSuggestions: [] });
    set({ reportWeek: week, reportLoading: true, reportError: null });
    try {
      const report = await api.weeklyReport(week ? { week } : {});
      // A slower answer for a week the user has left is dropped.
      if (get().reportWeek === week) set({ report, reportLoading: false });
    } catch (error) {
      if (get().reportWeek === week) set({ reportLoading: false, reportError: errorMessage(error) });
    }
  },
  reportCsv() {
    const report = get().report;
    return report ? { name: `lull-report-${report.week}.csv`, text: weeklyReportCsv(report) } : null;
  },
  async exportPdf() {
    const week = get().report?.week;
    try {
      const { path } = await api.exportPdf(week ? { week } : {});
      if (path) get().notify({ kind: 'info', message: path });
    } catch (error) {
      get().notify({ kind: 'error', message: errorMessage(error) });
    }
  },
  async applySuggestion(suggestion, index) {
    if (get().suggestionBusy) return;
    set({ suggestionBusy: suggestion.id });
    try {
      // Main's settings now, not the window's copy: Undo must put back exactly what this replaced.
      const undo = reversePatch(suggestion.patch, await api.getSettings());
      get().receiveSettings(await api.patchSettings(suggestion.patch));
      set({ appliedSuggestions: [...get().appliedSuggestions.filter((a) => a.suggestion.id !== suggestion.id), { suggestion, undo, index }] });
      await get().loadReport();
    } catch (error) {
      get().notify({ kind: 'error', message: errorMessage(error) });
    } finally {
      set({ suggestionBusy: null });
    }
  },
  async undoSuggestion(id) {
    const applied = get().appliedSuggestions;
    const at = applied.findIndex((a) => a.suggestion.id === id);
    const entry = applied[at];
    if (!entry || get().suggestionBusy) return;
    set({ suggestionBusy: id });
    try {
      get().receiveSettings(await api.patchSettings(entry.undo));
      // A suggestion applied after this one to the same setting is undone with it: its values go too.
      const paths = patchedPaths(entry.undo);
      const undoneToo = new Set(applied.slice(at + 1).filter((a) => overlaps(patchedPaths(a.undo), paths)));
      set({ appliedSuggestions: applied.filter((a) => a !== entry && !undoneToo.has(a)) });
      await get().loadReport();
    } catch (error) {
      get().notify({ kind: 'error', message: errorMessage(error) });
    } finally {
      set({ suggestionBusy: null });
    }
  },
});
