// The words of the tray: tooltip, status line and menu labels, in English or Swedish (the "tray"
// namespace of main/i18n), with times in the user's locale and 12/24-hour habit ("until 11:30",
// "next batch at 12:00 (in 40 min)"). Counts only, never content: nothing here ever sees an item
// (what waits for review comes in as counts, reviewCount.ts).
import type { Status } from '../core/types.ts';
import { terseUnits, translator, type Language, type Strings } from '../i18n/index.ts';
import { clockTime as formatClock, duration as formatDuration, minutesUntil } from '../i18n/time.ts';
import type { ReviewCount } from './reviewCount.ts';

export type TrayLanguage = Language;
export type TrayIconState = 'idle' | 'focusing' | 'holding';
/** A key as `say` takes it: plural keys without their _one/_other (i18next picks one by `count`). */
type Unplural<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
export type TrayMessage = Unplural<keyof Strings['tray']>;

const NOTHING: ReviewCount = { items: 0, conversations: 0 };

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

/**
 * What waits for review, as entries: "9 to review in 2 conversations" ("3 to review" when nothing
 * was grouped: "in 3 conversations" would add nothing). Empty when nothing waits.
 */
export function reviewLine(review: ReviewCount, words: TrayWords): string {
  if (review.items === 0) return '';
  if (review.conversations < review.items) return say(words, 'toReviewIn', { n: review.items, count: review.conversations });
  return say(words, 'toReview', { count: review.items });
}

/**
 * The first line of the menu and of the tooltip. During a block it says only how many are held
 * ("7 held"): what waits for review is a pull the block is there to keep away; after it, the tray
 * says what waits, as entries.
 */
export function statusLine(status: Status, now: number, words: TrayWords, review: ReviewCount = NOTHING): string {
  const block = status.block;
  const head = block ? say(words, 'focusingUntil', { time: clockTime(block.endsAt, words), left: duration(block.endsAt - now, words) }) : say(words, 'idle');
  const parts = [head];
  if (status.held > 0) parts.push(say(words, 'held', { n: status.held }));
  if (!block && review.items > 0) parts.push(reviewLine(review, words));
  return parts.join(' · ');
}

export function nextBatchLine(status: Status, now: number, words: TrayWords): string {
  if (status.nextBatchAt === null) return say(words, 'noBatch');
  return say(words, 'nextBatch', { time: clockTime(status.nextBatchAt, words), in: duration(status.nextBatchAt - now, words) });
}

export function tooltip(status: Status, now: number, words: TrayWords, review: ReviewCount = NOTHING): string {
  return `Lull — ${statusLine(status, now, words, review)}\n${nextBatchLine(status, now, words)}`;
}
