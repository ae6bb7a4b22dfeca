// @vitest-environment jsdom
// The Tokens section of the settings over the real core (real SQLite, real token store, the real
// bridge): a token is made by name, shown once with examples that carry it and this Lull's base
// URL, copied (or selected where the clipboard refuses); the list shows when each was made and
// last used and never a secret; revoking asks first, from the keyboard too; refusals are shown in
// place; and the tool doors' switch saves sources.compat.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsView } from '../../renderer/src/views/settings/SettingsView.tsx';
import { openCore, openDashboard, renderWindow, type Core } from './harness.tsx';

let core: Core;
beforeEach(async () => {
  core = await openCore({ role: 'maker' });
});
afterEach(async () => {
  cleanup();
  await core.close();
});

async function openSettings(languages?: readonly string[]) {
  const store = await openDashboard(core);
  const user = userEvent.setup();
  renderWindow(store, <SettingsView />, languages);
  const section = within(screen.getByRole('region', { name: languages?.[0]?.startsWith('sv') ? 'Nycklar för verktyg' : 'Tokens for tools' }));
  return { store, user, section };
}

async function make(user: ReturnType<typeof userEvent.setup>, section: ReturnType<typeof within>, name: string): Promise<void> {
  await user.clear(section.getByLabelText('Name'));
  await user.type(section.getByLabelText('Name'), name);
  await user.click(section.getByRole('button', { name: 'Make token' }));
}

