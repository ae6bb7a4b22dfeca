// Statistics on what Lull spared: interruption moments, refocus time saved, holding times.
// Pure functions over items and blocks; the report and the dashboard both use them.
import { BREAKTHROUGH_RULES, type BreakthroughRule, type Disposition, type FocusBlock, type Item } from './types.ts';
import { DISPOSITIONS } from './vocabulary.ts';

const MINUTE = 60_000;
/** Held items that arrive within this gap of the previous one belong to the same moment. */
export const MOMENT_GAP_MS = 2 * MINUTE;

/** Bursts count once: a new moment starts when the gap since the previous arrival exceeds 2 min. */
export function countMoments(arrivals: readonly number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let moments = 0;
  let previous = -Infinity;
  for (const t of sorted) {
    if (t - previous > MOMENT_GAP_MS) moments++;
    previous = t;
  }
  return moments;
}

/** How long a block ran: to its end, or for a running one to `now`. Refocus time saved is capped by it. */
export function blockMinutes(block: FocusBlock, now = Infinity): number {
  const end = block.endedAt ?? Math.min(block.endsAt, now);
  return Math.max(0, (end - block.startedAt) / MINUTE);
}

/**
 * Refocus time saved, an estimate: per block, moments avoided × refocus cost, never more than
 * the block's own length. Items held outside any block count against no cap of their own.
 */
export function refocusMinutesSaved(held: readonly Item[], blocks: readonly FocusBlock[], refocusMinutes: number, now?: number): number {
  const byBlock = new Map<string, number[]>();
  for (const item of held) {
    if (item.disposition !== 'held' || item.blockId === null) continue;
    const list = byBlock.get(item.blockId) ?? [];
    list.push(item.receivedAt);
    byBlock.set(item.blockId, list);
  }
  let total = 0;
  for (const block of blocks) {
    const arrivals = byBlock.get(block.id);
    if (!arrivals) continue;
    total += Math.min(countMoments(arrivals) * refocusMinutes, blockMinutes(block, now));
  }
  return Math.round(total);
}

/** How many items of each disposition (held, delivered, breakthrough), every one counted. */
export function countByDisposition(items: readonly Item[]): Record<Disposition, number> {
  const out = Object.fromEntries(DISPOSITIONS.map((d) => [d, 0])) as Record<Disposition, number>;
  for (const item of items) out[item.disposition]++;
  return out;
}

/** Items that resolved themselves (withdrawn by their source, or expired) and so were never delivered late. */
export function countResolved(items: readonly Item[]): number {
  let n = 0;
  for (const item of items) if (item.status === 'resolved') n++;
  return n;
}

export function breakthroughsByRule(items: readonly Item[]): Record<BreakthroughRule, number> {
  const out = Object.fromEntries(BREAKTHROUGH_RULES.map((r) => [r, 0])) as Record<BreakthroughRule, number>;
  for (const item of items) if (item.disposition === 'breakthrough' && item.rule) out[item.rule]++;
  return out;
}

/** Minutes each item stayed held: until its release, or until the user handled it while held. */
export function holdMinutes(items: readonly Item[]): number[] {
  const out: number[] = [];
  for (const item of items) {
    if (item.disposition !== 'held') continue;
    const left = item.releasedAt ?? item.handledAt;
    if (left !== null) out.push((left - item.receivedAt) / MINUTE);
  }
  return out;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export interface DayStats extends Record<Disposition, number> {
  /** Of these, items that resolved themselves (countResolved). */
  resolved: number;
  moments: number;
  refocusMinutesSaved: number;
  breakthroughsByRule: Record<BreakthroughRule, number>;
}

/** Today's numbers for the dashboard (items and blocks of the day). */
export function dayStats(items: readonly Item[], blocks: readonly FocusBlock[], refocusMinutes: number, now?: number): DayStats {
  const held = items.filter((i) => i.disposition === 'held');
  return {
    ...countByDisposition(items),
    resolved: countResolved(items),
    moments: countMoments(held.map((i) => i.receivedAt)),
    refocusMinutesSaved: refocusMinutesSaved(held, blocks, refocusMinutes, now),
    breakthroughsByRule: breakthroughsByRule(items),
  };
}
