// The intake between the bus and the engine: commits overlap up to a limit, the queue behind them
// is bounded in count and text, and what cannot be taken in is counted, never silently lost.
import { describe, expect, it } from 'vitest';
import type { IncomingItem, IngestResult, Item } from '../../../main/core/types.ts';
import { Intake } from '../../../main/sources/desktopBus/intake.ts';

const item = (title: string, body = ''): IncomingItem => ({ source: 'desktop', title, body });

/** An ingest whose commits finish only when the test says so. */
function slowIngest() {
  const pending: (() => void)[] = [];
  const seen: string[] = [];
  const ingest = (i: IncomingItem): Promise<IngestResult> => {
    seen.push(i.title);
    return new Promise((resolve) => pending.push(() => resolve({ item: { ...i, id: i.title } as Item, duplicate: false })));
  };
  const finishAll = async () => {
    while (pending.length) {
      for (const f of pending.splice(0)) f();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { ingest, pending, seen, finishAll };
}

describe('intake', () => {
  it('keeps order, overlaps at most maxInFlight commits, and drains', async () => {
    const slow = slowIngest();
    const intake = new Intake({ ingest: slow.ingest, maxInFlight: 3, maxQueued: 100 });
    for (let i = 0; i < 10; i++) expect(intake.push(item(`n${i}`))).toBe(true);
    expect(intake.stats()).toMatchObject({ inFlight: 3, queued: 7 });
    const drained = intake.drained();
    await slow.finishAll();
    await drained;
    expect(slow.seen).toEqual(Array.from({ length: 10 }, (_, i) => `n${i}`));
    expect(intake.stats()).toMatchObject({ recorded: 10, dropped: 0, queued: 0, inFlight: 0, peakQueued: 7 });
  });

  it('past its count or text budget it refuses and counts the loss', async () => {
    const slow = slowIngest();
    const intake = new Intake({ ingest: slow.ingest, maxInFlight: 1, maxQueued: 2, maxQueuedChars: 100_000 });
    const taken = Array.from({ length: 5 }, (_, i) => intake.push(item(`n${i}`)));
    expect(taken).toEqual([true, true, true, false, false]);
    const big = new Intake({ ingest: slowIngest().ingest, maxInFlight: 1, maxQueued: 1000, maxQueuedChars: 20_000 });
    const bigTaken = Array.from({ length: 5 }, (_, i) => big.push(item(`b${i}`, 'x'.repeat(8192))));
    expect(bigTaken).toEqual([true, true, true, false, false]);
    expect(big.stats().dropped).toBe(2);
    await slow.finishAll();
    expect(intake.stats()).toMatchObject({ recorded: 3, dropped: 2 });
  });

  it('a commit that fails is counted and reported; the rest go on', async () => {
    const failures: unknown[] = [];
    const intake = new Intake({
      ingest: async (i) => {
        if (i.title === 'bad') throw new Error('disk full');
        return { item: { ...i, id: i.title } as Item, duplicate: false };
      },
      onFailed: (e) => failures.push(e),
    });
    intake.push(item('ok1'));
    intake.push(item('bad'));
    intake.push(item('ok2'));
    await intake.drained();
    expect(intake.stats()).toMatchObject({ recorded: 2, failed: 1 });
    expect(failures).toHaveLength(1);
  });
});
