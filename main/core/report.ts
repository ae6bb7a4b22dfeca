// The weekly interruption report (PRODUCT.md §1.4) as data, per ISO week, with the previous
// week beside it. Planned focus is the weekly schedule's occurrences plus ad hoc blocks as asked.
import type { Language } from '../i18n/index.ts';
import { isoWeekDays, occurrences, previousIsoWeek, type WeeklyRule } from './schedule.ts';
import type { Settings } from './settings.ts';
import { blockMinutes, breakthroughsByRule, countByDisposition, countMoments, countResolved, holdMinutes, median, MOMENT_GAP_MS, refocusMinutesSaved } from './stats.ts';
import { breakthroughVerdicts, suggestChanges, type RuleVerdicts, type Suggestion } from './suggestions.ts';
import type { BreakthroughRule, Disposition, FocusBlock, Item } from './types.ts';

const HOUR = 3_600_000;
const TOP = 5;

export interface WeekData {
  items: readonly Item[];
  blocks: readonly FocusBlock[];
}

export interface ReportInput {
  week: string;
  timeZone: string;
  refocusMinutes: number;
  schedule: readonly WeeklyRule[];
  now: number;
  /** Loads items and blocks with a start in [from, to). */
  load(from: number, to: number): WeekData;
  /** The settings now, which the suggestions change (what no longer applies is not suggested). */
  settings: Settings;
  /** The language of the suggestions' text. */
  language: Language;
}

/** Besides these, the counts of each disposition (held, delivered, breakthrough). */
export interface WeekSummary extends Record<Disposition, number> {
  plannedHours: number;
  keptHours: number;
  blocksCompleted: number;
  blocksEndedEarly: number;
  arrivals: number;
  /** Items that resolved themselves while held or waiting (withdrawn, expired): never delivered late. */
  resolved: number;
  moments: number;
  refocusMinutesSaved: number;
  medianHoldMinutes: number | null;
  longestHoldMinutes: number | null;
}

