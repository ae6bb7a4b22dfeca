// A breakthrough re-shown while the desktop's daemon is held shows what came in, icon and text,
// even in "titles only" mode, which governs what is stored, not what is shown.
import { describe, expect, it } from 'vitest';
import type { IncomingItem } from '../../../main/core/types.ts';
import { showBreakthrough } from '../../../main/delivery/desktop/breakthrough.ts';
import type { NotifyArgs } from '../../../main/delivery/desktop/daemonWatch.ts';
import type { DunstOverlay } from '../../../main/delivery/desktop/dunstOverlay.ts';
import { harness } from '../../support/engineHarness.ts';

describe('a re-shown breakthrough', () => {
  it('carries the icon and the body as they came, though "titles only" stores no body and no icon', async () => {
    const h = harness('2026-11-23T08:00:00Z', { schedule: [], storage: { mode: 'titles', retentionDays: 30 } });
    h.engine.startFocus({ minutes: 30 });
    const { item: stored } = await h.post('db slow', { source: 'desktop', app: 'Pager', body: 'replica lag', priority: 'high', icon: 'dialog-warning' });
    expect(stored).toMatchObject({ disposition: 'held', body: undefined });
    expect('icon' in stored).toBe(false);
    expect(h.store.getItem(stored.id)).not.toHaveProperty('icon');

    const urgent = await h.post('page', { source: 'desktop', app: 'Pager', body: 'primary <unreachable>', priority: 'urgent', icon: 'dialog-warning' });
    const added = h.events.find((e) => e.type === 'item-added' && e.item.id === urgent.item.id);
    expect(added?.type === 'item-added' && added.item.disposition).toBe('breakthrough');
    if (added?.type !== 'item-added') throw new Error('no item-added event');

    const sent: NotifyArgs[] = [];
    const shownBy = { overlay: { show: async (a: NotifyArgs) => void sent.push(a) } as unknown as DunstOverlay, notify: async (a: NotifyArgs) => void sent.push(a) };
    await showBreakthrough('dunst', added.item, added.incoming, shownBy);
    const asHigh: IncomingItem = { ...added.incoming, priority: 'high' };
    await showBreakthrough('swaync', { ...added.item, priority: 'high' }, asHigh, shownBy);
    expect(sent).toEqual([
      expect.objectContaining({ app: 'Pager', icon: 'dialog-warning', summary: 'page', body: 'primary &lt;unreachable&gt;', urgency: 2, lullHint: 'breakthrough' }),
      expect.objectContaining({ icon: 'dialog-warning', body: 'primary &lt;unreachable&gt;', urgency: 2 }),
    ]);
  });
});
