// The words of the tray: tooltip, status line and menu labels, in English or Swedish (the "tray"
// namespace of main/i18n), with times in the user's locale and 12/24-hour habit ("until 11:30",
// "next batch at 12:00 (in 40 min)"). Counts only, never content: nothing here ever sees an item.
import type { Status } from '../core/types.ts';
import { terseUnits, translator, type Language, type Strings } from '../i18n/index.ts';
import { clockTime as formatClock, duration as formatDuration, minutesUntil } from '../i18n/time.ts';

export type TrayLanguage = Language;
export type TrayIconState = 'idle' | 'focusing' | 'holding';
export type TrayMessage = keyof Strings['tray'];

export interface TrayWords {
  language: TrayLanguage;
  /** BCP 47 locale whose time format the user is used to (the system's). */
  locale: string;
  timeZone: string;
}

export function say(words: TrayWords, key: TrayMessage, vars: Record<string, string | number> = {}): string {
  return translator(words.language, 'tray')(key, vars);
}

export const clockTime = (t: number, words: TrayWords): string => formatClock(t, words);

/** "40 min", "1 h 10 min", rounded up to the minute so "0 min" never shows while time is left. */
export const duration = (ms: number, words: TrayWords): string => formatDuration(minutesUntil(ms, 0), words.locale, terseUnits(words.language));

export function iconState(status: Status): TrayIconState {
  if (status.held > 0) return 'holding';
  return status.state === 'focus' ? 'focusing' : 'idle';
}

/** The first line of the menu and of the tooltip. */
export function statusLine(status: Status, now: number, words: TrayWords): string {
  const block = status.block;
  const head = block ? say(words, 'focusingUntil', { time: clockTime(block.endsAt, words), left: duration(block.endsAt - now, words) }) : say(words, 'idle');
  return status.held > 0 ? `${head} · ${say(words, 'held', { n: status.held })}` : head;
}

export function nextBatchLine(status: Status, now: number, words: TrayWords): string {
  if (status.nextBatchAt === null) return say(words, 'noBatch');
  return say(words, 'nextBatch', { time: clockTime(status.nextBatchAt, words), in: duration(status.nextBatchAt - now, words) });
}

export function tooltip(status: Status, now: number, words: TrayWords): string {
  return `Lull — ${statusLine(status, now, words)}\n${nextBatchLine(status, now, words)}`;
}
