// End to end in Debian's chromium against a real lull-host and a real Dovecot: a mail account is
// added in the dashboard's settings, tested ("Connected — 3 messages in INBOX"), saved (the
// password to the secret store, never to the settings), shown as "stored" after a reload with the
// password nowhere in the page, edited (tested again with the stored password, a wrong one
// refused as a login), refused field by field, and removed with its stored password.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type RunningDovecot } from '../support/dovecot.ts';
import { startHost, type RunningHost } from '../support/host.ts';
import { launchChromium, screenshot, seriousViolations, SHOTS, watchErrors } from './browser.ts';

const PASSWORD = 'Corr3ct-horse battery';

let dovecot: RunningDovecot;
let host: RunningHost;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function shoot(on: Page, name: string): Promise<void> {
  await screenshot(on, name);
  await on.getByRole('region', { name: 'Mail', exact: true }).screenshot({ path: join(SHOTS, `${name}-section.png`) });
}

beforeAll(async () => {
  dovecot = await startDovecot({ password: PASSWORD });
  await dovecot.append([
    { from: 'Anna <anna@example.test>', subject: 'one' },
    { from: 'Bo <bo@example.test>', subject: 'two' },
    { from: 'Cy <cy@example.test>', subject: 'three' },
  ]);
  [host, browser] = await Promise.all([startHost({ settings: { role: 'maker', language: 'en', timeZone: 'UTC' } }), launchChromium()]);
  context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  await page.goto(host.loginUrl);
  await page.getByRole('navigation', { name: 'Pages' }).waitFor();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (host) rmSync(host.home, { recursive: true, force: true });
  await dovecot?.stop();
});

const readText = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** The page as HTML, and every input's current value: the password must be in neither. */
async function everythingShown(on: Page): Promise<string> {
  const values = await on.evaluate(() => [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value).join('\n'));
  return `${await on.content()}\n${values}`;
}

async function fillAccount(form: Locator, fields: { name: string; host: string; port?: string; security?: string; user: string; password?: string }): Promise<void> {
  await form.getByLabel('Name', { exact: true }).fill(fields.name);
  await form.getByLabel('IMAP server').fill(fields.host);
  if (fields.port) await form.getByLabel('Port').fill(fields.port);
  if (fields.security) await form.getByLabel('Security').selectOption(fields.security);
  await form.getByLabel('User name').fill(fields.user);
  if (fields.password) await form.getByLabel('Password', { exact: true }).fill(fields.password);
}

