// Store benchmarks: the raw node:sqlite insert rate with one synchronous=FULL transaction per
// item (the baseline group commit must beat), and the repository's group commit on the same disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Item } from '../main/core/types.ts';
import { createRepository } from '../main/store/repository.ts';
import type { Row } from './table.ts';

function inTempDir<T>(fn: (dir: string) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'lull-bench-store-'));
  return Promise.resolve(fn(dir)).finally(() => rmSync(dir, { recursive: true, force: true }));
}

function rawPerItem(dir: string, count: number): number {
  const db = new DatabaseSync(join(dir, 'raw.db'));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
  db.exec('CREATE TABLE items (id TEXT PRIMARY KEY, received_at INTEGER, source TEXT, title TEXT, body TEXT)');
  const insert = db.prepare('INSERT INTO items VALUES (?, ?, ?, ?, ?)');
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    db.exec('BEGIN');
    insert.run(`r${i}`, Date.now(), 'bench', `item ${i}`, 'a body of a typical length for a chat message');
    db.exec('COMMIT');
  }
  const rate = count / ((performance.now() - start) / 1000);
  db.close();
  return rate;
}

const item = (i: number): Item => ({
  id: `g${i}`, source: 'bench', title: `item ${i}`, body: 'a body of a typical length for a chat message', receivedAt: Date.now(),
  disposition: 'held', rule: null, status: 'held', blockId: null, batchId: null, releasedAt: null, snoozedUntil: null, handledAt: null,
});

async function groupCommitRate(dir: string, total: number, burst: number): Promise<number> {
  const repo = createRepository(join(dir, `group-${burst}.db`));
  const start = performance.now();
  for (let i = 0; i < total; i += burst) await Promise.all(Array.from({ length: burst }, (_, j) => repo.commitItem(item(i + j))));
  const rate = total / ((performance.now() - start) / 1000);
  repo.close();
  return rate;
}

async function benchStore(): Promise<Row[]> {
  return inTempDir(async (dir) => [
    { name: 'raw node:sqlite insert, one FULL transaction per item', value: rawPerItem(dir, 3_000), unit: 'items/s', baseline: true },
    { name: 'repository group commit, bursts of 100', value: await groupCommitRate(dir, 40_000, 100), unit: 'items/s' },
    { name: 'repository group commit, bursts of 1,000', value: await groupCommitRate(dir, 100_000, 1_000), unit: 'items/s' },
  ]);
}

export default { title: 'store (node:sqlite, WAL, synchronous=FULL)', run: benchStore };
