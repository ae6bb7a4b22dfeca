// Database rows to domain objects and back. Rows may come from an older version of Lull, so
// every enum is checked on the way in: an unknown value is a clear error, never a silent cast.
import type { BlockEnd, BlockKind, BreakthroughRule, Disposition, FocusBlock, Item, ItemStatus, Priority } from '../core/types.ts';

type Value = string | number | bigint | null | Uint8Array;
export type Row = Record<string, Value>;
/** A column read from a row: absent and NULL are the same thing here. */
type Cell = Value | undefined;

function oneOf<T extends string>(allowed: readonly T[], field: string) {
  return (v: Cell): T => {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    throw new Error(`database row has an unknown ${field}`);
  };
}

/** A reader of a nullable column: NULL stays null, anything else goes through `read`. */
const orNull =
  <T>(read: (v: Cell) => T) =>
  (v: Cell): T | null =>
    v === null || v === undefined ? null : read(v);

const disposition = oneOf<Disposition>(['held', 'delivered', 'breakthrough'], 'disposition');
const status = oneOf<ItemStatus>(['held', 'released', 'delivered', 'done', 'dismissed', 'resolved'], 'status');
const rule = orNull(oneOf<BreakthroughRule>(['urgent', 'vip', 'keyword', 'app', 'repeat'], 'rule'));
const priority = orNull(oneOf<Priority>(['low', 'normal', 'high', 'urgent'], 'priority'));
const kind = oneOf<BlockKind>(['adhoc', 'scheduled'], 'block kind');
const endReason = orNull(oneOf<BlockEnd>(['completed', 'ended-early', 'skipped'], 'block end'));

const str = (v: Cell): string => (typeof v === 'string' ? v : String(v ?? ''));
const num = (v: Cell): number => Number(v);
const strOrNull = orNull(str);
const numOrNull = orNull(num);

const tags = orNull((v): string[] => {
  const parsed: unknown = JSON.parse(str(v));
  if (!Array.isArray(parsed) || !parsed.every((t) => typeof t === 'string')) throw new Error('database row has malformed tags');
  return parsed;
});

export function itemFromRow(r: Row): Item {
  const item: Item = {
    id: str(r.id),
    receivedAt: num(r.received_at),
    source: str(r.source),
    title: str(r.title),
    disposition: disposition(r.disposition),
    rule: rule(r.rule),
    status: status(r.status),
    blockId: strOrNull(r.block_id),
    batchId: strOrNull(r.batch_id),
    releasedAt: numOrNull(r.released_at),
    snoozedUntil: numOrNull(r.snoozed_until),
    handledAt: numOrNull(r.handled_at),
  };
  // Optional fields stay absent rather than undefined-valued, so items compare equal after a round trip.
  const optional: [keyof Item, string | string[] | null][] = [
    ['body', strOrNull(r.body)],
    ['sender', strOrNull(r.sender)],
    ['url', strOrNull(r.url)],
    ['priority', priority(r.priority)],
    ['tags', tags(r.tags)],
    ['dedupeKey', strOrNull(r.dedupe_key)],
    ['app', strOrNull(r.app)],
    ['category', strOrNull(r.category)],
  ];
  for (const [key, value] of optional) if (value !== null) (item as unknown as Record<string, unknown>)[key] = value;
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
    id: str(r.id),
    kind: kind(r.kind),
    startedAt: num(r.started_at),
    endsAt: num(r.ends_at),
    endedAt: numOrNull(r.ended_at),
    endReason: endReason(r.end_reason),
  };
}