describe('mail accounts in the dashboard, in a real browser', () => {
  it('adds an account, tests it, saves the password write-only, edits it and removes it', async () => {
    const errors = watchErrors(page);
    await page.goto(`${host.baseUrl}/#/settings`);
    const section = page.getByRole('region', { name: 'Mail', exact: true });
    await section.getByText('No mail accounts yet.').waitFor();

    // Add: the form opens with the keyboard on its first field.
    await section.getByRole('button', { name: 'Add mail account' }).click();
    const form = section.getByRole('form', { name: 'New mail account' });
    await form.waitFor();
    expect(await form.getByLabel('Name', { exact: true }).evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await form.getByLabel('Port').getAttribute('placeholder')).toBe('993');
    await fillAccount(form, { name: 'work', host: '127.0.0.1', port: String(dovecot.port), security: 'none', user: dovecot.user, password: PASSWORD });
    await form.getByText('Lull allows it only to this machine').waitFor();
    expect(await form.getByLabel('Port').getAttribute('placeholder')).toBe('143');

    await form.getByRole('button', { name: 'Test' }).click();
    await form.getByRole('status').getByText('Connected — 3 messages in INBOX').waitFor();
    await shoot(page, 'mail-01-tested-light');
    expect(await seriousViolations(page)).toEqual([]);

    // Save: the account in the settings, the password in the secret store only.
    await form.getByRole('button', { name: 'Save' }).click();
    await section.getByText('work was saved.').waitFor();
    const row = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'work' }) });
    await row.getByText('Password stored').waitFor();
    await row.getByText(`${dovecot.user} at 127.0.0.1:${dovecot.port}`).waitFor();
    // The door watches it at once, and its status line `mail:work` shows in the row.
    await row.getByText('connected, watching INBOX').waitFor();
    expect(JSON.parse(readText(join(host.home, 'secrets.json')))).toEqual({ 'mail:work': PASSWORD });
    expect(readText(join(host.home, 'config.json'))).toContain('"work"');
    expect(readText(join(host.home, 'config.json'))).not.toContain(PASSWORD);
    const shown = await host.api<{ sources: { mail: unknown[] } }>('GET', '/v1/settings');
    expect(shown.body.sources.mail).toEqual([{ name: 'work', host: '127.0.0.1', port: dovecot.port, security: 'none', user: dovecot.user, mailbox: 'INBOX', password: 'stored' }]);

    // Reload: "stored", and the password nowhere in the page, not even in the open form.
    await page.reload();
    await row.getByText('Password stored').waitFor();
    expect(await everythingShown(page)).not.toContain(PASSWORD);
    await row.getByRole('button', { name: 'Edit work' }).click();
    const editing = section.getByRole('form', { name: 'Edit work' });
    await editing.getByText('Stored', { exact: true }).waitFor();
    expect(await editing.locator('input[type="password"]').count()).toBe(0);
    expect(await everythingShown(page)).not.toContain(PASSWORD);

    // Edit: tested with the stored password (nothing typed), a link to Gmail, saved.
    await editing.getByRole('button', { name: 'Test' }).click();
    await editing.getByRole('status').getByText('Connected — 3 messages in INBOX').waitFor();
    await editing.getByLabel('Open a message in').selectOption('gmail');
    await editing.getByRole('button', { name: 'Save' }).click();
    await section.getByText('work was saved.').waitFor();
    expect((await host.api<{ sources: { mail: { webUrl?: string; password?: string }[] } }>('GET', '/v1/settings')).body.sources.mail[0]).toMatchObject({
      webUrl: 'https://mail.google.com/mail/u/0/#search/rfc822msgid%3A{messageId}',
      password: 'stored',
    });

    // A password command is split as a shell would quote it, and shown word by word.
    await row.getByRole('button', { name: 'Edit work' }).click();
    await editing.getByLabel('From a command').check();
    await editing.getByLabel('Command', { exact: true }).fill(`printf '%s\\n' "x y"`);
    expect(await editing.locator('.argv li').allInnerTexts()).toEqual(['printf', '%s\\n', 'x y']);
    await editing.getByLabel('Command', { exact: true }).fill(`pass show "mail/work`);
    await editing.getByRole('button', { name: 'Save' }).click();
    await editing.getByText('A quote is not closed.').waitFor();
    expect(await editing.getByLabel('Command', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // A wrong password, typed instead of the stored one, is refused as a login, said in words.
    await editing.getByLabel('Kept by Lull').check();
    await editing.getByRole('button', { name: 'Change' }).click();
    await editing.getByLabel('Password', { exact: true }).fill('not the password');
    await editing.getByRole('button', { name: 'Test' }).click();
    const failed = editing.getByRole('status');
    await failed.getByText('Login refused').waitFor();
    expect(await failed.innerText()).toContain(`refused the login for ${dovecot.user}`);
    await shoot(page, 'mail-02-login-refused-light');
    await page.keyboard.press('Escape');
    await section.getByRole('button', { name: 'Add mail account' }).waitFor();
    expect((await host.api<{ sources: { mail: { password?: string }[] } }>('GET', '/v1/settings')).body.sources.mail[0]?.password).toBe('stored');

    // Field errors: what the settings refuse is said beside the field, and nothing is saved.
    await section.getByRole('button', { name: 'Add mail account' }).click();
    const second = section.getByRole('form', { name: 'New mail account' });
    await fillAccount(second, { name: 'work', host: '127.0.0.1', user: 'ann@example.com', password: 'whatever' });
    await second.getByRole('button', { name: 'Save' }).click();
    await second.getByText('another account is already named "work"').waitFor();
    expect(await second.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await second.getByLabel('Name', { exact: true }).fill('home');
    await second.getByLabel('IMAP server').fill('imap.example.com');
    await second.getByLabel('Security').selectOption('none');
    await second.getByRole('button', { name: 'Save' }).click();
    await second.getByText('it is allowed only to this machine', { exact: false }).waitFor();
    expect(await second.getByLabel('Security').getAttribute('aria-invalid')).toBe('true');
    expect(await second.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('false');
    await shoot(page, 'mail-03-field-errors-light');
    expect(await seriousViolations(page)).toEqual([]);
    await second.getByRole('button', { name: 'Cancel' }).click();
    expect((await host.api<{ sources: { mail: unknown[] } }>('GET', '/v1/settings')).body.sources.mail).toHaveLength(1);

    // Remove, confirmed from the keyboard: the account and its stored password go.
    await row.getByRole('button', { name: 'Remove work' }).click();
    const confirm = row.getByRole('group', { name: 'Remove work' });
    await confirm.getByText('Remove work? Its stored password is deleted too.').waitFor();
    await page.keyboard.press('Shift+Tab'); // from "Keep", where the confirmation puts the keyboard
    await page.keyboard.press('Enter');
    await section.getByText('work was removed.').waitFor();
    await section.getByText('No mail accounts yet.').waitFor();
    expect(JSON.parse(readText(join(host.home, 'secrets.json')))).toEqual({});
    expect((await host.api<{ sources: { mail: unknown[] } }>('GET', '/v1/settings')).body.sources.mail).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
  it('reads well in dark and at 200 % zoom, with nothing wider than the window', async () => {
    const zoomed = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 640, height: 900 }, deviceScaleFactor: 2, colorScheme: 'dark' });
    await zoomed.addCookies(await context.cookies());
    const big = await zoomed.newPage();
    await big.goto(`${host.baseUrl}/#/settings`);
    const section = big.getByRole('region', { name: 'Mail', exact: true });
    await section.getByRole('button', { name: 'Add mail account' }).click();
    const form = section.getByRole('form', { name: 'New mail account' });
    await fillAccount(form, { name: 'a-rather-long-account-name', host: 'imap.a-very-long-host-name.example.com', user: 'someone.with.a.long.address@example.com' });
    await form.getByLabel('From a command').check();
    await form.getByLabel('Command', { exact: true }).fill(`op read "op://Private/A very long vault item name for the mail account/password"`);
    await form.getByRole('button', { name: 'Test' }).click();
    await form.getByRole('status').getByText('Command failed').waitFor();
    const wide = await big.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => e.tagName));
    expect(wide).toEqual([]);
    expect(await big.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await shoot(big, 'mail-04-form-dark-zoom-200');
    expect(await seriousViolations(big)).toEqual([]);
    await zoomed.close();
  }, 60_000);
});
