// Opens the SQLite file: WAL, synchronous=FULL (every commit is on disk before it returns),
// and the schema migrated to the newest version in one transaction.
import { DatabaseSync } from 'node:sqlite';
import { migrations } from './schema.ts';

export function openDatabase(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return Number(row?.user_version ?? 0);
}

function migrate(db: DatabaseSync): void {
  const from = schemaVersion(db);
  if (from > migrations.length) {
    throw new Error(`the database was written by a newer Lull (schema ${from}, this version knows ${migrations.length})`);
  }
  if (from === migrations.length) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (let v = from; v < migrations.length; v++) db.exec(migrations[v] ?? '');
    db.exec(`PRAGMA user_version = ${migrations.length}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
