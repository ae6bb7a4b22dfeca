// The database schema as numbered migrations: `PRAGMA user_version` says how many have run.
// A migration is never edited once released; a change is a new entry at the end.
export const migrations: readonly string[] = [
  // 1: items, blocks, batches and the engine's meta.
  `CREATE TABLE items (
     id TEXT PRIMARY KEY,
     received_at INTEGER NOT NULL,
     source TEXT NOT NULL,
     title TEXT NOT NULL,
     body TEXT,
     sender TEXT,
     url TEXT,
     priority TEXT,
     tags TEXT,
     dedupe_key TEXT,
     app TEXT,
     category TEXT,
     disposition TEXT NOT NULL,
     rule TEXT,
     status TEXT NOT NULL,
     block_id TEXT,
     batch_id TEXT,
     released_at INTEGER,
     snoozed_until INTEGER,
     handled_at INTEGER,
     text_erased INTEGER NOT NULL DEFAULT 0
   ) STRICT;
   CREATE INDEX items_by_time ON items (received_at, id);
   CREATE INDEX items_by_status ON items (status, received_at, id);
   CREATE INDEX items_text_kept ON items (received_at) WHERE text_erased = 0;
   CREATE TABLE blocks (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     started_at INTEGER NOT NULL,
     ends_at INTEGER NOT NULL,
     ended_at INTEGER,
     end_reason TEXT
   ) STRICT;
   CREATE INDEX blocks_by_start ON blocks (started_at);
   CREATE INDEX blocks_open ON blocks (started_at) WHERE ended_at IS NULL;
   CREATE TABLE batches (
     id TEXT PRIMARY KEY,
     at INTEGER NOT NULL,
     reason TEXT NOT NULL,
     count INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX batches_by_time ON batches (at);
   CREATE TABLE meta (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL
   ) STRICT;`,
  // 2: the urgent protocol: a thread key, when an item resolves itself, and "was it urgent?".
  `ALTER TABLE items ADD COLUMN thread TEXT;
   ALTER TABLE items ADD COLUMN expires_at INTEGER;
   ALTER TABLE items ADD COLUMN verdict TEXT;
   CREATE INDEX items_by_thread ON items (source, thread) WHERE thread IS NOT NULL;`,
  // 3: the review's "was it urgent?" list: breakthroughs not yet judged, newest last.
  `CREATE INDEX items_unjudged ON items (received_at, id) WHERE disposition = 'breakthrough' AND verdict IS NULL;`,
  // 4: notify-only tokens (PRODUCT.md §4): stored as SHA-256 digests, never the secret.
  `CREATE TABLE tokens (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     scope TEXT NOT NULL,
     digest TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     last_used_at INTEGER
   ) STRICT;`,
];
