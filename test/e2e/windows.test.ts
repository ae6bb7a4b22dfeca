// End to end in Debian's chromium against a real lull-host (real SQLite, real HTTP, SSE): first
// run, 30 notifications held and grouped, review from the keyboard, batch times changed in
// settings, Swedish, dark theme, and axe-core on every screen. Screenshots go to test-results/.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, StatusDto } from '../../preload/contract.ts';
import { startHost, type RunningHost } from '../support/host.ts';
import { launchChromium, screenshot, seriousViolations, watchErrors } from './browser.ts';

let host: RunningHost;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [host, browser] = await Promise.all([startHost(), launchChromium()]);
  // Every weekday has batches, in UTC, so "the next batch" is the same for the test and the host.
  await host.api('PATCH', '/v1/settings', { timeZone: 'UTC', batchWeekdays: [1, 2, 3, 4, 5, 6, 7], schedule: [] });
  context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  errors = watchErrors(page);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const held = async (view: 'held' | 'review'): Promise<Item[]> => (await host.api<{ items: Item[] }>('GET', `/v1/held?view=${view}&limit=100`)).body.items;

describe('the windows in a real browser', () => {
  it('first run: chooses a role, which pre-fills the settings, then shows its week, explains holding and asks when to start', async () => {
    await page.goto(host.loginUrl);
    await page.getByRole('heading', { name: 'Welcome to Lull' }).waitFor();
    await screenshot(page, '01-first-run-role');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: /Customer-facing/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'When should Lull start holding?' }).waitFor();
    await page.getByRole('heading', { name: 'How holding works' }).waitFor();
    await screenshot(page, '02-first-run-how');
    const settings = (await host.api<{ role: string; maxHoldMinutes: number; batchTimes: string[]; scheduleFrom: string | null }>('GET', '/v1/settings')).body;
    expect(settings).toMatchObject({ role: 'customer-facing', maxHoldMinutes: 60, scheduleFrom: null });
    expect(settings.batchTimes).toHaveLength(9);
    // From the next planned block: whatever the hour, nothing the test did not start is held now.
    await page.getByRole('button', { name: /^From the next planned block/ }).click();
    await page.getByRole('heading', { name: 'Not focusing' }).waitFor();
    await screenshot(page, '03-today-idle');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('30 notifications posted during a block appear as counts, then grouped by source and sender', async () => {
    expect((await host.api('POST', '/v1/focus', { minutes: 60 })).status).toBe(201);
    const sources = ['slack', 'mail', 'ci'];
    for (let i = 0; i < 30; i++) {
      const res = await host.api<{ disposition: string }>('POST', '/v1/notifications', { source: sources[i % 3], sender: `person${i % 15}`, title: `Message ${i}`, body: 'text' });
      expect(res.body.disposition).toBe('held');
    }
    await page.getByRole('heading', { name: /^Focusing until/ }).waitFor(); // via server-sent events
    await page.getByText('30 held').waitFor();
    await screenshot(page, '04-today-focusing');
    await page.getByRole('link', { name: 'Held queue' }).first().click();
    const counts = page.getByRole('list', { name: 'Held items by source' });
    await expect.poll(() => counts.getByRole('listitem').allTextContents()).toEqual(['slack 10 items', 'mail 10 items', 'ci 10 items']);
    expect(await page.getByText('Message 0').count()).toBe(0); // counts, not content
    await screenshot(page, '05-queue-counts');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show what is held' }).click();
    const tree = page.getByRole('tree');
    await tree.getByRole('treeitem').first().waitFor();
    const rows = await tree.getByRole('treeitem').evaluateAll((els) => els.slice(0, 3).map((e) => `${e.getAttribute('aria-level')}:${e.textContent}`));
    expect(rows).toEqual(['1:▾slack10 items', '2:▸person0· 2 messages', '2:▸person3· 2 messages']); // thread entries, closed
    await tree.getByRole('treeitem', { name: /person0/ }).click();
    await page.keyboard.press('Enter');
    const opened = await tree.getByRole('treeitem').evaluateAll((els) => els.slice(1, 5).map((e) => `${e.getAttribute('aria-level')}:${e.textContent}`));
    expect(opened[0]).toBe('2:▾person0· 2 messages');
    expect(opened[1]).toMatch(/^3:Message 0\d\d:\d\d · text$/);
    expect(opened[2]).toMatch(/^3:Message 15\d\d:\d\d · text$/);
    expect(opened[3]).toBe('2:▸person3· 2 messages');
    await screenshot(page, '06-queue-items');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('review with the keyboard: done, snooze, dismiss; the API agrees', async () => {
    expect((await host.api<{ released: number }>('DELETE', '/v1/focus')).body.released).toBe(30);
    const review = await context.newPage();
    const reviewErrors = watchErrors(review);
    await review.goto(`${host.baseUrl}/review.html`);
    await review.getByText('30 left').waitFor();
    await review.keyboard.press('j'); // the entry "person0 · 2 messages"
    await review.keyboard.press('Enter'); // opened
    await review.keyboard.press('j'); // Message 0
    await review.keyboard.press('e'); // done → Message 15
    await review.keyboard.press('s'); // snooze Message 15 → the entry person3 (person0's is empty)
    await review.keyboard.press('Enter'); // opened
    await review.keyboard.press('j'); // Message 3
    await review.keyboard.press('x'); // dismiss Message 3
    await review.getByText('27 left').waitFor();
    await review.keyboard.press('?');
    await review.getByRole('dialog', { name: 'Keyboard' }).waitFor();
    await screenshot(review, '07-review-help');
    expect(await seriousViolations(review)).toEqual([]);
    await review.keyboard.press('Escape');
    await screenshot(review, '08-review');
    expect(await seriousViolations(review)).toEqual([]);
    expect(reviewErrors).toEqual([]);
    // The last action is still undoable; closing the window sends it.
    await review.close({ runBeforeUnload: true });
    await expect.poll(async () => (await held('review')).length).toBe(27);
    const stillHeld = await held('held');
    expect(stillHeld.map((i) => i.title)).toEqual(['Message 15']);
    expect(stillHeld[0]?.snoozedUntil).not.toBeNull();
    const titles = (await held('review')).map((i) => i.title);
    expect(titles).not.toContain('Message 0');
    expect(titles).toHaveLength(27);
  });

  it('settings: a refused value shows its reason; new batch times change GET /v1/status at once', async () => {
    await page.goto(`${host.baseUrl}/#/settings`);
    const maxHold = page.getByLabel('Maximum hold');
    await maxHold.fill('2');
    await maxHold.press('Enter');
    await page.getByText('Must be at least 5.').waitFor();
    await screenshot(page, '09-settings-refused');
    expect(await seriousViolations(page)).toEqual([]);
    const nextMinute = Math.floor((Date.now() + 61 * 60_000) / 60_000) * 60_000;
    const hhmm = new Date(nextMinute).toISOString().slice(11, 16);
    while ((await page.getByRole('button', { name: /^Remove batch time/ }).count()) > 1) {
      const before = await page.getByRole('button', { name: /^Remove batch time/ }).count();
      await page.getByRole('button', { name: /^Remove batch time/ }).last().click();
      await expect.poll(() => page.getByRole('button', { name: /^Remove batch time/ }).count()).toBe(before - 1);
    }
    const first = page.getByLabel('Batch time 1', { exact: true });
    await first.fill(hhmm);
    await first.press('Enter');
    await expect.poll(async () => (await host.api<{ batchTimes: string[] }>('GET', '/v1/settings')).body.batchTimes).toEqual([hhmm]);
    const status = (await host.api<StatusDto>('GET', '/v1/status')).body;
    expect(Date.parse(status.nextBatchAt ?? '')).toBe(nextMinute);
    await screenshot(page, '10-settings');
  });

  it('renders in Swedish for a Swedish system, and passes axe in the dark theme too', async () => {
    const sv = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', colorScheme: 'dark', viewport: { width: 1200, height: 900 } });
    const link = (await host.api<{ url: string }>('POST', '/v1/session/link')).body.url;
    const p = await sv.newPage();
    const svErrors = watchErrors(p);
    await p.goto(link);
    await p.getByRole('heading', { name: 'Inget fokuspass' }).waitFor();
    expect(await p.getByRole('link', { name: 'Veckorapport' }).count()).toBe(1);
    expect(await p.evaluate(() => document.documentElement.lang)).toBe('sv');
    await screenshot(p, '11-today-sv-dark');
    expect(await seriousViolations(p)).toEqual([]);
    await p.goto(`${host.baseUrl}/#/report`);
    await p.getByRole('heading', { name: /^Vecka \d+/ }).waitFor();
    await screenshot(p, '12-report-sv-dark');
    expect(await seriousViolations(p)).toEqual([]);
    await p.goto(`${host.baseUrl}/#/settings`);
    await p.getByRole('heading', { name: 'Inställningar' }).waitFor();
    expect(await seriousViolations(p)).toEqual([]);
    expect(svErrors).toEqual([]);
    await sv.close();
    expect(errors).toEqual([]);
  });
});