export interface WeeklyReport extends WeekSummary {
  week: string;
  from: number;
  to: number;
  timeZone: string;
  days: ({ date: string; plannedHours: number; keptHours: number } & Record<Disposition, number>)[];
  breakthroughsByRule: Record<BreakthroughRule, number>;
  /** "Was it urgent?": each rule's breakthroughs with their verdicts, one row per rule. */
  breakthroughs: RuleVerdicts[];
  /** Changes to the urgent protocol that the verdicts suggest, each a settings patch. */
  suggestions: Suggestion[];
  topSources: { name: string; count: number }[];
  topSenders: { name: string; count: number }[];
  /** heatmap[weekday 0 = Monday][hour 0–23]: arrivals. */
  heatmap: number[][];
  /** The numbers behind the refocus estimate; the words "how we count" are each surface's (main/i18n). */
  refocusEstimate: { minutesPerMoment: number; momentGapMinutes: number };
  previous: WeekSummary & { week: string };
  change: Record<keyof WeekSummary, number | null>;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function top(values: readonly (string | undefined)[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, TOP);
}

/** Index of the interval of sorted `bounds` that holds t (binary search), or -1. */
function slot(bounds: readonly number[], t: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  if (t < (bounds[0] ?? Infinity) || t >= (bounds[hi] ?? -Infinity)) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((bounds[mid] ?? 0) <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

function summarize(input: ReportInput, data: WeekData, bounds: readonly number[]) {
  const from = bounds[0] ?? 0;
  const to = bounds[bounds.length - 1] ?? 0;
  const planned = occurrences(input.schedule, input.timeZone, from, to).filter((o) => o.start >= from && o.start < to);
  const plannedByDay = new Array<number>(7).fill(0);
  for (const o of planned) plannedByDay[slot(bounds, o.start)]! += (o.end - o.start) / HOUR;
  const keptByDay = new Array<number>(7).fill(0);
  for (const b of data.blocks) {
    const day = slot(bounds, b.startedAt);
    if (day < 0) continue;
    keptByDay[day]! += blockMinutes(b, input.now) / 60;
    if (b.kind === 'adhoc') plannedByDay[day]! += (b.endsAt - b.startedAt) / HOUR;
  }
  const held = data.items.filter((i) => i.disposition === 'held');
  const holds = holdMinutes(data.items);
  const summary: WeekSummary = {
    plannedHours: round1(plannedByDay.reduce((a, b) => a + b, 0)),
    keptHours: round1(keptByDay.reduce((a, b) => a + b, 0)),
    blocksCompleted: data.blocks.filter((b) => b.endReason === 'completed').length,
    blocksEndedEarly: data.blocks.filter((b) => b.endReason === 'ended-early' || b.endReason === 'skipped').length,
    arrivals: data.items.length,
    ...countByDisposition(data.items),
    resolved: countResolved(data.items),
    moments: countMoments(held.map((i) => i.receivedAt)),
    refocusMinutesSaved: refocusMinutesSaved(held, data.blocks, input.refocusMinutes, input.now),
    medianHoldMinutes: holds.length ? round1(median(holds) ?? 0) : null,
    longestHoldMinutes: holds.length ? round1(Math.max(...holds)) : null,
  };
  return { summary, plannedByDay, keptByDay };
}

/** Local hour starts of each day in the week, so DST days get their 23 or 25 hours right. */
function hourBounds(dayBounds: readonly number[], timeZone: string): number[] {
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  const out: number[] = [];
  for (let t = dayBounds[0] ?? 0; t < (dayBounds[7] ?? 0); t += HOUR / 4) {
    if (out.length === 0 || fmt.format(t) !== fmt.format(t - HOUR / 4)) out.push(t);
  }
  out.push(dayBounds[7] ?? 0);
  return out;
}

export function weeklyReport(input: ReportInput): WeeklyReport {
  const { dates, bounds } = isoWeekDays(input.week, input.timeZone);
  const from = bounds[0] ?? 0;
  const to = bounds[7] ?? 0;
  const data = input.load(from, to);
  const current = summarize(input, data, bounds);
  const prevWeek = previousIsoWeek(input.week);
  const prevBounds = isoWeekDays(prevWeek, input.timeZone).bounds;
  const previous = summarize(input, input.load(prevBounds[0] ?? 0, prevBounds[7] ?? 0), prevBounds).summary;

  const hours = hourBounds(bounds, input.timeZone);
  const hourFmt = new Intl.DateTimeFormat('en-GB', { timeZone: input.timeZone, hour: '2-digit', hourCycle: 'h23' });
  const hourOfSlot = hours.map((t) => Number(hourFmt.format(t)));
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const days = dates.map((date, d) => ({
    date,
    plannedHours: round1(current.plannedByDay[d] ?? 0),
    keptHours: round1(current.keptByDay[d] ?? 0),
    ...countByDisposition([]),
  }));
  for (const item of data.items) {
    const d = slot(bounds, item.receivedAt);
    const h = slot(hours, item.receivedAt);
    if (d < 0 || h < 0) continue;
    heatmap[d]![hourOfSlot[h] ?? 0]!++;
    days[d]![item.disposition]++;
  }
  const change = Object.fromEntries(
    (Object.keys(current.summary) as (keyof WeekSummary)[]).map((k) => {
      const a = current.summary[k];
      const b = previous[k];
      return [k, a === null || b === null ? null : round1(a - b)];
    }),
  ) as Record<keyof WeekSummary, number | null>;

  return {
    week: input.week,
    from,
    to,
    timeZone: input.timeZone,
    ...current.summary,
    days,
    breakthroughsByRule: breakthroughsByRule(data.items),
    breakthroughs: breakthroughVerdicts(data.items),
    suggestions: suggestChanges({ items: data.items, settings: input.settings, language: input.language }),
    topSources: top(data.items.map((i) => i.source)),
    topSenders: top(data.items.map((i) => i.sender)),
    heatmap,
    refocusEstimate: { minutesPerMoment: input.refocusMinutes, momentGapMinutes: MOMENT_GAP_MS / 60_000 },
    previous: { week: prevWeek, ...previous },
    change,
  };
}
