// Domain objects as the API and the bridge show them: ISO-8601 times with the user's offset.
import { isoTime } from '../i18n/time.ts';
import type { WeeklyReport } from './report.ts';
import type { Batch, FocusBlock, Item, Status } from './types.ts';

// The one ISO-time formatter (main/i18n/time.ts): Temporal finds the offset, cached per quarter hour.
export { isoTime };

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
    ...(item.thread !== undefined && { thread: item.thread }),
    ...(item.expiresAt !== undefined && { expiresAt: isoTime(item.expiresAt, tz) }),
    ...(item.verdict !== undefined && { verdict: item.verdict }),
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
