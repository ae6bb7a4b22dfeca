// Desktop-bus benchmarks (issue 6): from a Notify call on a real session bus to the item durably
// committed, and sustained items/s from a D-Bus client in another process, on a private Xvfb +
// dbus-daemon + dunst (held by Lull, as during a block). Sustained rates are measured twice: with
// the client sending without waiting for replies (Lull's own limit) and with each call waiting
// for dunst's reply (dunst's limit, as notify-send sees it). Baselines: the same client and bus
// without Lull watching.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item } from '../main/core/types.ts';
import { openLull, type Lull } from '../main/service/lull.ts';
import { createDesktopHold, type RunningDesktopHold } from '../main/delivery/desktop/index.ts';
import { createDesktopBus, type RunningDesktopBus } from '../main/sources/desktopBus/index.ts';
import { openConfSettings } from '../main/store/confSettings.ts';
import { runChild } from '../test/support/child.ts';
import { startDesktopStack, type DesktopStack } from '../test/support/desktopStack.ts';
import { quietSettings, until } from '../test/support/lullOnStack.ts';
import type { Row } from './table.ts';

const sender = join(import.meta.dirname, '..', 'test', 'sources', 'desktopBus', 'fixtures', 'notifyFlood.ts');
const LATENCY_COUNT = 1_000;
const LATENCY_RATE = 250;
const SUSTAINED_COUNT = 5_000;

/** Runs the sender child; resolves with its wall time in ms once the bus has every call (and, with replies, dunst has answered). */
async function send(stack: DesktopStack, count: number, perSecond: number, app: string, replies: boolean): Promise<number> {
  const start = performance.now();
  const child = runChild(sender, [String(count), '64', app, String(perSecond), replies ? 'reply' : 'noreply'], stack.env);
  const line = await child.waitFor((l) => l.startsWith('sent '));
  if (line !== `sent ${count} failed 0`) throw new Error(`the sender reported: ${line}`);
  return performance.now() - start;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Collects committed desktop items of one app; each body's first line is when its call left the client. */
function collect(lull: Lull, app: string, count: number): Promise<{ latencies: number[]; lastAt: number }> {
  const latencies: number[] = [];
  const collected = new Promise<{ latencies: number[]; lastAt: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${latencies.length} of ${count} items were committed`)), 120_000);
    const off = lull.engine.on((e) => {
      if (e.type !== 'item-added' || e.item.app !== app) return;
      latencies.push(performance.timeOrigin + performance.now() - Number((e.item as Item).body?.split('\n')[0]));
      if (latencies.length < count) return;
      clearTimeout(timer);
      off();
      resolve({ latencies, lastAt: performance.now() });
    });
  });
  // Awaited later, while the sender still runs: a timeout must fail the run through its finally
  // (stopping the desktop stack), not as an unhandled rejection that leaves dunst and the bus behind.
  collected.catch(() => {});
  return collected;
}

/** Sends, but gives up as soon as the collector has (a sender waiting for replies could wait for ever). */
async function sendWhile(collecting: Promise<unknown>, ...args: Parameters<typeof send>): Promise<number> {
  return Promise.race([send(...args), collecting.then(() => new Promise<never>(() => {}))]);
}

async function benchDesktopBus(): Promise<Row[]> {
  const stack = await startDesktopStack();
  const dataDir = mkdtempSync(join(tmpdir(), 'lull-bench-bus-'));
  let lull: Lull | null = null;
  try {
    await stack.dunstctl('set-paused', 'true');
    const baselineNoReplyMs = await send(stack, SUSTAINED_COUNT, 0, 'Baseline', false);
    await stack.stopDunst(); // a fresh dunst for each run, without the last one's queue
    await stack.startDunst();
    await stack.dunstctl('set-paused', 'true');
    const baselineReplyMs = await send(stack, SUSTAINED_COUNT, 0, 'Baseline', true);
    await stack.stopDunst();
    await stack.startDunst();

    const found: { bus?: RunningDesktopBus; hold?: RunningDesktopHold } = {};
    lull = openLull({
      dataDir,
      openSettings: (cwd) => {
        const settings = openConfSettings(cwd);
        settings.patch(quietSettings);
        return settings;
      },
      env: stack.env,
      doors: [createDesktopBus({ onStarted: (s) => (found.bus = s) })],
      outputs: [createDesktopHold({ onStarted: (o) => (found.hold = o) })],
    });
    await lull.ready;
    lull.engine.startFocus({ minutes: 600 });
    await found.hold?.settled();

    const paced = collect(lull, 'Paced', LATENCY_COUNT);
    await sendWhile(paced, stack, LATENCY_COUNT, LATENCY_RATE, 'Paced', true);
    const sorted = (await paced).latencies.sort((a, b) => a - b);

    const sustained = async (app: string, replies: boolean): Promise<number> => {
      const start = performance.now();
      const burst = collect(lull!, app, SUSTAINED_COUNT);
      await sendWhile(burst, stack, SUSTAINED_COUNT, 0, app, replies);
      return SUSTAINED_COUNT / (((await burst).lastAt - start) / 1000);
    };
    const noReplyRate = await sustained('Burst', false);
    // A fresh dunst, as for its baseline (its waiting queue slows each insert); Lull holds the new one too.
    await stack.stopDunst();
    await stack.startDunst();
    if ((await until(() => stack.dunstctl('is-paused'), 'true')) !== 'true') throw new Error('Lull did not hold the restarted dunst');
    const replyRate = await sustained('Answered', true);
    await found.bus?.settled();
    const stats = found.bus?.diagnostics();
    const n = SUSTAINED_COUNT.toLocaleString('en-US');
    return [
      { name: `Notify → committed, p50 (${LATENCY_RATE}/s from another process)`, value: quantile(sorted, 0.5), unit: 'ms' },
      { name: `Notify → committed, p99 (${LATENCY_RATE}/s from another process)`, value: quantile(sorted, 0.99), unit: 'ms', target: '< 20' },
      { name: `sustained, ${n} calls sent without waiting for replies`, value: noReplyRate, unit: 'items/s', target: '> 1,000' },
      { name: 'the same client without Lull (calls/s the bus takes)', value: SUSTAINED_COUNT / (baselineNoReplyMs / 1000), unit: 'calls/s', baseline: true },
      { name: `sustained, ${n} calls each waiting for dunst's reply`, value: replyRate, unit: 'items/s' },
      { name: "the same client without Lull (dunst's own pace)", value: SUSTAINED_COUNT / (baselineReplyMs / 1000), unit: 'calls/s', baseline: true },
      { name: 'lost in those bursts (dropped or failed)', value: (stats?.intake.dropped ?? 0) + (stats?.intake.failed ?? 0), unit: 'items', target: '0' },
    ];
  } finally {
    await stack.stopDunst(); // it holds thousands; no need to draw them
    await lull?.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default { title: 'desktop bus', run: benchDesktopBus };
