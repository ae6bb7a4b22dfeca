// The urgent protocol in the review, end to end in Debian's chromium against a real lull-host
// (real SQLite, real HTTP, SSE): a block started through the API, a thread, a burst from one
// sender and an urgent item posted, the block ended; the review shows two thread entries with
// their counts, the breakthrough waits for "was it urgent?" and is answered with `y`, and the
// API agrees. axe-core on each screen; screenshots go to test-results/.
// One more held item is withdrawn by its source through the API: it is not released, and the
// review lists it apart as resolved.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../preload/contract.ts';
import { startHost, type RunningHost } from '../support/host.ts';
import { launchChromium, screenshot, seriousViolations, watchErrors } from './browser.ts';

let host: RunningHost;
let browser: Browser;
let page: Page;
let errors: string[];
let urgent: { id: string; disposition: string };

beforeAll(async () => {
  // Repeat escalation off: the burst from one sender is held, whatever counts as an attempt.
  [host, browser] = await Promise.all([startHost({ settings: { role: 'maker', timeZone: 'UTC', batchWeekdays: [1, 2, 3, 4, 5, 6, 7], breakthrough: { repeatEscalation: { attempts: 0, minutes: 30 } } } }), launchChromium()]);
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(host.loginUrl); // sets the session cookie
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** The verdict as the host stored it (its own SQLite file, read-only beside it). */
function storedVerdict(id: string): unknown {
  const db = new DatabaseSync(join(host.home, 'lull.db'), { readOnly: true });
  try {
    return (db.prepare('SELECT verdict FROM items WHERE id = ?').get(id) as { verdict: unknown } | undefined)?.verdict;
  } finally {
    db.close();
  }
}

const list = async (view: string): Promise<Item[]> => (await host.api<{ items: Item[] }>('GET', `/v1/held?view=${view}&limit=100`)).body.items;
const post = async (item: Record<string, unknown>): Promise<{ id: string; disposition: string }> => {
  const res = await host.api<{ id: string; disposition: string }>('POST', '/v1/notifications', item);
  expect(res.status).toBe(202);
  return res.body;
};

describe('the review in a real browser', () => {
  it('a thread and a sender’s burst posted during a block are two entries with counts; the breakthrough waits apart', async () => {
    expect((await host.api('POST', '/v1/focus', { minutes: 60 })).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await post({ source: 'github', sender: ['ann', 'bo', 'cy'][i % 3], thread: 'pr-42', title: `Review ${i}` })).disposition).toBe('held');
    for (let i = 0; i < 4; i++) expect((await post({ source: 'chat', sender: 'Anna', title: `Lunch ${i}` })).disposition).toBe('held');
    urgent = await post({ source: 'pager', sender: 'ops', title: 'Database down', priority: 'urgent' });
    expect(urgent.disposition).toBe('breakthrough');
    const readElsewhere = await post({ source: 'mail', sender: 'Cy', title: 'Are you free at 3?' });
    const withdrawn = await host.api<Item>('POST', `/v1/notifications/${readElsewhere.id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ id: readElsewhere.id, status: 'resolved' });
    expect((await host.api<{ released: number }>('DELETE', '/v1/focus')).body.released).toBe(9);

    await page.goto(`${host.baseUrl}/review.html`);
    await page.getByText('9 left').waitFor();
    const tree = page.getByRole('tree');
    const entries = tree.locator('[role=treeitem][aria-level="2"]');
    await expect.poll(() => entries.allTextContents()).toEqual(['▸ann and 2 others· 5 messages', '▸Anna· 4 messages']);
    const verdicts = page.getByRole('list', { name: 'Breakthroughs waiting for an answer' });
    expect(await verdicts.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Database down')]);
    const resolved = page.getByRole('list', { name: 'Items resolved while you focused' });
    expect(await resolved.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Are you free at 3?')]);
    await page.getByText('1 item took care of itself').waitFor();
    expect(await tree.getByText('Are you free at 3?').count()).toBe(0); // never in the batch
    await screenshot(page, 'review-01-entries-and-verdict');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('an entry opens to its items; y answers "was it urgent?" and the help lists it', async () => {
    const tree = page.getByRole('tree');
    const verdicts = page.getByRole('list', { name: 'Breakthroughs waiting for an answer' });
    await page.keyboard.press('j'); // the thread entry
    await page.keyboard.press('Enter'); // opened: its 5 items
    await expect.poll(() => tree.locator('[role=treeitem][aria-level="3"]').count()).toBe(5);
    await screenshot(page, 'review-02-entry-open');
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('y'); // "was it urgent?" — yes
    await page.getByText('Marked urgent').waitFor();
    expect(await verdicts.count()).toBe(0);
    expect(await page.getByText('9 left').count()).toBe(1); // the batch's count is the batch's
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard' });
    await help.getByText('Was it urgent? Yes').waitFor();
    await screenshot(page, 'review-03-help');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  }, 60_000);

  it('done on the entry handles its 5 items; the verdict reaches main; closing the window sends the last action', async () => {
    await page.keyboard.press('e'); // done on the entry: all 5 (and the verdict is sent)
    await page.getByText('4 left').waitFor();
    await expect.poll(async () => (await list('unjudged')).length).toBe(0);
    expect(storedVerdict(urgent.id)).toBe('urgent'); // no route reads one item: the database says
    await screenshot(page, 'review-04-answered');
    expect(await seriousViolations(page)).toEqual([]);
    // Closing the window sends the last action.
    await page.close({ runBeforeUnload: true });
    await expect.poll(async () => (await list('review')).map((i) => i.title)).toEqual(['Lunch 0', 'Lunch 1', 'Lunch 2', 'Lunch 3']);
    expect(errors).toEqual([]);
  }, 60_000);

  it('reads in Swedish and passes axe in the dark theme', async () => {
    expect((await host.api('POST', '/v1/focus', { minutes: 30 })).status).toBe(201);
    expect((await post({ source: 'pager', sender: 'ops', title: 'Disken full', priority: 'urgent' })).disposition).toBe('breakthrough');
    expect((await host.api('DELETE', '/v1/focus')).status).toBe(200);
    const sv = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', colorScheme: 'dark', viewport: { width: 1200, height: 900 } });
    const p = await sv.newPage();
    const svErrors = watchErrors(p);
    await p.goto((await host.api<{ url: string }>('POST', '/v1/session/link')).body.url);
    await p.goto(`${host.baseUrl}/review.html`);
    await p.getByRole('heading', { name: /^Var det brådskande\?/ }).waitFor();
    await p.getByRole('button', { name: 'Inte brådskande' }).waitFor();
    await expect.poll(() => p.getByRole('tree').locator('[role=treeitem][aria-level="2"]').allTextContents()).toEqual(['▸Anna· 4 meddelanden']);
    await screenshot(p, 'review-05-sv-dark');
    expect(await seriousViolations(p)).toEqual([]);
    expect(svErrors).toEqual([]);
    await sv.close();
  }, 60_000);
});
