// Database rows to domain objects and back. Rows may come from an older version of Lull, so
// every enum is checked on the way in: an unknown value is a clear error, never a silent cast.
import type { BlockEnd, BlockKind, BreakthroughRule, Disposition, FocusBlock, Item, ItemStatus, Priority } from '../core/types.ts';

type Value = string | number | bigint | null | Uint8Array;
export type Row = Record<string, Value>;

function oneOf<T extends string>(allowed: readonly T[], field: string) {
  return (v: Value): T => {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    throw new Error(`database row has an unknown ${field}`);
  };
}

const disposition = oneOf<Disposition>(['held', 'delivered', 'breakthrough'], 'disposition');
const status = oneOf<ItemStatus>(['held', 'released', 'delivered', 'done', 'dismissed'], 'status');
const rule = oneOf<BreakthroughRule>(['urgent', 'vip', 'keyword', 'app', 'repeat'], 'rule');
const priority = oneOf<Priority>(['low', 'normal', 'high', 'urgent'], 'priority');
const kind = oneOf<BlockKind>(['adhoc', 'scheduled'], 'block kind');
const endReason = oneOf<BlockEnd>(['completed', 'ended-early', 'skipped'], 'block end');

const str = (v: Value): string => (typeof v === 'string' ? v : String(v ?? ''));
const opt = (v: Value): string | undefined => (v === null ? undefined : str(v));
const num = (v: Value): number => Number(v);
const numOrNull = (v: Value): number | null => (v === null ? null : Number(v));

function tags(v: Value): string[] | undefined {
  if (v === null) return undefined;
  const parsed: unknown = JSON.parse(str(v));
  if (!Array.isArray(parsed) || !parsed.every((t) => typeof t === 'string')) throw new Error('database row has malformed tags');
  return parsed;
}

export function itemFromRow(r: Row): Item {
  const item: Item = {
    id: str(r.id ?? null),
    receivedAt: num(r.received_at ?? null),
    source: str(r.source ?? null),
    title: str(r.title ?? null),
    disposition: disposition(r.disposition ?? null),
    rule: r.rule === null || r.rule === undefined ? null : rule(r.rule),
    status: status(r.status ?? null),
    blockId: r.block_id === null || r.block_id === undefined ? null : str(r.block_id),
    batchId: r.batch_id === null || r.batch_id === undefined ? null : str(r.batch_id),
    releasedAt: numOrNull(r.released_at ?? null),
    snoozedUntil: numOrNull(r.snoozed_until ?? null),
    handledAt: numOrNull(r.handled_at ?? null),
  };
  // Optional fields stay absent rather than undefined-valued, so items compare equal after a round trip.
  const optional: [keyof Item, string | string[] | undefined][] = [
    ['body', opt(r.body ?? null)],
    ['sender', opt(r.sender ?? null)],
    ['url', opt(r.url ?? null)],
    ['priority', r.priority === null || r.priority === undefined ? undefined : priority(r.priority)],
    ['tags', tags(r.tags ?? null)],
    ['dedupeKey', opt(r.dedupe_key ?? null)],
    ['app', opt(r.app ?? null)],
    ['category', opt(r.category ?? null)],
  ];
  for (const [key, value] of optional) if (value !== undefined) (item as unknown as Record<string, unknown>)[key] = value;
  return item;
}

export function itemParams(i: Item): Record<string, string | number | null> {
  return {
    id: i.id,
    received_at: i.receivedAt,
    source: i.source,
    title: i.title,
    body: i.body ?? null,
    sender: i.sender ?? null,
    url: i.url ?? null,
    priority: i.priority ?? null,
    tags: i.tags === undefined ? null : JSON.stringify(i.tags),
    dedupe_key: i.dedupeKey ?? null,
    app: i.app ?? null,
    category: i.category ?? null,
    disposition: i.disposition,
    rule: i.rule,
    status: i.status,
    block_id: i.blockId,
    batch_id: i.batchId,
    released_at: i.releasedAt,
    snoozed_until: i.snoozedUntil,
    handled_at: i.handledAt,
  };
}

export function blockFromRow(r: Row): FocusBlock {
  return {
    id: str(r.id ?? null),
    kind: kind(r.kind ?? null),
    startedAt: num(r.started_at ?? null),
    endsAt: num(r.ends_at ?? null),
    endedAt: numOrNull(r.ended_at ?? null),
    endReason: r.end_reason === null || r.end_reason === undefined ? null : endReason(r.end_reason),
  };
}
