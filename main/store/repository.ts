// The durable store behind the engine: node:sqlite in WAL mode with synchronous=FULL. New
// items go through group commit; every other write first flushes what is waiting, so the
// order of writes is the order the engine made them.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { z } from 'zod';
import type { EngineMeta, EngineStore, ItemPage, ItemPatch, ItemQuery } from '../core/ports.ts';
import { LullError, type Batch, type FocusBlock, type Item } from '../core/types.ts';
import { openDatabase } from './database.ts';
import { groupCommit } from './groupCommit.ts';
import { blockFromRow, itemFromRow, itemParams, type Row } from './rows.ts';

export interface Repository extends EngineStore {
  /** The open database, for the other stores that share the file (tokens). */
  readonly db: DatabaseSync;
  close(): void;
}

const metaSchema = z.object({
  lastTickAt: z.number().nullable().default(null),
  skipDate: z.string().nullable().default(null),
  endedOccurrence: z.number().nullable().default(null),
  retentionAt: z.number().nullable().default(null),
});

const cursorSchema = z.tuple([z.number(), z.string()]);
const encodeCursor = (i: Item): string => Buffer.from(JSON.stringify([i.receivedAt, i.id])).toString('base64url');

function decodeCursor(cursor: string | undefined): [number, string] {
  if (cursor === undefined) return [Number.MIN_SAFE_INTEGER, ''];
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new LullError('invalid', 'cursor is not one this server gave out');
  }
}

const ITEM_COLUMNS = Object.keys(itemParams({ id: '', receivedAt: 0, source: '', title: '', disposition: 'held', rule: null, status: 'held', blockId: null, batchId: null, releasedAt: null, snoozedUntil: null, handledAt: null }));
const PATCH_COLUMNS: Record<keyof ItemPatch, string> = { status: 'status', batchId: 'batch_id', releasedAt: 'released_at', snoozedUntil: 'snoozed_until', handledAt: 'handled_at', verdict: 'verdict' };

