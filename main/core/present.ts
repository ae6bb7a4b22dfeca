// Domain objects as the API and the bridge show them: ISO-8601 times with the user's offset.
import type { WeeklyReport } from './report.ts';
import type { Batch, FocusBlock, Item, Status } from './types.ts';

const QUARTER = 15 * 60_000;
const offsetCache = new Map<string, number>();

/** Offset of `timeZone` at `t` in minutes; offsets only change on quarter hours, so cache per quarter. */
function offsetMinutes(t: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(t / QUARTER)}`;
  let off = offsetCache.get(key);
  if (off === undefined) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(t);
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    off = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
    if (offsetCache.size > 10_000) offsetCache.clear();
    offsetCache.set(key, off);
  }
  return off;
}

/** 2026-11-23T09:00:00.000+01:00 */
export function isoTime(t: number, timeZone: string): string {
  const off = offsetMinutes(t, timeZone);
  const local = new Date(t + off * 60_000).toISOString().slice(0, 23);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const maybe = (t: number | null, tz: string): string | null => (t === null ? null : isoTime(t, tz));

export function presentItem(item: Item, tz: string) {
  return {
    id: item.id,
    source: item.source,
    title: item.title,
    ...(item.body !== undefined && { body: item.body }),
    ...(item.sender !== undefined && { sender: item.sender }),
    ...(item.url !== undefined && { url: item.url }),
    ...(item.priority !== undefined && { priority: item.priority }),
    ...(item.tags !== undefined && { tags: item.tags }),
    ...(item.app !== undefined && { app: item.app }),
    ...(item.category !== undefined && { category: item.category }),
    receivedAt: isoTime(item.receivedAt, tz),
    disposition: item.disposition,
    rule: item.rule,
    status: item.status,
    batchId: item.batchId,
    releasedAt: maybe(item.releasedAt, tz),
    snoozedUntil: maybe(item.snoozedUntil, tz),
  };
}

export function presentBlock(block: FocusBlock, tz: string) {
  return {
    id: block.id,
    kind: block.kind,
    startedAt: isoTime(block.startedAt, tz),
    endsAt: isoTime(block.endsAt, tz),
    endedAt: maybe(block.endedAt, tz),
    endReason: block.endReason,
  };
}

export function presentStatus(status: Status, tz: string) {
  return {
    state: status.state,
    block: status.block && presentBlock(status.block, tz),
    held: status.held,
    nextBatchAt: maybe(status.nextBatchAt, tz),
  };
}

export function presentBatch(batch: Batch, tz: string) {
  return { id: batch.id, at: isoTime(batch.at, tz), reason: batch.reason, count: batch.count };
}

export function presentReport(report: WeeklyReport) {
  return { ...report, from: isoTime(report.from, report.timeZone), to: isoTime(report.to, report.timeZone) };
}
