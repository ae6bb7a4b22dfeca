// End to end: "Breakthroughs — was it urgent?" in Debian's chromium against a real lull-host.
// Breakthroughs are posted and judged through the HTTP API; the report page shows the per-rule
// table and the suggestion; Apply changes the settings (read back through GET /v1/settings) and
// Undo puts them back. Screenshots of both states, and axe.
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings, SettingsInput } from '../../main/core/settings.ts';
import type { WeeklyReportDto } from '../../preload/contract.ts';
import { startHost, type RunningHost } from '../support/host.ts';
import { launchChromium, screenshot, seriousViolations, watchErrors } from './browser.ts';

let host: RunningHost;
let browser: Browser;
let page: Page;

const vips = async (): Promise<string[]> => (await host.api<Settings>('GET', '/v1/settings')).body.breakthrough.vipSenders;

/** Posts a notification that breaks through and answers "was it urgent?" for it. */
async function judged(body: Record<string, unknown>, urgent: boolean | null): Promise<void> {
  const posted = await host.api<{ id: string; disposition: string }>('POST', '/v1/notifications', body);
  expect(posted.body.disposition).toBe('breakthrough');
  if (urgent !== null) expect((await host.api('POST', `/v1/held/${posted.body.id}/verdict`, { urgent })).status).toBe(200);
}

beforeAll(async () => {
  const settings: SettingsInput = {
    timeZone: 'UTC',
    role: 'maker',
    language: 'en',
    breakthrough: { vipSenders: ['Anna', 'Bo'], keywords: ['outage'], repeatEscalation: { attempts: 0, minutes: 30 } },
  };
  // A Monday morning, whatever day the test runs.
  [host, browser] = await Promise.all([startHost({ settings, at: '2026-11-23 09:30:00' }), launchChromium()]);
  expect((await host.api('POST', '/v1/focus', { minutes: 120 })).status).toBe(201);
  for (const urgent of [false, false, false, false, true]) await judged({ source: 'chat', title: 'ping', sender: 'Anna' }, urgent);
  await judged({ source: 'chat', title: 'ping', sender: 'Bo' }, null);
  await judged({ source: 'pager', title: 'outage in eu-west' }, true);
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  await page.goto(host.loginUrl);
  await page.getByRole('heading', { name: /Focusing until/ }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (host) rmSync(host.home, { recursive: true, force: true });
});

describe('breakthroughs — was it urgent? in a real browser', () => {
  it('shows the per-rule table and the suggestion; Apply changes the settings and offers Undo', async () => {
    const errors = watchErrors(page);
    const report = (await host.api<WeeklyReportDto>('GET', '/v1/report/weekly')).body;
    expect(report.suggestions.map((s) => s.id)).toEqual(['vip:anna']);
    await page.goto(`${host.baseUrl}/#/report`);
    const region = page.getByRole('region', { name: 'Breakthroughs — was it urgent?' });
    await region.waitFor();
    const cells = (rule: string) => region.locator(`tr[data-rule="${rule}"] td`).allTextContents();
    expect(await cells('vip')).toEqual(['6', '1', '4', '1']);
    expect(await cells('keyword')).toEqual(['1', '1', '0', '0']);
    expect(await cells('repeat')).toEqual(['0', '0', '0', '0']);

    const row = region.getByRole('listitem').filter({ hasText: 'VIP Anna: 4 of 5 not urgent — remove?' });
    await row.getByRole('button', { name: 'Apply' }).click();
    await row.getByRole('button', { name: 'Undo' }).waitFor();
    expect(await row.getByText('Applied').count()).toBe(1);
    expect(await vips()).toEqual(['Bo']);
    // Keyboard: the focus moves to Undo once the change is saved and the report reloaded.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Undo', null, { timeout: 10_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await region.scrollIntoViewIfNeeded();
    await screenshot(page, '30-suggestion-applied');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Undo, from the keyboard, puts back exactly the list the suggestion replaced', async () => {
    const errors = watchErrors(page);
    const region = page.getByRole('region', { name: 'Breakthroughs — was it urgent?' });
    const row = region.getByRole('listitem').filter({ hasText: 'VIP Anna: 4 of 5 not urgent — remove?' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await page.keyboard.press('Enter');
    await row.getByRole('button', { name: 'Apply' }).waitFor();
    expect(await vips()).toEqual(['Anna', 'Bo']);
    expect(await row.getByText('Applied').count()).toBe(0);
    await screenshot(page, '31-suggestion-undone');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
