// Consent before holding (PRODUCT.md §2): scheduled blocks hold only once the user has said from
// when. `scheduleFrom` null means not yet; an occurrence that starts before it does not start by
// itself. A block started by hand never asks: it is the user's word.
import { nextOccurrenceAfter, occurrenceAt, type Occurrence } from './schedule.ts';
import type { Settings } from './settings.ts';

/** "Start now" (the planned block running now holds too) or "from the next planned block". */
export type ScheduleStart = 'now' | 'next';

export interface ScheduleConsent {
  /** Scheduled blocks starting at or after this instant hold by themselves; null: not chosen yet. */
  from: number | null;
  /** The planned block running now (which "start now" starts), if any. */
  current: Occurrence | null;
  /** The first planned block that starts after now, if any within two weeks. */
  next: Occurrence | null;
}

type ScheduleSettings = Pick<Settings, 'schedule' | 'timeZone' | 'scheduleFrom'>;

/** Whether the scheduled occurrence starting at `start` may start by itself. */
export function scheduleAllows(scheduleFrom: string | null, start: number): boolean {
  return scheduleFrom !== null && start >= Date.parse(scheduleFrom);
}

/** The `scheduleFrom` a choice made at `now` means: the running occurrence's start, or now. */
export function scheduleFromFor(choice: ScheduleStart, settings: ScheduleSettings, now: number): string {
  const running = choice === 'now' ? occurrenceAt(settings.schedule, settings.timeZone, now) : null;
  return new Date(running?.start ?? now).toISOString();
}

/** What the first run and the Today view show: the choice made, the block running now, the next one. */
export function scheduleConsent(settings: ScheduleSettings, now: number): ScheduleConsent {
  return {
    from: settings.scheduleFrom === null ? null : Date.parse(settings.scheduleFrom),
    current: occurrenceAt(settings.schedule, settings.timeZone, now),
    next: nextOccurrenceAfter(settings.schedule, settings.timeZone, now),
  };
}