describe('tokens in the settings', () => {
  it('makes a token, shows it once with examples carrying it and the base URL, copies it; the list never shows it', async () => {
    const { user, section } = await openSettings();
    expect(section.getByText('Notify only: it can post notifications and read nothing.')).toBeTruthy();
    expect(await section.findByText('No tokens yet.')).toBeTruthy();
    await make(user, section, 'ci');

    const shown = within(await section.findByRole('region', { name: 'Token for “ci”' }));
    const field = shown.getByLabelText('Token') as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    const [stored] = core.lull.tokens.list();
    expect(stored?.name).toBe('ci');
    expect(core.lull.tokens.verify(field.value)?.id).toBe(stored?.id); // the real secret, not a copy of something else
    expect(shown.getByText('Copy it now: you will not see it again. Lull keeps only a fingerprint of it.')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Token for “ci”');

    // jsdom serves the page over http: the examples name the page's own origin.
    const base = window.location.origin;
    const curl = shown.getByRole('group', { name: 'curl, Lull’s own API' }).textContent ?? '';
    expect(curl).toContain(`'${base}/v1/notifications'`);
    expect(curl).toContain(`Bearer ${field.value}`);
    for (const label of ['curl, as to ntfy', 'ntfy command line', 'Apprise URLs (any one of them)', 'Gotify form (curl)', 'Alertmanager receiver (alertmanager.yml)']) {
      expect(shown.getByRole('group', { name: label }).textContent, label).toContain(field.value);
    }
    expect(shown.getByRole('group', { name: 'Apprise URLs (any one of them)' }).textContent).toContain(`ntfy://lull:${field.value}@${window.location.host}/ci`);
    expect(shown.getByRole('group', { name: 'Alertmanager receiver (alertmanager.yml)' }).textContent).toContain(`url: '${base}/v1/hooks/alertmanager'`);

    await user.click(shown.getByRole('button', { name: 'Copy' }));
    expect(await shown.findByText('Copied.')).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe(field.value);
    await user.click(shown.getByRole('button', { name: 'Copy: Gotify form (curl)' }));
    expect(await navigator.clipboard.readText()).toContain(`${base}/message?token=${field.value}`);

    const secret = field.value;
    const list = within(section.getByRole('region', { name: 'Your tokens' }));
    const row = within(list.getByRole('row', { name: /^ci/ }));
    expect(row.getByText('this minute')).toBeTruthy(); // made just now, by the core's clock
    expect(row.getByText('never')).toBeTruthy();
    await user.click(shown.getByRole('button', { name: 'Done, hide the token' }));
    expect(section.queryByRole('region', { name: 'Token for “ci”' })).toBeNull();
    expect(document.body.textContent).not.toContain(secret);
  });

  it('selects the token when the page may not write the clipboard, and says how to copy it', async () => {
    const { user, section } = await openSettings();
    await make(user, section, 'backups');
    const shown = within(await section.findByRole('region', { name: 'Token for “backups”' }));
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    await user.click(shown.getByRole('button', { name: 'Copy' }));
    expect(await shown.findByText('Could not copy. The text is selected: press Ctrl+C (⌘C on a Mac).')).toBeTruthy();
    const field = shown.getByLabelText('Token') as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
  });

  it('shows when a token was last used, and refuses a bad or taken name in place', async () => {
    const made = await core.api.createToken({ name: 'ci', scope: 'notify' });
    core.clock.advance(3 * 3_600_000);
    core.lull.tokens.verify(made.token);
    core.clock.advance(5 * 60_000);
    const { user, section } = await openSettings();
    const row = within(await section.findByRole('row', { name: /^ci/ }));
    expect(row.getByText('23 Nov 2026, 09:30')).toBeTruthy(); // made 3 hours ago: the date and time
    expect(row.getByText('5 min ago')).toBeTruthy();

    await user.click(section.getByRole('button', { name: 'Make token' }));
    expect(await section.findByText('Give the token a name.')).toBeTruthy();
    expect(section.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    await make(user, section, 'bad\u0007name');
    expect(await section.findByText('Use printable text only.')).toBeTruthy();
    // A live token's name may not be reused: main answers 409 conflict.
    await make(user, section, 'ci');
    expect(await section.findByText('A token named “ci” exists. Revoke it first, or choose another name.')).toBeTruthy();
    expect(document.activeElement).toBe(section.getByLabelText('Name'));
    expect(core.lull.tokens.list().map((t) => t.name)).toEqual(['ci']);
    expect(section.queryByRole('region', { name: /^Token for/ })).toBeNull();
  });

  it('revokes only after a confirmation, which the keyboard reaches and Escape cancels', async () => {
    const made = await core.api.createToken({ name: 'ci', scope: 'notify' });
    await core.api.createToken({ name: 'monitor', scope: 'notify' });
    const { user, section } = await openSettings();
    const list = within(await section.findByRole('region', { name: 'Your tokens' }));
    await list.findByRole('row', { name: /^ci/ });

    await user.click(list.getByRole('button', { name: 'Revoke “ci”' }));
    const confirm = within(list.getByRole('group', { name: 'Revoke “ci”' }));
    expect(confirm.getByText('Revoke “ci”? Tools that use it are refused at once.')).toBeTruthy();
    expect(document.activeElement).toBe(confirm.getByRole('button', { name: 'Keep' }));
    await user.keyboard('{Escape}');
    expect(list.queryByRole('group', { name: 'Revoke “ci”' })).toBeNull();
    expect(core.lull.tokens.list()).toHaveLength(2);

    await user.click(list.getByRole('button', { name: 'Revoke “ci”' }));
    await user.keyboard('{Shift>}{Tab}{/Shift}{Enter}'); // from "Keep" back to "Revoke", from the keyboard
    expect(await section.findByText('Revoked “ci”.')).toBeTruthy();
    await waitFor(() => expect(list.queryByRole('row', { name: /^ci/ })).toBeNull());
    expect(list.getByRole('row', { name: /^monitor/ })).toBeTruthy();
    expect(core.lull.tokens.list().map((t) => t.name)).toEqual(['monitor']);
    expect(core.lull.tokens.verify(made.token)).toBeNull();
  });

  it('a token revoked elsewhere leaves the list with the refusal shown', async () => {
    const made = await core.api.createToken({ name: 'ci', scope: 'notify' });
    const { user, store, section } = await openSettings();
    const list = within(await section.findByRole('region', { name: 'Your tokens' }));
    await list.findByRole('row', { name: /^ci/ });
    core.lull.tokens.revoke(made.id);
    await user.click(list.getByRole('button', { name: 'Revoke “ci”' }));
    await user.click(within(list.getByRole('group', { name: 'Revoke “ci”' })).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(store.getState().notice).toMatchObject({ kind: 'error', message: 'no token with this id' }));
    expect(await list.findByText('No tokens yet.')).toBeTruthy();
  });

  it('switches the tool doors (sources.compat) beside the HTTP inbox', async () => {
    const { user } = await openSettings();
    const compat = screen.getByRole('checkbox', { name: 'Tools: ntfy, Gotify, Apprise and webhooks' });
    expect((compat as HTMLInputElement).checked).toBe(true);
    await user.click(compat);
    await waitFor(() => expect(core.lull.settings.get().sources.compat).toBe(false));
  });

  it('speaks Swedish', async () => {
    const { user, section } = await openSettings(['sv-SE']);
    await user.type(section.getByLabelText('Namn'), 'ci');
    await user.click(section.getByRole('button', { name: 'Skapa nyckel' }));
    const shown = within(await section.findByRole('region', { name: 'Nyckel för ”ci”' }));
    expect(shown.getByText('Kopiera den nu: du får inte se den igen. Lull sparar bara ett fingeravtryck av den.')).toBeTruthy();
    expect(shown.getByRole('group', { name: 'curl, Lulls eget API' }).textContent).toContain('{"title":"Bygget klart","body":"Alla tester gick igenom"}');
  });
});
