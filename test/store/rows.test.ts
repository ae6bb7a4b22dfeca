import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../main/core/types.ts';
import { createRepository } from '../../main/store/repository.ts';
import { blockFromRow, itemFromRow, itemParams } from '../../main/store/rows.ts';
import { useTempDirs } from '../support/tempDir.ts';

const item = (extra: Partial<Item> = {}): Item => ({
  id: 'a', source: 'slack', title: 'hello', receivedAt: 1_700_000_000_000, disposition: 'held', rule: null, status: 'held',
  blockId: null, batchId: null, releasedAt: null, snoozedUntil: null, handledAt: null, ...extra,
});

describe('database rows', () => {
  const tempDir = useTempDirs();

  it('keeps optional fields absent, not undefined, after a round trip', () => {
    const read = itemFromRow(itemParams(item()));
    expect(Object.keys(read).sort()).toEqual(Object.keys(item()).sort());
    const full = item({ body: 'b', sender: 's', url: 'https://x.test', priority: 'urgent', tags: [], dedupeKey: 'k', app: 'A', category: 'c' });
    expect(itemFromRow(itemParams(full))).toEqual(full);
  });

  it('refuses an unknown enum value with an error naming the column', () => {
    expect(() => itemFromRow({ ...itemParams(item()), disposition: 'maybe' })).toThrow(/items .*disposition/);
    expect(() => itemFromRow({ ...itemParams(item()), status: 'archived' })).toThrow(/items .*status/);
    expect(() => itemFromRow({ ...itemParams(item()), rule: 'luck' })).toThrow(/items .*rule/);
    expect(() => itemFromRow({ ...itemParams(item()), priority: 'meh' })).toThrow(/items .*priority/);
    const block = { id: 'b', kind: 'adhoc', started_at: 1, ends_at: 2, ended_at: null, end_reason: null };
    expect(blockFromRow(block)).toEqual({ id: 'b', kind: 'adhoc', startedAt: 1, endsAt: 2, endedAt: null, endReason: null });
    expect(() => blockFromRow({ ...block, kind: 'nap' })).toThrow(/blocks .*kind/);
    expect(() => blockFromRow({ ...block, end_reason: 'bored' })).toThrow(/blocks .*end_reason/);
  });

  it('refuses malformed tags, and never puts the row text in the error', () => {
    expect(() => itemFromRow({ ...itemParams(item({ title: 'secret words' })), tags: '{not json' })).toThrow(/tags/);
    expect(() => itemFromRow({ ...itemParams(item()), tags: '[1, 2]' })).toThrow(/tags/);
    expect(() => itemFromRow({ ...itemParams(item({ title: 'secret words' })), disposition: 'maybe' })).not.toThrow(/secret/);
  });

  it('a row written by an older or broken version fails loudly when read from SQLite', async () => {
    const path = join(tempDir(), 'lull.db');
    const repo = createRepository(path);
    await repo.commitItem(item());
    repo.close();
    const db = new DatabaseSync(path);
    db.prepare("UPDATE items SET disposition = 'snoozed' WHERE id = 'a'").run();
    db.close();
    const reopened = createRepository(path);
    expect(() => reopened.getItem('a')).toThrow(/disposition/);
    reopened.close();
  });
});
