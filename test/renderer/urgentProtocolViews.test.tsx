// @vitest-environment jsdom
// The urgent protocol as the dashboard shows it, over the real core: the settings for sources
// that never break through and for repeat escalation (attempts, not messages), and what resolved
// itself counted today and in the weekly report.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReportView } from '../../renderer/src/views/report/ReportView.tsx';
import { SettingsView } from '../../renderer/src/views/settings/SettingsView.tsx';
import { TodayView } from '../../renderer/src/views/today/TodayView.tsx';
import { giveLayout, ingest, openCore, renderWindow, type Core, openDashboard } from './harness.tsx';

let core: Core;
beforeAll(giveLayout);
afterEach(async () => {
  cleanup();
  await core.close();
});

const dashboard = () => openDashboard(core);

describe('settings: the urgent protocol', () => {
  it('saves the sources that never break through, and says in words what repeat escalation does now', async () => {
    core = await openCore({ role: 'maker' });
    renderWindow(await dashboard(), <SettingsView />);
    const never = screen.getByLabelText('Sources that never break through');
    expect(screen.getByText(/Items from these sources are held in every block, even urgent ones — a CI feed, a chatty bot\./)).toBeTruthy();
    await userEvent.type(never, 'ci{Enter}monitoring');
    fireEvent.blur(never);
    await waitFor(() => expect(core.lull.settings.get().breakthrough.neverBreaksThrough).toEqual(['ci', 'monitoring']));

    expect(screen.getByText('Now: the 3rd separate attempt within 30 minutes gets through. Lines within 2 minutes of each other are one attempt.')).toBeTruthy();
    const attempts = screen.getByLabelText('Let this separate attempt from one sender through (0 = never)');
    await userEvent.clear(attempts);
    await userEvent.type(attempts, '2{Enter}');
    expect(await screen.findByText(/^Now: the 2nd separate attempt within 30 minutes/)).toBeTruthy();
    await userEvent.clear(attempts);
    await userEvent.type(attempts, '0{Enter}');
    expect(await screen.findByText('Now: no one gets through by trying again.')).toBeTruthy();
    expect(core.lull.settings.get().breakthrough.repeatEscalation).toEqual({ attempts: 0, minutes: 30 });
  });

  it('writes the ordinal in Swedish', async () => {
    core = await openCore({ role: 'maker', language: 'sv', breakthrough: { repeatEscalation: { attempts: 2, minutes: 15 } } });
    renderWindow(await dashboard(), <SettingsView />, ['sv-SE']);
    expect(screen.getByText(/^Nu: det 2:a separata försöket inom 15 minuter släpps igenom\./)).toBeTruthy();
    expect(screen.getByLabelText('Källor som aldrig släpps igenom')).toBeTruthy();
  });
});

describe('what resolved itself is counted', () => {
  it('today and in the weekly report, beside the held count', async () => {
    core = await openCore({ role: 'maker' });
    core.lull.engine.startFocus({ minutes: 30 });
    const gone = await ingest(core, { source: 'bank', title: 'code 4411' });
    await ingest(core, { source: 'chat', title: 'lunch?' });
    core.lull.engine.withdraw({ id: gone.item.id });
    const store = await dashboard();
    renderWindow(store, <TodayView />);
    const term = await screen.findByText('Resolved while you focused');
    expect(term.nextElementSibling?.textContent).toBe('1');
    cleanup();

    renderWindow(store, <ReportView week={null} />);
    const summary = await screen.findByRole('table', { name: 'This week beside the week before' });
    const rows = within(summary).getAllByRole('row').map((r) => r.getAttribute('data-metric'));
    expect(rows.indexOf('resolved')).toBe(rows.indexOf('held') + 1);
    const resolved = within(summary).getByRole('row', { name: /^Resolved while you focused/ });
    expect(within(resolved).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0', '+1']);
  });
});
