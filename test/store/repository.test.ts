import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { FocusEngine } from '../../main/core/engine.ts';
import { settingsSchema } from '../../main/core/settings.ts';
import type { Item } from '../../main/core/types.ts';
import { createRepository } from '../../main/store/repository.ts';
import { migrations } from '../../main/store/schema.ts';
import { openDatabase } from '../../main/store/database.ts';
import { FakeClock } from '../support/fakeClock.ts';
import { MemoryStore } from '../support/memoryStore.ts';
import { useTempDirs } from '../support/tempDir.ts';

const item = (id: string, extra: Partial<Item> = {}): Item => ({
  id, source: 'slack', title: `title ${id}`, receivedAt: 1_700_000_000_000, disposition: 'held', rule: null, status: 'held',
  blockId: null, batchId: null, releasedAt: null, snoozedUntil: null, handledAt: null, ...extra,
});

describe('SQLite repository', () => {
  const tempDir = useTempDirs();

  it('migrates an empty file to the newest schema in WAL mode with synchronous=FULL', () => {
    const path = join(tempDir(), 'lull.db');
    createRepository(path).close();
    const db = new DatabaseSync(path);
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length });
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
    expect(tables).toEqual(['batches', 'blocks', 'items', 'meta', 'tokens']);
    db.close();
    // synchronous is a setting of each connection: read it from the one the repository uses.
    const own = openDatabase(path);
    expect(own.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    own.close();
  });

  it('refuses a file written by a newer version rather than damaging it', () => {
    const path = join(tempDir(), 'lull.db');
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => createRepository(path)).toThrow(/newer Lull/);
  });

  it('keeps every field of an item unchanged across close and reopen, unicode included', async () => {
    const path = join(tempDir(), 'lull.db');
    const full = item('a', {
      body: 'Zoë 👩🏽‍💻 \u0000 nul, RTL \u202e, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', sender: 'Åsa', url: 'https://example.com/x?y=1', priority: 'high',
      tags: ['ci', 'räksmörgås'], dedupeKey: 'k1', app: 'Slack', category: 'im.received',
    });
    const plain = item('b', { disposition: 'breakthrough', rule: 'vip', status: 'delivered' });
    const repo = createRepository(path);
    await Promise.all([repo.commitItem(full), repo.commitItem(plain)]);
    repo.saveBlock({ id: 'blk', kind: 'adhoc', startedAt: 1, endsAt: 2, endedAt: null, endReason: null });
    repo.saveMeta({ lastTickAt: 5, skipDate: '2026-11-23', endedOccurrence: null, retentionAt: 4 });
    repo.close();
    const reopened = createRepository(path);
    expect(reopened.getItem('a')).toEqual(full);
    expect(reopened.getItem('b')).toEqual(plain);
    const state = reopened.load(0);
    expect(state.held.map((i) => i.id)).toEqual(['a']);
    expect(state.activeBlock?.id).toBe('blk');
    expect(state.meta).toEqual({ lastTickAt: 5, skipDate: '2026-11-23', endedOccurrence: null, retentionAt: 4 });
    reopened.close();
  });

  it('a batch marks its items released in the same transaction; updates apply in order after pending commits', async () => {
    const repo = createRepository(join(tempDir(), 'lull.db'));
    const pending = repo.commitItem(item('x'));
    // The release comes before the group commit's turn: it must still see the item.
    repo.saveBatch({ id: 'b1', at: 10, reason: 'manual', count: 1 }, ['x']);
    await pending;
    expect(repo.getItem('x')).toMatchObject({ status: 'released', batchId: 'b1', releasedAt: 10 });
    repo.updateItems(['x'], { status: 'done', handledAt: 11 });
    expect(repo.getItem('x')).toMatchObject({ status: 'done', handledAt: 11 });
    repo.close();
  });

  it('pages through items with an opaque cursor and refuses a forged one', async () => {
    const repo = createRepository(join(tempDir(), 'lull.db'));
    await Promise.all(Array.from({ length: 25 }, (_, i) => repo.commitItem(item(`i${String(i).padStart(2, '0')}`, { receivedAt: 1000 + Math.floor(i / 3) }))));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = repo.listItems({ status: ['held'], limit: 10, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `i${String(i).padStart(2, '0')}`));
    expect(() => repo.listItems({ limit: 10, cursor: 'bm90IGEgY3Vyc29y' })).toThrow(/cursor/);
    repo.close();
  });

  it('erases text past retention and keeps the row for the counts', async () => {
    const repo = createRepository(join(tempDir(), 'lull.db'));
    await repo.commitItem(item('old', { body: 'secret', sender: 'Anna <anna@x.test>', url: 'https://x.test', tags: ['t'], dedupeKey: '<m1@x.test>', thread: '<m0@x.test>', receivedAt: 100 }));
    await repo.commitItem(item('new', { body: 'kept', receivedAt: 300 }));
    expect(repo.eraseTextBefore(200)).toBe(1);
    expect(repo.eraseTextBefore(200)).toBe(0);
    expect(repo.getItem('old')).toEqual(item('old', { title: '', receivedAt: 100 }));
    expect(repo.getItem('new')?.body).toBe('kept');
    expect(repo.eraseBodies()).toBe(1);
    expect(repo.getItem('new')).toEqual(item('new', { receivedAt: 300 }));
    repo.close();
  });

  it('runs the engine across a restart: held items survive and the missed batch is released once', async () => {
    const path = join(tempDir(), 'lull.db');
    const settings = settingsSchema.parse({ timeZone: 'Europe/Stockholm', schedule: [] });
    const clock = new FakeClock('2026-11-23T09:30:00+01:00');
    const repo = createRepository(path);
    const engine = new FocusEngine({ clock, store: repo, settings });
    engine.start();
    engine.startFocus({ minutes: 600 });
    const held = await Promise.all(['a', 'b', 'c'].map((t) => engine.ingest({ source: 'test', title: t, body: `${t} body` })));
    engine.stop();
    repo.close();

    const later = new FakeClock('2026-11-23T12:20:00+01:00');
    const repo2 = createRepository(path);
    const engine2 = new FocusEngine({ clock: later, store: repo2, settings });
    const batches: number[] = [];
    engine2.on((e) => e.type === 'batch' && batches.push(e.batch.count));
    engine2.start();
    expect(batches).toEqual([3]);
    expect(engine2.status()).toMatchObject({ state: 'focus', held: 0 });
    for (const { item: i } of held) expect(repo2.getItem(i.id)).toMatchObject({ status: 'released', body: `${i.title} body` });
    engine2.stop();
    repo2.close();
  });

  it('stores no body in titles-only mode, end to end through SQLite', async () => {
    const path = join(tempDir(), 'lull.db');
    const repo = createRepository(path);
    const engine = new FocusEngine({ clock: new FakeClock('2026-11-23T08:00:00+01:00'), store: repo, settings: settingsSchema.parse({ storage: { mode: 'titles' }, schedule: [] }) });
    engine.start();
    const { item: stored } = await engine.ingest({ source: 's', title: 'hello', body: 'private words' });
    engine.stop();
    repo.close();
    const db = new DatabaseSync(path);
    expect(db.prepare('SELECT body FROM items WHERE id = ?').get(stored.id)).toEqual({ body: null });
    db.close();
  });

  it('lists every status when the query names none, resolved included (as the memory store does)', async () => {
    const repo = createRepository(join(tempDir(), 'lull.db'));
    await Promise.all(['held', 'released', 'delivered', 'done', 'dismissed', 'resolved'].map((status, n) => repo.commitItem(item(`s${n}`, { status: status as Item['status'], receivedAt: n }))));
    expect(repo.listItems({ limit: 10 }).items.map((i) => i.status)).toEqual(['held', 'released', 'delivered', 'done', 'dismissed', 'resolved']);
    repo.close();
  });

  it('lists the breakthroughs with no verdict and what resolved itself, since a moment, as the memory store does; the unjudged list reads its own index', async () => {
    const path = join(tempDir(), 'lull.db');
    const repo = createRepository(path);
    const memory = new MemoryStore();
    const items = [
      item('old', { disposition: 'breakthrough', rule: 'urgent', status: 'delivered', receivedAt: 100 }),
      item('open', { disposition: 'breakthrough', rule: 'vip', status: 'delivered', receivedAt: 200 }),
      item('judged', { disposition: 'breakthrough', rule: 'vip', status: 'delivered', receivedAt: 300, verdict: 'not-urgent' }),
      item('held', { receivedAt: 400 }),
      item('gone-old', { status: 'resolved', receivedAt: 150 }),
      item('gone', { status: 'resolved', receivedAt: 500 }),
    ];
    await Promise.all(items.map((i) => Promise.all([repo.commitItem(i), memory.commitItem(i)])));
    for (const store of [repo, memory]) {
      expect(store.listItems({ unjudged: true, limit: 10 }).items.map((i) => i.id)).toEqual(['old', 'open']);
      expect(store.listItems({ unjudged: true, since: 150, limit: 10 }).items.map((i) => i.id)).toEqual(['open']);
      expect(store.listItems({ status: ['resolved'], since: 150, limit: 10 }).items.map((i) => i.id)).toEqual(['gone-old', 'gone']);
      expect(store.listItems({ status: ['resolved'], since: 151, limit: 10 }).items.map((i) => i.id)).toEqual(['gone']);
    }
    repo.updateItems(['open'], { verdict: 'urgent' });
    expect(repo.listItems({ unjudged: true, limit: 10 }).items.map((i) => i.id)).toEqual(['old']);
    repo.close();
    const db = new DatabaseSync(path, { readOnly: true });
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM items WHERE disposition = 'breakthrough' AND verdict IS NULL AND received_at >= ? AND (received_at > ? OR (received_at = ? AND id > ?)) ORDER BY received_at, id LIMIT ?").all(0, 0, 0, '', 10);
    expect(JSON.stringify(plan)).toContain('items_unjudged');
    db.close();
  });
});
