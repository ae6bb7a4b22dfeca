// `exportPdf` of openLull in the desktop app: the weekly report printed by Chromium (printToPDF)
// in a hidden, script-less window that is destroyed right after, saved to the Downloads folder.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import type { WeeklyReportDto } from '../../preload/contract.ts';
import { reportDocument, type ReportWords } from './reportDocument.ts';
import { secureWebPreferences } from './security.ts';

export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  webContents: { printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> };
  destroy(): void;
}

export interface ReportPdfOptions {
  createWindow: (options: BrowserWindowConstructorOptions) => PrintWindowLike;
  report: (week: string | undefined) => WeeklyReportDto;
  /** The folder the PDF goes to (the user's Downloads). */
  folder: () => string;
  /** The user's language and locale (as the tray's); English when not given. */
  words?: () => ReportWords;
}

export function createReportPdf(opts: ReportPdfOptions): (week: string | undefined) => Promise<string> {
  return async (week) => {
    const report = opts.report(week);
    const win = opts.createWindow({ show: false, width: 900, height: 1200, webPreferences: { ...secureWebPreferences(), javascript: false } });
    try {
      await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(reportDocument(report, opts.words?.()))}`);
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, margins: { top: 0.6, bottom: 0.6, left: 0.6, right: 0.6 } });
      const path = freeName(opts.folder(), `Lull report ${report.week}`);
      writeFileSync(path, pdf);
      return path;
    } finally {
      win.destroy();
    }
  };
}

/** `name.pdf`, or `name (2).pdf` … when an earlier export is there. */
function freeName(folder: string, name: string): string {
  let path = join(folder, `${name}.pdf`);
  for (let n = 2; existsSync(path); n++) path = join(folder, `${name} (${n}).pdf`);
  return path;
}
