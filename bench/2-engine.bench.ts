// Engine benchmarks (issue "Foundation"): ingest with durable commit, batch release, weekly
// report over a year, batch boundaries across DST. Real SQLite files in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FocusEngine } from '../main/core/engine.ts';
import type { Clock } from '../main/core/ports.ts';
import { nextBatches } from '../main/core/schedule.ts';
import { settingsSchema } from '../main/core/settings.ts';
import type { Item } from '../main/core/types.ts';
import { createRepository } from '../main/store/repository.ts';
import type { Row } from './table.ts';

const settings = settingsSchema.parse({ timeZone: 'Europe/Stockholm', schedule: [] });

function manualClock(start: number): Clock & { set(t: number): void } {
  let now = start;
  return { now: () => now, at: () => () => {}, set: (t) => (now = t) };
}

function withEngine<T>(fn: (engine: FocusEngine, repo: ReturnType<typeof createRepository>, clock: ReturnType<typeof manualClock>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'lull-bench-'));
  const repo = createRepository(join(dir, 'lull.db'));
  const clock = manualClock(Date.parse('2026-11-23T09:30:00+01:00'));
  const engine = new FocusEngine({ clock, store: repo, settings });
  engine.start();
  return fn(engine, repo, clock).finally(() => {
    engine.stop();
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

async function ingestRate(): Promise<number> {
  return withEngine(async (engine) => {
    engine.startFocus({ minutes: 600 });
    const total = 40_000;
    const burst = 500;
    const start = performance.now();
    for (let i = 0; i < total; i += burst) {
      await Promise.all(Array.from({ length: burst }, (_, j) => engine.ingest({ source: 'bench', title: `item ${i + j}`, sender: `s${j % 50}` })));
    }
    return total / ((performance.now() - start) / 1000);
  });
}

async function releaseTime(): Promise<number> {
  return withEngine(async (engine) => {
    engine.startFocus({ minutes: 600 });
    await Promise.all(Array.from({ length: 10_000 }, (_, i) => engine.ingest({ source: 'bench', title: `item ${i}` })));
    const start = performance.now();
    const batch = engine.releaseNow();
    const ms = performance.now() - start;
    if (batch?.count !== 10_000) throw new Error('release did not take every held item');
    return ms;
  });
}

async function reportTime(): Promise<number> {
  return withEngine(async (engine, repo, clock) => {
    const yearStart = Date.parse('2025-11-24T00:00:00+01:00');
    const step = (365 * 86_400_000) / 250_000;
    const dispositions = ['held', 'held', 'held', 'delivered', 'breakthrough'] as const;
    const commits: Promise<void>[] = [];
    for (let i = 0; i < 250_000; i++) {
      const d = dispositions[i % 5] ?? 'held';
      const receivedAt = Math.round(yearStart + i * step);
      const item: Item = {
        id: `i${i}`, source: `src${i % 7}`, title: 't', sender: `p${i % 40}`, receivedAt, disposition: d,
        rule: d === 'breakthrough' ? 'vip' : null, status: d === 'held' ? 'released' : 'delivered', blockId: null,
        batchId: null, releasedAt: d === 'held' ? receivedAt + 3_600_000 : null, snoozedUntil: null, handledAt: null,
      };
      commits.push(repo.commitItem(item));
    }
    await Promise.all(commits);
    clock.set(Date.parse('2026-11-23T09:30:00+01:00'));
    const start = performance.now();
    const report = engine.weeklyReport('2026-W47');
    const ms = performance.now() - start;
    if (report.arrivals === 0) throw new Error('report saw no history');
    return ms;
  });
}

function boundariesTime(): number {
  const s = { batchTimes: ['09:00', '12:00', '15:00', '18:00'], batchWeekdays: [1, 2, 3, 4, 5], timeZone: 'America/New_York' };
  nextBatches(s, Date.parse('2025-01-01T00:00:00Z'), 50); // warm-up of the time zone data
  const start = performance.now();
  const list = nextBatches(s, Date.parse('2026-01-01T00:00:00Z'), 1000);
  const ms = performance.now() - start;
  if (list.length !== 1000) throw new Error('fewer than 1,000 boundaries');
  return ms;
}

async function benchEngine(): Promise<Row[]> {
  return [
    { name: 'engine ingest, durable (group commit, bursts of 500)', value: await ingestRate(), unit: 'items/s', target: '≥ 20,000' },
    { name: 'release a batch of 10,000 held items', value: await releaseTime(), unit: 'ms', target: '< 100' },
    { name: 'weekly report over a year (250,000 items)', value: await reportTime(), unit: 'ms', target: '< 100' },
    { name: 'next 1,000 batch boundaries across DST', value: boundariesTime(), unit: 'ms', target: '< 20' },
  ];
}

export default { title: 'engine', run: benchEngine };
