// Human output of the CLI in the terminal's language (LC_ALL, LC_MESSAGES, LANG: English or
// Swedish, the "cli" namespace of main/i18n) and times as people think of them ("until 11:30",
// "next batch at 12:00 (in 40 min)") in its locale's 12/24-hour habit, at the host's wall clock.
import { languageFor } from '../core/settings.ts';
import { localeFromPosix, terseUnits, translator, type Language } from '../i18n/index.ts';
import { clockTime, dateAndTime, duration, offsetOf } from '../i18n/time.ts';
import { isTroubled, type StatusDto, type TokenDto, type WeeklyReportDto } from '../../preload/contract.ts';

const env = (...names: string[]): string | undefined => names.map((n) => process.env[n]).find((v) => v !== undefined && v !== '');

/** The language and the time locale the terminal asks for, English when it says nothing we speak. */
export function terminalWords(): { language: Language; locale: string } {
  const messages = localeFromPosix(env('LC_ALL', 'LC_MESSAGES', 'LANG'));
  const time = localeFromPosix(env('LC_ALL', 'LC_TIME', 'LANG'));
  return { language: languageFor('system', messages ?? 'en'), locale: time ?? new Intl.DateTimeFormat().resolvedOptions().locale };
}

/** A time the host sent, at the wall clock of its own offset (the user's time zone then). */
const clock = (iso: string, locale: string): string => clockTime(iso, { locale, timeZone: offsetOf(iso) });

/** "40 min", "1 h 5 min" from now until `iso`. */
export function inMinutes(iso: string, now: number, words = terminalWords()): string {
  return duration((Date.parse(iso) - now) / 60_000, words.locale, terseUnits(words.language));
}

export function formatStatus(s: StatusDto, now = Date.now(), words = terminalWords()): string {
  const t = translator(words.language, 'cli');
  const next = s.nextBatchAt ? t('nextBatch', { time: clock(s.nextBatchAt, words.locale), in: inMinutes(s.nextBatchAt, now, words) }) : t('noBatch');
  const line = s.state === 'idle' ? t('idle', { next }) : s.block ? t('focusingUntil', { time: clock(s.block.endsAt, words.locale), held: s.held, next }) : t('focusing', { held: s.held, next });
  // A source that cannot do its work says why, one line each.
  const troubles = s.sources.filter(isTroubled).map((x) => `  ${x.name}: ${x.detail ?? x.state}`);
  return [line, ...troubles].join('\n');
}

export function formatReport(r: WeeklyReportDto, words = terminalWords()): string {
  const t = translator(words.language, 'cli');
  const min = terseUnits(words.language).minute;
  const sign = (n: number | null | undefined): string => (n === null || n === undefined ? '' : n > 0 ? ` (+${n})` : n < 0 ? ` (${n})` : ' (±0)');
  const row = (key: string, value: string): string => `  ${t(`report.${key}`).padEnd(28)} ${value}`;
  const lines = [
    t('report.head', { week: r.week, previous: r.previous.week }),
    row('kept', `${r.keptHours} / ${r.plannedHours}${sign(r.change.keptHours)}`),
    row('blocks', `${r.blocksCompleted}, ${r.blocksEndedEarly}`),
    row('held', `${r.held}${sign(r.change.held)}`),
    row('moments', `${r.moments}${sign(r.change.moments)}`),
    row('refocus', `${r.refocusMinutesSaved} ${min}${sign(r.change.refocusMinutesSaved)}`),
    row('holds', `${r.medianHoldMinutes ?? '–'} / ${r.longestHoldMinutes ?? '–'} ${min}`),
    row('rules', Object.entries(r.breakthroughsByRule).map(([k, v]) => `${k} ${v}`).join(', ')),
    row('sources', r.topSources.map((s) => `${s.name} ${s.count}`).join(', ') || '–'),
    translator(words.language, 'estimate')('howWeCount', { minutes: r.refocusEstimate.minutesPerMoment, gap: r.refocusEstimate.momentGapMinutes }),
  ];
  return lines.join('\n');
}

/** The notify-only tokens as a table: id, name, created, last used (never a secret). */
export function formatTokens(tokens: readonly TokenDto[], words = terminalWords()): string {
  const t = translator(words.language, 'cli');
  if (tokens.length === 0) return t('token.none');
  const at = (iso: string): string => dateAndTime(iso, { locale: words.locale, timeZone: offsetOf(iso) });
  const rows = [[t('token.id'), t('token.name'), t('token.created'), t('token.lastUsed')], ...tokens.map((k) => [k.id, k.name, at(k.createdAt), k.lastUsedAt ? at(k.lastUsedAt) : t('token.never')])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length))).join('  ')).join('\n');
}
