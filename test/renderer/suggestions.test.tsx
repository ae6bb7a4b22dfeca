// @vitest-environment jsdom
// The report's "Breakthroughs — was it urgent?" over the real core: the per-rule table from
// verdicts given through the bridge, a suggestion applied with one click (main's settings change)
// and undone (they are back, exactly), from the keyboard.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportView } from '../../renderer/src/views/report/ReportView.tsx';
import { ingest, openCore, renderWindow, type Core, openDashboard } from './harness.tsx';

let core: Core;
beforeEach(async () => {
  core = await openCore({ breakthrough: { vipSenders: ['Anna', 'Bo'], keywords: ['deploy'], repeatEscalation: { attempts: 0, minutes: 30 } } });
});
afterEach(async () => {
  cleanup();
  await core.close();
});

/** `n` breakthroughs from a VIP, each judged "not urgent" through the bridge. */
async function noiseFrom(sender: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const { item } = await ingest(core, { source: 'chat', sender, title: `note ${i}` });
    expect(item.rule).toBe('vip');
    await core.api.judge({ id: item.id, urgent: false });
    core.clock.advance(60_000);
  }
}

async function reportPage() {
  const store = await openDashboard(core);
  renderWindow(store, <ReportView week={null} />);
  return { store, region: await screen.findByRole('region', { name: 'Breakthroughs — was it urgent?' }) };
}

describe('breakthroughs — was it urgent?', () => {
  it('shows each rule with its verdicts, and a suggestion that Apply patches into the settings and Undo puts back', async () => {
    core.lull.engine.startFocus({ minutes: 90 });
    await noiseFrom('Anna', 3);
    const urgent = await ingest(core, { source: 'ci', title: 'deploy failed' });
    await core.api.judge({ id: urgent.item.id, urgent: true });
    await ingest(core, { source: 'ci', title: 'deploy started' }); // not judged
    const { store, region } = await reportPage();
    const table = within(region).getByRole('table', { name: 'Breakthroughs — was it urgent?' });
    const cells = (rule: string) => within(within(table).getByRole('row', { name: new RegExp(`^${rule}`) })).getAllByRole('cell').map((c) => c.textContent);
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Rule', 'Broke through', 'Urgent', 'Not urgent', 'Not judged']);
    expect(cells('VIP sender')).toEqual(['3', '0', '3', '0']);
    expect(cells('Keyword')).toEqual(['2', '1', '0', '1']);
    expect(cells('Urgent')).toEqual(['0', '0', '0', '0']);

    const suggestion = within(region).getByRole('listitem');
    expect(within(suggestion).getByText('VIP Anna: 3 of 3 not urgent — remove?')).toBeTruthy();
    const apply = within(suggestion).getByRole('button', { name: 'Apply' });
    expect(apply.getAttribute('aria-describedby')).toBeTruthy();
    apply.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(core.lull.settings.get().breakthrough.vipSenders).toEqual(['Bo']));
    expect(core.lull.settings.get().breakthrough.keywords).toEqual(['deploy']);
    // Applied: the row stays, says so, and the keyboard is on its Undo.
    const undo = await within(suggestion).findByRole('button', { name: 'Undo' });
    expect(within(suggestion).getByText('Applied')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(undo));
    expect(store.getState().report?.suggestions).toEqual([]);

    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(core.lull.settings.get().breakthrough.vipSenders).toEqual(['Anna', 'Bo']));
    const again = await within(region).findByRole('button', { name: 'Apply' });
    await waitFor(() => expect(document.activeElement).toBe(again));
    expect(within(region).queryByText('Applied')).toBeNull();
  });

  it('undoing the first of two changes to one list puts back the list before both, and offers both again', async () => {
    core.lull.engine.startFocus({ minutes: 90 });
    await noiseFrom('Anna', 3);
    await noiseFrom('Bo', 4);
    const { region } = await reportPage();
    const row = (name: string) => within(region).getByText(new RegExp(`^VIP ${name}:`)).closest('li') as HTMLElement;
    await userEvent.click(within(row('Anna')).getByRole('button', { name: 'Apply' }));
    await within(row('Anna')).findByRole('button', { name: 'Undo' });
    await userEvent.click(within(row('Bo')).getByRole('button', { name: 'Apply' }));
    await within(row('Bo')).findByRole('button', { name: 'Undo' });
    expect(core.lull.settings.get().breakthrough.vipSenders).toEqual([]);
    expect(within(region).getAllByRole('listitem').map((li) => li.getAttribute('data-suggestion'))).toEqual(['vip:anna', 'vip:bo']);

    await userEvent.click(within(row('Anna')).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(region).getAllByRole('button', { name: 'Apply' })).toHaveLength(2));
    expect(core.lull.settings.get().breakthrough.vipSenders).toEqual(['Anna', 'Bo']);
  });

  it('says when there is nothing to suggest, and how a suggestion comes about', async () => {
    core.lull.engine.startFocus({ minutes: 90 });
    await noiseFrom('Anna', 2);
    const { region } = await reportPage();
    expect(within(region).getByText(/at least 3 of a rule’s breakthroughs are judged and two thirds of them were not urgent/)).toBeTruthy();
    expect(within(region).queryByRole('button')).toBeNull();
  });
});

