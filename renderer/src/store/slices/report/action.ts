// Loading a week's report (the view moves between weeks by link) and exporting it (CSV here, PDF by main or
// the browser's print). The CSV is made by the same function the CLI and the API use.
import { weeklyReportCsv } from '../../../../../main/core/reportCsv.ts';
import { errorMessage, type SliceCreator } from '../../slice.ts';
import type { SessionSlice } from '../session/action.ts';
import { initialReportState, type ReportState } from './initialState.ts';

export interface ReportAction {
  loadReport(week?: string | null): Promise<void>;
  /** The report as CSV text and a file name for it, or null while none is loaded. */
  reportCsv(): { name: string; text: string } | null;
  exportPdf(): Promise<void>;
}

export type ReportSlice = ReportState & ReportAction;

export const createReportSlice: SliceCreator<ReportSlice, Pick<SessionSlice, 'notify'>> = (set, get, { api }) => ({
  ...initialReportState,
  async loadReport(week = get().reportWeek) {
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
});
