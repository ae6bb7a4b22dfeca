// The engine's read side: one item, a page of items, the weekly report, today's numbers and the
// week grid. Nothing here changes state; held items are read from the hold, the rest from the store.
import type { Language } from '../i18n/index.ts';
import type { Clock, EngineStore, ItemPage, ItemQuery } from './ports.ts';
import { weeklyReport, type WeeklyReport } from './report.ts';
import { batchBoundaries, isIsoWeek, isoWeekDays, isoWeekOf, localDateOf, occurrences, type Occurrence } from './schedule.ts';
import { languageFor, type Settings } from './settings.ts';
import { dayStats, type DayStats } from './stats.ts';
import { LullError, type FocusBlock, type Item } from './types.ts';

export interface WeekSchedule {
  week: string;
  dates: string[];
  from: number;
  to: number;
  planned: Occurrence[];
  batches: number[];
  blocks: FocusBlock[];
}

export interface QueriesOptions {
  clock: Clock;
  store: EngineStore;
  settings: () => Settings;
  /** The held copy of an item, fresher than the store's while its commit is pending. */
  held: (id: string) => Item | undefined;
  /** The block running now, which the week grid shows before it is over. */
  activeBlock: () => FocusBlock | null;
}

/**
 * The language of the report's words (its suggestions): the setting, and for "system" the
 * process's own locale, which Node takes from LC_ALL / LC_MESSAGES / LANG (as the host's digests
 * and the CLI do) and Electron from the system's language (as the app's tray does).
 */
export const reportLanguage = (setting: Settings['language'], locale = new Intl.DateTimeFormat().resolvedOptions().locale): Language => languageFor(setting, locale);

export function createQueries({ clock, store, settings, held, activeBlock }: QueriesOptions) {
  /** This week by default; a malformed week is refused. */
  const weekOrThis = (week: string | undefined, now: number, timeZone: string): string => {
    const which = week ?? isoWeekOf(now, timeZone);
    if (!isIsoWeek(which)) throw new LullError('invalid', 'week must be an ISO week such as 2026-W47');
    return which;
  };

  return {
    /** One item by id, held or not; not-found otherwise. */
    getItem(id: string): Item {
      const item = held(id) ?? store.getItem(id);
      if (!item) throw new LullError('not-found', 'no item with that id');
      return item;
    },

    listItems(query: ItemQuery): ItemPage {
      return store.listItems(query);
    },

    /** The report of an ISO week (default: this one) with the week before it. */
    weeklyReport(week?: string): WeeklyReport {
      const now = clock.now();
      const s = settings();
      const { timeZone, refocusMinutes, schedule } = s;
      const which = weekOrThis(week, now, timeZone);
      const load = (from: number, to: number) => ({ items: store.itemsBetween(from, to), blocks: store.blocksBetween(from, to) });
      return weeklyReport({ week: which, timeZone, refocusMinutes, schedule, now, load, settings: s, language: reportLanguage(s.language) });
    },

    /** Today's numbers for the dashboard (local day in the configured time zone). */
    todayStats(): DayStats {
      const now = clock.now();
      const { timeZone, refocusMinutes } = settings();
      const from = localDateOf(now, timeZone).toZonedDateTime({ timeZone }).epochMilliseconds;
      return dayStats(store.itemsBetween(from, now + 1), store.blocksBetween(from, now + 1), refocusMinutes, now);
    },

    /** The week grid: planned blocks, batch times and the blocks that really ran. */
    weekSchedule(week?: string): WeekSchedule {
      const now = clock.now();
      const s = settings();
      const which = weekOrThis(week, now, s.timeZone);
      const { dates, bounds } = isoWeekDays(which, s.timeZone);
      const from = bounds[0] ?? now;
      const to = bounds[7] ?? now;
      const blocks = store.blocksBetween(from, to);
      const running = activeBlock();
      if (running && !blocks.some((b) => b.id === running.id) && running.startedAt < to) blocks.push(running);
      return { week: which, dates, from, to, planned: occurrences(s.schedule, s.timeZone, from, to), batches: batchBoundaries(s, from - 1, to - 1), blocks };
    },
  };
}

export type Queries = ReturnType<typeof createQueries>;
