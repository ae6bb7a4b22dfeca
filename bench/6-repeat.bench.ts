// Repeat escalation benchmarks (issue "The urgent protocol, done right"): engine ingest during a
// block with one sender posting on and on, beside the same load with no sender. The attempt
// tracker is O(1) per arrival, so the figures stay alike however long the sender keeps posting
// (it used to filter the sender's whole list on every arrival). Durable runs use real SQLite files
// in a temp dir; the decision alone runs on the tests' memory store, so the store's cost does
// not hide the engine's. `node bench/run.ts 6` runs this suite alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FocusEngine } from '../main/core/engine.ts';
import type { Clock } from '../main/core/ports.ts';
import { settingsSchema } from '../main/core/settings.ts';
import type { EngineStore } from '../main/core/ports.ts';
import type { IncomingItem } from '../main/core/types.ts';
import { createRepository } from '../main/store/repository.ts';
import { MemoryStore } from '../test/support/memoryStore.ts';
import type { Row } from './table.ts';

// No batch times and a long hold: nothing is released while the bench posts.
const settings = settingsSchema.parse({ timeZone: 'Europe/Stockholm', schedule: [], batchTimes: [], maxHoldMinutes: 1440 });
const TOTAL = 40_000;
const BURST = 500;

interface Run {
  /** Items per second over the whole run. */
  rate: number;
  held: number;
}

type Backing = 'sqlite' | 'memory';

function openStore(backing: Backing): { store: EngineStore; close(): void } {
  if (backing === 'memory') return { store: new MemoryStore(), close: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'lull-bench-repeat-'));
  const repo = createRepository(join(dir, 'lull.db'));
  return {
    store: repo,
    close: () => {
      repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Posts TOTAL items in bursts of BURST during a block: `step` ms between arrivals, `pause` ms more before each burst. */
async function ingestOnce(backing: Backing, item: (i: number) => IncomingItem, step: number, pause = 0): Promise<Run> {
  const { store, close } = openStore(backing);
  let now = Date.parse('2026-11-23T09:30:00+01:00');
  const clock: Clock = { now: () => now, at: () => () => {} };
  const engine = new FocusEngine({ clock, store, settings });
  try {
    engine.start();
    engine.startFocus({ minutes: 720 });
    let held = 0;
    const start = performance.now();
    for (let i = 0; i < TOTAL; i += BURST) {
      now += pause;
      const results = await Promise.all(
        Array.from({ length: BURST }, (_, j) => {
          now += step;
          return engine.ingest(item(i + j));
        }),
      );
      held += results.filter((r) => r.item.disposition === 'held').length;
    }
    const rate = TOTAL / ((performance.now() - start) / 1000);
    return { rate, held };
  } finally {
    engine.stop();
    close();
  }
}

/** The median of three runs by rate: the machine is shared, one run alone is noisy. */
async function ingest(backing: Backing, item: (i: number) => IncomingItem, step: number, pause = 0): Promise<Run> {
  const runs: Run[] = [];
  for (let k = 0; k < 3; k++) runs.push(await ingestOnce(backing, item, step, pause));
  return runs.sort((a, b) => a.rate - b.rate)[1] ?? runs[0]!;
}

async function benchRepeat(): Promise<Row[]> {
  const nobody = (i: number): IncomingItem => ({ source: 'bench', title: `message ${i}` });
  const kim = (i: number): IncomingItem => ({ source: 'chat', title: `message ${i}`, sender: 'Kim' });
  // One sender writing every 10 ms for 400 s is one long attempt (each line within 2 minutes of the
  // last); one who pauses 3 minutes before each burst of 500 makes 80 separate attempts (from the
  // 3rd on, they break through).
  const onAndOn = 10;
  const pause = 3 * 60_000;
  await ingestOnce('sqlite', nobody, onAndOn); // warm-up: the JIT, the SQLite page cache
  const rows: Row[] = [];
  for (const backing of ['memory', 'sqlite'] as const) {
    const what = backing === 'memory' ? 'decision alone (memory store)' : 'durable (SQLite group commit)';
    const none = await ingest(backing, nobody, onAndOn);
    const one = await ingest(backing, kim, onAndOn);
    const many = await ingest(backing, kim, onAndOn, pause);
    if (none.held !== TOTAL || one.held !== TOTAL) throw new Error('a sender that never paused escalated');
    if (many.held !== 2 * BURST) throw new Error('separate attempts did not escalate from the 3rd on');
    rows.push(
      { name: `ingest in a block, ${what}, no sender`, value: none.rate, unit: 'items/s', baseline: true },
      { name: `  one sender posting on and on`, value: one.rate, unit: 'items/s', target: '≈ no sender' },
      { name: `  one sender, a new attempt every 500 items`, value: many.rate, unit: 'items/s', target: '≈ no sender' },
    );
  }
  return rows;
}

export default { title: 'repeat escalation (attempts, not messages)', run: benchRepeat };
