// End to end: the weekly report in Debian's chromium for a week of seeded history (SQLite
// written before the host starts), its numbers against the API's report, CSV export byte for
// byte, week navigation, and axe.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weeklyReportCsv } from '../../main/core/reportCsv.ts';
import type { SettingsInput } from '../../main/core/settings.ts';
import type { Item } from '../../main/core/types.ts';
import { createRepository } from '../../main/store/repository.ts';
import type { WeeklyReportDto } from '../../preload/contract.ts';
import { isoWeekOfDate, shiftWeek } from '../../renderer/src/format/time.ts';
import { startHost, type RunningHost } from '../support/host.ts';
import { launchChromium, screenshot, seriousViolations, watchErrors } from './browser.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let home: string;
let host: RunningHost;
let browser: Browser;
let page: Page;
let week: string;

/** Monday 00:00 UTC of the week before this one. */
function lastMonday(): number {
  const today = new Date();
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return midnight - ((today.getUTCDay() + 6) % 7) * DAY - 7 * DAY;
}

async function seed(dir: string): Promise<void> {
  const repo = createRepository(join(dir, 'lull.db'));
  const monday = lastMonday();
  const commits: Promise<void>[] = [];
  let n = 0;
  const item = (at: number, source: string, sender: string, disposition: Item['disposition']): Item => ({
    id: `seed-${n++}`,
    source,
    title: `seeded ${n}`,
    sender,
    receivedAt: at,
    disposition,
    rule: disposition === 'breakthrough' ? 'vip' : null,
    status: disposition === 'held' ? 'done' : 'delivered',
    blockId: null,
    batchId: null,
    releasedAt: disposition === 'held' ? at + 40 * 60_000 : null,
    snoozedUntil: null,
    handledAt: null,
  });
  for (const [offset, perDay] of [[0, 6], [-7 * DAY, 3]] as const) {
    for (let d = 0; d < 5; d++) {
      const start = monday + offset + d * DAY + 9 * HOUR;
      repo.saveBlock({ id: `b-${offset}-${d}`, kind: d === 2 ? 'adhoc' : 'scheduled', startedAt: start, endsAt: start + 2 * HOUR, endedAt: start + (d === 4 ? HOUR : 2 * HOUR), endReason: d === 4 ? 'ended-early' : 'completed' });
      for (let i = 0; i < perDay; i++) {
        const disposition = i % 3 === 2 ? 'delivered' : i === 1 && d === 1 ? 'breakthrough' : 'held';
        commits.push(repo.commitItem(item(start + i * 7 * 60_000, ['slack', 'mail', 'github'][i % 3]!, `sender${i % 2}`, disposition)));
      }
    }
  }
  await Promise.all(commits);
  repo.close();
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'lull-e2e-report-'));
  await seed(home);
  week = isoWeekOfDate(lastMonday());
  // The host runs on this week's Saturday at noon, outside every planned block, whatever the hour of the test.
  const saturday = new Date(lastMonday() + 12 * DAY + 12 * HOUR).toISOString().slice(0, 19).replace('T', ' ');
  const settings: SettingsInput = { timeZone: 'UTC', role: 'maker', schedule: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '11:00' }] };
  [host, browser] = await Promise.all([startHost({ home, settings, at: saturday }), launchChromium()]);
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  await page.goto(host.loginUrl);
  await page.getByRole('heading', { name: 'Not focusing' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('weekly report in a real browser', () => {
  it('renders a seeded week with the numbers of the API’s report, and the change against the week before', async () => {
    const errors = watchErrors(page);
    const report = (await host.api<WeeklyReportDto>('GET', `/v1/report/weekly?week=${week}`)).body;
    expect(report.arrivals).toBe(30);
    await page.goto(`${host.baseUrl}/#/report/${week}`);
    await page.getByRole('heading', { name: `Week ${Number(week.slice(-2))}` }).waitFor();
    const cells = async (metric: string) => page.locator(`tr[data-metric="${metric}"] td`).allTextContents();
    expect(await cells('arrivals')).toEqual([String(report.arrivals), String(report.previous.arrivals), `+${report.change.arrivals}`]);
    expect(await cells('held')).toEqual([String(report.held), String(report.previous.held), `+${report.change.held}`]);
    expect(await cells('blocksCompleted')).toEqual(['4', '4', 'same']);
    expect((await cells('keptHours'))[0]).toBe(`${report.keptHours} h`);
    expect(await page.getByRole('img', { name: /planned focus hours kept this week/ }).count()).toBe(1);
    expect(await page.locator('rect.heat:not(.heat-0)').count()).toBe(report.heatmap.flat().filter((c) => c > 0).length);
    await screenshot(page, '13-report');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('exports the CSV the API’s report makes (the same function as the CLI)', async () => {
    const report = (await host.api<WeeklyReportDto>('GET', `/v1/report/weekly?week=${week}`)).body;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`lull-report-${week}.csv`);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toBe(weeklyReportCsv(report));
    expect(text.split('\r\n')).toContain(`week,${week},arrivals,30`);
  });

  it('moves to the previous and next week', async () => {
    await page.getByRole('link', { name: '← Previous week' }).click();
    await page.getByRole('heading', { name: `Week ${Number(shiftWeek(week, -1).slice(-2))}` }).waitFor();
    expect(await page.locator('tr[data-metric="arrivals"] td').first().textContent()).toBe('15');
    await page.getByRole('link', { name: 'Next week →' }).click();
    await page.getByRole('heading', { name: `Week ${Number(week.slice(-2))}` }).waitFor();
  });
});
