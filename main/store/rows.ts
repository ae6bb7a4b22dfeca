// Database rows to domain objects and back. Rows may come from an older version of Lull, so
// each is validated on the way in by a schema built from the vocabulary's: an unknown value is
// a clear error naming its column, never a silent cast.
import { z } from 'zod';
import type { FocusBlock, Item } from '../core/types.ts';
import { blockEndSchema, blockKindSchema, breakthroughRuleSchema, dispositionSchema, itemStatusSchema, prioritySchema, verdictSchema } from '../core/vocabulary.ts';

type Value = string | number | bigint | null | Uint8Array;
export type Row = Record<string, Value>;

const tagsColumn = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'malformed tags' });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.string(), { error: 'malformed tags' }));

// Every column is there: migrations run before any read, so a row an older version wrote has
// the newest columns too. A nullable column reads NULL as absent.
const itemRowSchema = z.object({
  id: z.string(),
  received_at: z.number(),
  source: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  sender: z.string().nullable(),
  url: z.string().nullable(),
  priority: prioritySchema.nullable(),
  tags: tagsColumn.nullable(),
  dedupe_key: z.string().nullable(),
  app: z.string().nullable(),
  category: z.string().nullable(),
  disposition: dispositionSchema,
  rule: breakthroughRuleSchema.nullable(),
  status: itemStatusSchema,
  block_id: z.string().nullable(),
  batch_id: z.string().nullable(),
  released_at: z.number().nullable(),
  snoozed_until: z.number().nullable(),
  handled_at: z.number().nullable(),
  thread: z.string().nullable(),
  expires_at: z.number().nullable(),
  verdict: verdictSchema.nullable(),
});

const blockRowSchema = z.object({
  id: z.string(),
  kind: blockKindSchema,
  started_at: z.number(),
  ends_at: z.number(),
  ended_at: z.number().nullable(),
  end_reason: blockEndSchema.nullable(),
});

/** Parses a row, or throws an error that names the table and column (never the row's text). */
function parseRow<T>(schema: z.ZodType<T>, table: string, row: Row): T {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`database row in ${table} has an unknown or malformed ${issue?.path.join('.') ?? 'value'}: ${issue?.message ?? ''}`);
}

export function itemFromRow(row: Row): Item {
  const r = parseRow(itemRowSchema, 'items', row);
  const item: Item = {
    id: r.id,
    receivedAt: r.received_at,
    source: r.source,
    title: r.title,
    disposition: r.disposition,
    rule: r.rule ?? null,
    status: r.status,
    blockId: r.block_id ?? null,
    batchId: r.batch_id ?? null,
    releasedAt: r.released_at ?? null,
    snoozedUntil: r.snoozed_until ?? null,
    handledAt: r.handled_at ?? null,
  };
  // Optional fields stay absent rather than undefined-valued, so items compare equal after a round trip.
  if (r.body != null) item.body = r.body;
  if (r.sender != null) item.sender = r.sender;
  if (r.url != null) item.url = r.url;
  if (r.priority != null) item.priority = r.priority;
  if (r.tags != null) item.tags = r.tags;
  if (r.dedupe_key != null) item.dedupeKey = r.dedupe_key;
  if (r.app != null) item.app = r.app;
  if (r.category != null) item.category = r.category;
  if (r.thread != null) item.thread = r.thread;
  if (r.expires_at != null) item.expiresAt = r.expires_at;
  if (r.verdict != null) item.verdict = r.verdict;
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
    thread: i.thread ?? null,
    expires_at: i.expiresAt ?? null,
    verdict: i.verdict ?? null,
  };
}

export function blockFromRow(row: Row): FocusBlock {
  const r = parseRow(blockRowSchema, 'blocks', row);
  return { id: r.id, kind: r.kind, startedAt: r.started_at, endsAt: r.ends_at, endedAt: r.ended_at ?? null, endReason: r.end_reason ?? null };
}