export function createRepository(path: string): Repository {
  const db = openDatabase(path);
  const q = statements(db);
  const transaction = <T>(fn: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const out = fn();
      db.exec('COMMIT');
      return out;
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  };
  const commits = groupCommit<Item>((items) => transaction(() => { for (const item of items) q.insertItem.run(itemParams(item)); }));
  const rows = (stmt: StatementSync, ...params: (string | number | null)[]): Row[] => stmt.all(...params) as Row[];
  // Any write or read after a pending commit must see it, so flush first.
  const write = <T>(fn: () => T): T => {
    commits.flush();
    return fn();
  };

  return {
    db,
    load(since) {
      commits.flush();
      const meta = q.getMeta.get('engine') as { value: string } | undefined;
      const open = rows(q.openBlocks).map(blockFromRow);
      return {
        held: rows(q.itemsByStatus, 'held').map(itemFromRow),
        recent: rows(q.itemsSince, since).map(itemFromRow),
        activeBlock: open[open.length - 1] ?? null,
        meta: metaSchema.catch(metaSchema.parse({})).parse(meta ? JSON.parse(meta.value) : {}),
      };
    },
    commitItem: (item) => commits.add(item),
    updateItems(ids, patch) {
      const entries = Object.entries(patch) as [keyof ItemPatch, string | number | null][];
      if (ids.length === 0 || entries.length === 0) return;
      const sql = `UPDATE items SET ${entries.map(([k]) => `${PATCH_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`;
      const stmt = db.prepare(sql);
      write(() => transaction(() => { for (const id of ids) stmt.run(...entries.map(([, v]) => v), id); }));
    },
    saveBlock: (block) => write(() => q.upsertBlock.run({ id: block.id, kind: block.kind, started_at: block.startedAt, ends_at: block.endsAt, ended_at: block.endedAt, end_reason: block.endReason })),
    saveBatch(batch: Batch, itemIds) {
      write(() =>
        transaction(() => {
          q.insertBatch.run(batch.id, batch.at, batch.reason, batch.count);
          // One statement for the whole batch: 10,000 ids cross into SQLite once, as JSON.
          q.releaseItems.run(batch.id, batch.at, JSON.stringify(itemIds));
        }),
      );
    },
    saveMeta: (meta: EngineMeta) => write(() => q.putMeta.run('engine', JSON.stringify(meta))),
    getItem(id) {
      commits.flush();
      const row = q.getItem.get(id) as Row | undefined;
      return row ? itemFromRow(row) : null;
    },
    listItems(query: ItemQuery): ItemPage {
      commits.flush();
      const [afterTime, afterId] = decodeCursor(query.cursor);
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (query.status) {
        where.push(`status IN (${query.status.map(() => '?').join(',')})`);
        params.push(...query.status);
      }
      // Written out (not bound) so the planner can use the partial index of migration 3.
      if (query.unjudged) where.push("disposition = 'breakthrough' AND verdict IS NULL");
      if (query.since !== undefined) {
        where.push('received_at >= ?');
        params.push(query.since);
      }
      where.push('(received_at > ? OR (received_at = ? AND id > ?))');
      const sql = `SELECT * FROM items WHERE ${where.join(' AND ')} ORDER BY received_at, id LIMIT ?`;
      const page = (db.prepare(sql).all(...params, afterTime, afterTime, afterId, query.limit + 1) as Row[]).map(itemFromRow);
      const more = page.length > query.limit;
      const items = more ? page.slice(0, query.limit) : page;
      const last = items[items.length - 1];
      return { items, nextCursor: more && last ? encodeCursor(last) : null };
    },
    itemsBetween(from, to) {
      commits.flush();
      return rows(q.itemsBetween, from, to).map(itemFromRow);
    },
    blocksBetween(from, to): FocusBlock[] {
      commits.flush();
      return rows(q.blocksBetween, from, to).map(blockFromRow);
    },
    eraseTextBefore: (before) => write(() => Number(q.eraseText.run(before).changes)),
    eraseBodies: () => write(() => Number(q.eraseBodies.run().changes)),
    close() {
      commits.flush();
      if (db.isOpen) db.close();
    },
  };
}

function statements(db: DatabaseSync) {
  return {
    insertItem: db.prepare(`INSERT INTO items (${ITEM_COLUMNS.join(', ')}) VALUES (${ITEM_COLUMNS.map((c) => `:${c}`).join(', ')})`),
    getItem: db.prepare('SELECT * FROM items WHERE id = ?'),
    itemsByStatus: db.prepare('SELECT * FROM items WHERE status = ? ORDER BY received_at, id'),
    itemsSince: db.prepare('SELECT * FROM items WHERE received_at >= ? ORDER BY received_at, id'),
    itemsBetween: db.prepare('SELECT * FROM items WHERE received_at >= ? AND received_at < ? ORDER BY received_at, id'),
    releaseItems: db.prepare("UPDATE items SET status = 'released', batch_id = ?, released_at = ?, snoozed_until = NULL WHERE id IN (SELECT value FROM json_each(?))"),
    openBlocks: db.prepare('SELECT * FROM blocks WHERE ended_at IS NULL ORDER BY started_at'),
    blocksBetween: db.prepare('SELECT * FROM blocks WHERE started_at >= ? AND started_at < ? ORDER BY started_at'),
    upsertBlock: db.prepare(`INSERT INTO blocks (id, kind, started_at, ends_at, ended_at, end_reason) VALUES (:id, :kind, :started_at, :ends_at, :ended_at, :end_reason)
                             ON CONFLICT (id) DO UPDATE SET ends_at = excluded.ends_at, ended_at = excluded.ended_at, end_reason = excluded.end_reason`),
    insertBatch: db.prepare('INSERT INTO batches (id, at, reason, count) VALUES (?, ?, ?, ?)'),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    putMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    // Text past retention is erased; the row (source, disposition, times) stays for the reports.
    eraseText: db.prepare(`UPDATE items SET title = '', body = NULL, sender = NULL, url = NULL, tags = NULL, dedupe_key = NULL, thread = NULL, text_erased = 1
                           WHERE received_at < ? AND text_erased = 0`),
    eraseBodies: db.prepare('UPDATE items SET body = NULL WHERE body IS NOT NULL'),
  };
}
