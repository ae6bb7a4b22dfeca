import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../main/store/repository.ts';
import { runChild } from '../support/child.ts';
import { useTempDirs } from '../support/tempDir.ts';

const child = join(import.meta.dirname, 'fixtures', 'ingestChild.ts');

describe('durability under kill -9', () => {
  const tempDir = useTempDirs();

  it('loses no acknowledged item when the process is killed mid-burst (8 rounds on one file)', async () => {
    const db = join(tempDir(), 'lull.db');
    let acknowledged = 0;
    for (let round = 0; round < 8; round++) {
      const c = runChild(child, [db, `r${round}`]);
      await c.waitFor((l) => l === 'ready');
      // Kill at a random moment once some items have been acknowledged.
      await c.waitFor((l) => l.startsWith(`r${round}-`) && Number(l.split('-')[1]) >= 200 + Math.floor(Math.random() * 2000));
      c.proc.kill('SIGKILL');
      expect((await c.exited).signal).toBe('SIGKILL');
      const acked = c.lines.filter((l) => l.startsWith(`r${round}-`));
      const repo = createRepository(db);
      const missing = acked.filter((id) => repo.getItem(id) === null);
      repo.close();
      expect(missing).toEqual([]);
      acknowledged += acked.length;
    }
    expect(acknowledged).toBeGreaterThan(8 * 200);
  });
});
