// Renderer benchmarks (issue "The windows people use"), in Debian's chromium against a real
// lull-host over a SQLite file seeded with 10,000 items: navigation → queue painted, keypress
// action → view updated, and the dashboard's JS size (gzip) as built in out/renderer.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Item } from '../main/core/types.ts';
import { openConfSettings } from '../main/store/confSettings.ts';
import { createRepository } from '../main/store/repository.ts';
import { launchChromium } from '../test/e2e/browser.ts';
import { startHost } from '../test/support/host.ts';
import type { Row } from './table.ts';

const OUT = join(import.meta.dirname, '..', 'out', 'renderer');
const ITEMS = 10_000;

/** The gzip size of the JS a page loads: its module script and the chunks it preloads. */
function pageJsGzip(html: string): number {
  const page = readFileSync(join(OUT, html), 'utf8');
  const files = [...page.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  if (files.length === 0) throw new Error(`${html} loads no JS: is out/renderer built?`);
  return files.reduce((n, f) => n + gzipSync(readFileSync(join(OUT, f)), { level: 9 }).length, 0) / 1024;
}

/** 10,000 items from 6 sources and 40 senders, released by a batch and waiting for review. */
async function seed(home: string): Promise<void> {
  const settings = openConfSettings(home).patch({ role: 'maker', timeZone: 'UTC', schedule: [], batchTimes: [] });
  if (!settings.ok) throw new Error('bench settings refused');
  const repo = createRepository(join(home, 'lull.db'));
  const start = Date.now() - 2 * 3_600_000;
  const commits: Promise<void>[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const at = start + i * 500;
    const item: Item = {
      id: `bench-${String(i).padStart(5, '0')}`, source: `source${i % 6}`, title: `Notification ${i}`, body: 'a line of text', sender: `sender${i % 40}`,
      receivedAt: at, disposition: 'held', rule: null, status: 'released', blockId: null, batchId: 'bench-batch', releasedAt: Date.now(), snoozedUntil: null, handledAt: null,
    };
    commits.push(repo.commitItem(item));
  }
  await Promise.all(commits);
  repo.close();
}

/** Records when the first queue row entered the DOM and the frame that painted it. */
const PAINT_PROBE = `(() => {
  const seen = () => {
    if (!document.querySelector('[role=treeitem]')) return false;
    requestAnimationFrame(() => { window.__queuePainted = performance.now(); });
    return true;
  };
  new MutationObserver((_, o) => { if (seen()) o.disconnect(); }).observe(document, { childList: true, subtree: true });
})();`;

async function navigationToPaint(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { __queuePainted?: number }).__queuePainted === 'number');
  return page.evaluate(() => (window as unknown as { __queuePainted: number }).__queuePainted);
}

/** Presses `key` `times` times; each: keydown → (microtasks, React's commit) → layout read. */
async function keypressTimes(page: Page, key: string, times: number): Promise<number[]> {
  return page.evaluate(
    async ({ key, times }) => {
      const yieldTask = () => new Promise<void>((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
      const out: number[] = [];
      for (let i = 0; i < times; i++) {
        const t0 = performance.now();
        document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        await yieldTask();
        document.querySelector('.queue-status')?.getBoundingClientRect();
        out.push(performance.now() - t0);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      return out;
    },
    { key, times },
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

async function benchRenderer(): Promise<Row[]> {
  const dashboardKb = pageJsGzip('index.html');
  const reviewKb = pageJsGzip('review.html');
  const home = mkdtempSync(join(tmpdir(), 'lull-bench-renderer-'));
  await seed(home);
  const host = await startHost({ home });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(PAINT_PROBE);
    await page.goto(host.loginUrl);
    await page.getByRole('heading', { name: 'Not focusing' }).waitFor();
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) paints.push(await navigationToPaint(page, `${host.baseUrl}/review.html?run=${i}`));
    await page.getByText(`${ITEMS.toLocaleString('en')} left`).waitFor({ timeout: 30_000 }).catch(() => undefined);
    await page.keyboard.press('j');
    await page.keyboard.press('Enter'); // the first thread entry (250 items) opened: moves and actions on items
    const moves = await keypressTimes(page, 'j', 40);
    const actions = await keypressTimes(page, 'e', 40);
    return [
      { name: 'review window, 10,000 items: navigation → first rows painted (median of 5)', value: median(paints), unit: 'ms', target: '< 300' },
      { name: 'keypress j (move) → view updated, median', value: median(moves), unit: 'ms', target: '< 16' },
      { name: 'keypress e (done) → view updated, median', value: median(actions), unit: 'ms', target: '< 16' },
      { name: 'keypress e (done) → view updated, p95', value: p95(actions), unit: 'ms', target: '< 16' },
      { name: 'dashboard JS, gzip', value: dashboardKb, unit: 'KB', target: '< 250' },
      { name: 'review window JS, gzip', value: reviewKb, unit: 'KB' },
    ];
  } finally {
    await browser.close();
    await host.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

export default { title: 'renderer (chromium, 10,000 items)', run: benchRenderer };
