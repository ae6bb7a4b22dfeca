// The words of the tray: tooltip, status line and menu labels, in English or Swedish, with times
// in the user's locale and 12/24-hour habit ("until 11:30", "next batch at 12:00 (in 40 min)").
// Counts only, never content: nothing here ever sees an item.
import type { Status } from '../core/types.ts';

export type TrayLanguage = 'en' | 'sv';
export type TrayIconState = 'idle' | 'focusing' | 'holding';

const MESSAGES = {
  en: {
    focusingUntil: 'Focusing until {time} ({left} left)',
    idle: 'Not focusing',
    nextBatch: 'Next batch at {time} (in {in})',
    noBatch: 'No batch time set',
    held: '{n} held',
    startFocus: 'Start focus',
    minutes: '{n} minutes',
    untilNextBatch: 'Until the next batch ({time})',
    untilNextBatchNone: 'Until the next batch',
    custom: 'Custom…',
    endFocus: 'End focus now',
    release: 'Release held now',
    skip: "Skip today's schedule",
    dashboard: 'Open dashboard',
    settings: 'Settings…',
    quit: 'Quit Lull',
    hours: 'h',
  },
  sv: {
    focusingUntil: 'Fokus till {time} ({left} kvar)',
    idle: 'Inte i fokus',
    nextBatch: 'Nästa omgång {time} (om {in})',
    noBatch: 'Ingen omgångstid satt',
    held: '{n} väntar',
    startFocus: 'Starta fokus',
    minutes: '{n} minuter',
    untilNextBatch: 'Till nästa omgång ({time})',
    untilNextBatchNone: 'Till nästa omgång',
    custom: 'Egen tid…',
    endFocus: 'Avsluta fokus nu',
    release: 'Släpp det som väntar nu',
    skip: 'Hoppa över dagens schema',
    dashboard: 'Öppna översikten',
    settings: 'Inställningar…',
    quit: 'Avsluta Lull',
    hours: 'tim',
  },
} as const;

export type TrayMessage = keyof (typeof MESSAGES)['en'];

export interface TrayWords {
  language: TrayLanguage;
  /** BCP 47 locale whose time format the user is used to (the system's). */
  locale: string;
  timeZone: string;
}

export function say(words: TrayWords, key: TrayMessage, vars: Record<string, string | number> = {}): string {
  return MESSAGES[words.language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

export function clockTime(t: number, words: TrayWords): string {
  // 24-hour locales write 09:25, 12-hour ones 9:25 AM.
  const cycle = new Intl.DateTimeFormat(words.locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const hour = cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric';
  return new Intl.DateTimeFormat(words.locale, { hour, minute: '2-digit', timeZone: words.timeZone }).format(t);
}

/** "40 min", "1 h 10 min", rounded up to the minute so "0 min" never shows while time is left. */
export function duration(ms: number, words: TrayWords): string {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = say(words, 'hours');
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} ${hours}` : `${h} ${hours} ${m} min`;
}

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
