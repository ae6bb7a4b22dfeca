// @vitest-environment jsdom
// The Mail section of the settings over the real core (real settings file, real secret store, the
// real bridge): an account with a stored password says so and never shows it; its health line is
// the status line `mail:<name>`, detail included; a test's count is written in the user's locale
// and its failure kind as a short label, in English and Swedish.
import { cleanup, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LullApi, MailTestResult } from '../../preload/contract.ts';
import { createDashboardStore } from '../../renderer/src/store/dashboardStore.ts';
import { SettingsView } from '../../renderer/src/views/settings/SettingsView.tsx';
import { openCore, renderWindow, type Core } from './harness.tsx';

const SECRET = 'pw-Very-secret 42';
let core: Core;
beforeEach(async () => {
  core = await openCore({ role: 'maker', sources: { mail: [{ name: 'work', host: 'imap.example.com', user: 'ann@example.com' }] } });
  await core.api.setSecret({ name: 'mail:work', secret: SECRET });
});
afterEach(async () => {
  cleanup();
  await core.close();
});

/** The window over the core; `answer` stands in for the IMAP server's part of `mail:test` only. */
async function openSettings(languages: readonly string[] = ['en-GB'], answer?: MailTestResult) {
  const api: LullApi = answer ? { ...core.api, testMailAccount: async () => answer } : core.api;
  const store = createDashboardStore(api, core.deps);
  await store.getState().hydrate();
  renderWindow(store, <SettingsView />, languages);
  const section = within(screen.getByRole('region', { name: languages[0]?.startsWith('sv') ? 'E-post' : 'Mail' }));
  return { store, section, user: userEvent.setup() };
}

describe('mail accounts in the settings', () => {
  it('lists an account with where it logs in, "Password stored", and its health line from the status', async () => {
    const { store, section } = await openSettings();
    const row = within(section.getByRole('heading', { name: 'work' }).closest('li')!);
    expect(row.getByText(/ann@example\.com at imap\.example\.com:993/)).toBeTruthy();
    expect(row.getByText('Password stored')).toBeTruthy();
    // What the watcher publishes under `mail:work` (sources/mail): shown as it stands, detail included.
    const status = store.getState().status!;
    store.getState().setStatus({ ...status, sources: [...status.sources, { name: 'mail:work', state: 'degraded', detail: 'imap.example.com:993 refused the login for ann@example.com' }] });
    expect((await row.findByText('Working in part')).closest('p')?.textContent).toBe('Working in part — imap.example.com:993 refused the login for ann@example.com');
    store.getState().setStatus({ ...status, sources: [...status.sources, { name: 'mail:work', state: 'running', detail: 'connected, watching INBOX' }] });
    expect((await row.findByText('connected, watching INBOX')).textContent).toBe('connected, watching INBOX');
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('edits with the password write-only: "Stored" and Change, then an empty password field', async () => {
    const { section, user } = await openSettings();
    await user.click(section.getByRole('button', { name: 'Edit work' }));
    const form = within(section.getByRole('form', { name: 'Edit work' }));
    expect(form.getByText('Stored')).toBeTruthy();
    expect(form.queryByLabelText('Password')).toBeNull();
    await user.click(form.getByRole('button', { name: 'Change' }));
    const field = form.getByLabelText('Password') as HTMLInputElement;
    expect(field.type).toBe('password');
    expect(field.value).toBe('');
    expect(field.getAttribute('autocomplete')).toBe('new-password');
    // A new name needs the password again (it is stored under the name), said at the field.
    await user.click(form.getByRole('button', { name: 'Keep the stored one' }));
    await user.clear(form.getByLabelText('Name'));
    await user.type(form.getByLabelText('Name'), 'office');
    await user.click(form.getByRole('button', { name: 'Save' }));
    expect(await form.findByText('Type the password again: it is stored under the account’s name.')).toBeTruthy();
    expect(core.lull.settings.get().sources.mail.map((a) => a.name)).toEqual(['work']);
  });

  it.each([
    [['en-GB'], 'Connected — 1,204 messages in INBOX', 'Login refused'],
    // Swedish groups digits with a (narrow) no-break space.
    [['sv-SE'], /^Ansluten — 1\s204 meddelanden i INBOX$/, 'Inloggningen nekades'],
  ])('writes the count in the locale and the failure as a short label (%s)', async (languages, connected, refused) => {
    const sv = languages[0] === 'sv-SE';
    const ok = await openSettings(languages, { ok: true, mailbox: 'INBOX', messages: 1204 });
    await ok.user.click(ok.section.getByRole('button', { name: sv ? 'Ändra work' : 'Edit work' }));
    await ok.user.click(ok.section.getByRole('button', { name: sv ? 'Testa' : 'Test' }));
    expect(await ok.section.findByText(connected)).toBeTruthy();
    cleanup();
    const failed = await openSettings(languages, { ok: false, kind: 'auth', message: 'imap.example.com:993 refused the login for ann@example.com' });
    await failed.user.click(failed.section.getByRole('button', { name: sv ? 'Ändra work' : 'Edit work' }));
    await failed.user.click(failed.section.getByRole('button', { name: sv ? 'Testa' : 'Test' }));
    expect(await failed.section.findByText(refused)).toBeTruthy();
  });
});
