import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../main/store/groupCommit.ts';

describe('group commit', () => {
  it('writes everything that arrived in one turn as one group, and resolves after the write', async () => {
    const groups: number[][] = [];
    let pending: (() => void) | null = null;
    const gc = groupCommit<number>((values) => groups.push([...values]), (fn) => (pending = fn));
    const settled: number[] = [];
    const all = [1, 2, 3].map((n) => gc.add(n).then(() => settled.push(n)));
    await Promise.resolve();
    expect(settled).toEqual([]); // nothing is acknowledged before the write
    pending!();
    await Promise.all(all);
    expect(groups).toEqual([[1, 2, 3]]);
    expect(settled).toEqual([1, 2, 3]);
  });

  it('rejects every member of a group whose write failed, and keeps working', async () => {
    let fail = true;
    const gc = groupCommit<number>(() => {
      if (fail) throw new Error('disk full');
    }, queueMicrotask);
    const results = await Promise.allSettled([gc.add(1), gc.add(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(gc.add(3)).resolves.toBeUndefined();
  });

  it('flush() writes what waits at once, so a later write cannot overtake it', () => {
    const groups: number[][] = [];
    const gc = groupCommit<number>((values) => groups.push([...values]), () => {});
    void gc.add(7);
    gc.flush();
    expect(groups).toEqual([[7]]);
  });
});
