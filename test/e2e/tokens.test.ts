// End to end in Debian's chromium against a real lull-host: a notify-only token is made in the
// dashboard's settings, read from the page and copied, used with a real fetch (it posts: 202; it
// reads nothing: 403), then revoked in the page after the confirmation, and the next post is
// refused (401). Screenshots in light and dark and at 200 % zoom; axe on each.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../support/host.ts';
import { launchChromium, screenshot, seriousViolations, SHOTS, watchErrors } from './browser.ts';

/** The whole page, and the Tokens section alone (what a person looks at there). */
async function shoot(on: Page, name: string): Promise<void> {
  await screenshot(on, name);
  await on.getByRole('region', { name: 'Tokens for tools' }).screenshot({ path: join(SHOTS, `${name}-section.png`) });
}

let host: RunningHost;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const post = (token: string) =>
  fetch(`${host.baseUrl}/v1/notifications`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'deploy done' }) });

beforeAll(async () => {
  [host, browser] = await Promise.all([startHost({ settings: { role: 'maker', language: 'en', timeZone: 'UTC' } }), launchChromium()]);
  context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1200, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.baseUrl });
  page = await context.newPage();
  await page.goto(host.loginUrl);
  await page.getByRole('navigation', { name: 'Pages' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (host) rmSync(host.home, { recursive: true, force: true });
});

async function makeToken(on: Page, name: string): Promise<string> {
  const section = on.getByRole('region', { name: 'Tokens for tools' });
  await section.getByLabel('Name').fill(name);
  await section.getByRole('button', { name: 'Make token' }).click();
  const shown = section.getByRole('region', { name: `Token for “${name}”` });
  await shown.waitFor();
  return shown.getByLabel('Token').inputValue();
}

describe('tokens in the dashboard, in a real browser', () => {
  it('makes a token that posts but reads nothing, shows it once with examples, and revokes it', async () => {
    const errors = watchErrors(page);
    await page.goto(`${host.baseUrl}/#/settings`);
    const section = page.getByRole('region', { name: 'Tokens for tools' });
    await section.getByText('No tokens yet.').waitFor();
    const token = await makeToken(page, 'ci');
    expect(token).toMatch(/^lull_n_/);

    const shown = section.getByRole('region', { name: 'Token for “ci”' });
    await shown.getByRole('button', { name: 'Copy', exact: true }).click();
    await shown.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    // The first example is open, with this host's real base URL and the token.
    const curl = await shown.getByRole('group', { name: 'curl, Lull’s own API' }).locator('pre').innerText();
    expect(curl).toContain(`'${host.baseUrl}/v1/notifications'`);
    expect(curl).toContain(`Bearer ${token}`);
    await shown.getByText('Alertmanager receiver (alertmanager.yml)').click();
    expect(await shown.getByRole('group', { name: 'Alertmanager receiver (alertmanager.yml)' }).locator('pre').innerText()).toContain(`credentials: '${token}'`);
    await shoot(page, 'tokens-01-made-light');
    expect(await seriousViolations(page)).toEqual([]);

    // The token posts (202) and reads nothing (403).
    const posted = await post(token);
    expect(posted.status).toBe(202);
    expect((await fetch(`${host.baseUrl}/v1/held`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);

    await shown.getByRole('button', { name: 'Done, hide the token' }).click();
    expect(await page.getByText(token).count()).toBe(0);
    // The list, read again, shows the use just made and never the secret.
    await page.reload();
    const list = page.getByRole('region', { name: 'Your tokens' });
    const row = list.getByRole('row', { name: /^ci/ });
    await row.waitFor();
    expect(await row.locator('td').nth(1).innerText()).toBe('this minute');
    expect(await page.content()).not.toContain(token);

    await list.getByRole('button', { name: 'Revoke “ci”' }).click();
    const confirm = list.getByRole('group', { name: 'Revoke “ci”' });
    await confirm.getByText('Revoke “ci”? Tools that use it are refused at once.').waitFor();
    await shoot(page, 'tokens-02-revoke-confirm-light');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Shift+Tab'); // from "Keep", where the confirmation puts the keyboard
    await page.keyboard.press('Enter');
    await list.getByText('Revoked “ci”.').waitFor();
    await list.getByText('No tokens yet.').waitFor();
    expect((await post(token)).status).toBe(401);
    expect(errors).toEqual([]);
  });

  it('reads well in dark, and at 200 % zoom with nothing cut off', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${host.baseUrl}/#/settings`);
    await makeToken(page, 'monitor');
    await page.getByRole('region', { name: 'Tokens for tools' }).scrollIntoViewIfNeeded();
    await shoot(page, 'tokens-03-made-dark');
    expect(await seriousViolations(page)).toEqual([]);

    // 200 %: the same screen at half the CSS width, as a 1280 px window zoomed twice.
    const zoomed = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 });
    await zoomed.addCookies(await context.cookies());
    const big = await zoomed.newPage();
    await big.goto(`${host.baseUrl}/#/settings`);
    await makeToken(big, 'backups');
    await big.getByRole('region', { name: 'Your tokens' }).getByRole('row', { name: /^backups/ }).waitFor();
    // Nothing wider than the window but the examples' lines, which scroll inside their own box.
    const wide = await big.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => !e.closest('pre') && e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => e.tagName));
    expect(wide).toEqual([]);
    expect(await big.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await big.getByRole('region', { name: 'Tokens for tools' }).scrollIntoViewIfNeeded();
    await shoot(big, 'tokens-04-made-zoom-200');
    expect(await seriousViolations(big)).toEqual([]);
    await zoomed.close();
  });
});
