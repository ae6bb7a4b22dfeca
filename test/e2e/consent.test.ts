// End to end in Debian's chromium against a real lull-host on a first start (no settings file) at
// 09:45 on a Wednesday, inside the maker's 09:00–12:00 block (faketime): nothing is held until the
// user says "start now" in the first run. Then the sign-in page: a browser without a session is
// told Lull is running and how to get in, a wrong token is refused calmly, the owner's token signs
// in, and a reload keeps the session. Screenshots go to test-results/; axe-core on every screen.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusDto } from '../../preload/contract.ts';
import { startHost, type RunningHost } from '../support/host.ts';
import { launchChromium, screenshot, seriousViolations, watchErrors } from './browser.ts';

let host: RunningHost;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [host, browser] = await Promise.all([startHost({ settings: null, at: '2026-12-09 09:45:00' }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function newPage() {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

const status = async (): Promise<StatusDto> => (await host.api<StatusDto>('GET', '/v1/status')).body;
const post = async (title: string): Promise<string> => (await host.api<{ disposition: string }>('POST', '/v1/notifications', { source: 'ci', title })).body.disposition;

describe('consent before holding, in a real browser', () => {
  it('first run inside the maker’s block: the week is shown, nothing is held until "Start now", then the block holds', async () => {
    const page = await newPage();
    const errors = watchErrors(page);
    await page.goto(host.loginUrl);
    await page.getByRole('heading', { name: 'Welcome to Lull' }).waitFor();
    await page.getByRole('radio', { name: /Maker/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'When should Lull start holding?' }).waitFor();
    // The week the maker plans: blocks 09:00–12:00 and 13:00–16:00, batches at 09:00, 12:00, 15:00, 18:00.
    const week = page.getByRole('region', { name: 'This week' });
    await week.waitFor();
    expect(await week.getByRole('region', { name: 'Wednesday 9' }).getByText('Planned 13:00–16:00').count()).toBe(1);
    expect(await week.getByRole('region', { name: 'Wednesday 9' }).getByText('Batch 15:00').count()).toBe(1);
    await page.getByText('You are inside a planned block now, until 12:00.').waitFor();
    await page.getByRole('button', { name: 'From the next planned block (Wednesday 9, 13:00)' }).waitFor();
    await screenshot(page, 'consent-01-first-run-week');
    expect(await seriousViolations(page)).toEqual([]);

    // Not chosen yet: inside the planned block, a notification passes straight through.
    expect(await status()).toMatchObject({ state: 'idle', block: null });
    expect(await post('deploy done')).toBe('delivered');

    await page.getByRole('button', { name: 'Start now' }).click();
    await page.getByRole('heading', { name: /^Focusing until/ }).waitFor();
    expect(await status()).toMatchObject({ state: 'focus', block: { kind: 'scheduled', endsAt: '2026-12-09T12:00:00.000+00:00' } });
    expect(await post('review please')).toBe('held');
    await page.getByText('1 held').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Scheduled blocks are not on yet' }).count()).toBe(0);
    await screenshot(page, 'consent-02-today-holding');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the sign-in page: a browser without a session is told how to get in, a wrong token is refused calmly, the owner’s token signs in and survives a reload', async () => {
    const page = await newPage();
    await page.goto(`${host.baseUrl}/`);
    await page.getByRole('heading', { name: 'Sign in to Lull' }).waitFor();
    await page.getByText('Lull is running.', { exact: false }).waitFor();
    await page.getByText('lull open', { exact: true }).waitFor();
    expect(await page.getByText('not reachable').count()).toBe(0);
    await screenshot(page, 'consent-03-sign-in');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That is not the token. Check api.json and try again.').waitFor();
    expect(await page.getByRole('heading', { name: 'Sign in to Lull' }).count()).toBe(1);
    await screenshot(page, 'consent-04-sign-in-wrong');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Token').fill(host.token); // the owner's token, from api.json
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Pages' }).waitFor();
    await page.getByRole('region', { name: 'This week' }).waitFor();
    await page.reload();
    await page.getByRole('navigation', { name: 'Pages' }).waitFor();
    const cookie = (await page.context().cookies()).find((c) => c.name === 'lull_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // 30 days from now, as the browser counts them (the host runs on a fake clock, the browser does not).
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(29.9 * 24 * 3_600_000);
    await screenshot(page, 'consent-05-signed-in');
  });

  it('a used login link leads to the sign-in page, which says the link was used', async () => {
    const page = await newPage();
    await page.goto(host.loginUrl); // used by the first test
    await page.getByRole('heading', { name: 'Sign in to Lull' }).waitFor();
    await page.getByText('That sign-in link was already used. Each link works once.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
