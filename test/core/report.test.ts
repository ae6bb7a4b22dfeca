import { describe, expect, it } from 'vitest';
import { weeklyReport } from '../../main/core/report.ts';
import { defaultSettings } from '../../main/core/settings.ts';
import { harness } from '../support/engineHarness.ts';

const HOUR = 3_600_000;

describe('weekly report', () => {
  it('reports a week of focus with the previous week beside it', async () => {
    // Previous week (W47): one ad hoc block, 2 held items.
    const h = harness('2026-11-17T10:00:00+01:00', { refocusMinutes: 20, schedule: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' }] });
    h.engine.endFocus(); // the scheduled block started at 10:00; end it early
    h.engine.startFocus({ minutes: 60 });
    await h.post('a', { sender: 'Anna', source: 'slack' });
    await h.post('b', { sender: 'Anna', source: 'slack' });
    h.clock.advance(HOUR);

    // This week (W48): Monday 2026-11-23 scheduled 09–12 runs in full.
    h.clock.advanceTo('2026-11-23T09:00:00+01:00');
    await h.post('x', { sender: 'Bo', source: 'mail' });
    h.clock.advance(60_000);
    await h.post('y', { sender: 'Bo', source: 'mail' });
    h.clock.advance(30 * 60_000);
    await h.post('z', { sender: 'Cy', source: 'ci' });
    await h.post('page', { source: 'pager', priority: 'urgent' });
    h.clock.advanceTo('2026-11-23T13:00:00+01:00');
    await h.post('after', { source: 'ci' });

    const r = h.engine.weeklyReport('2026-W48');
    expect(r.week).toBe('2026-W48');
    expect(r.days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(r).toMatchObject({ plannedHours: 15, arrivals: 5, held: 3, delivered: 1, breakthrough: 1, moments: 2, refocusMinutesSaved: 40, blocksCompleted: 1, keptHours: 3 });
    expect(r.breakthroughsByRule.urgent).toBe(1);
    expect(r.topSources.slice(0, 2)).toEqual([{ name: 'ci', count: 2 }, { name: 'mail', count: 2 }]);
    expect(r.topSenders[0]).toEqual({ name: 'Bo', count: 2 });
    expect(r.heatmap[0]?.[9]).toBe(4);
    expect(r.heatmap[0]?.[13]).toBe(1);
    expect(r.medianHoldMinutes).toBe(179);
    expect(r.longestHoldMinutes).toBe(180);
    expect(r.previous).toMatchObject({ week: '2026-W47', held: 2, moments: 1, blocksEndedEarly: 1, blocksCompleted: 4 }); // the ad hoc block and Wed–Fri's scheduled ones
    expect(r.change.held).toBe(1);
    expect(r.refocusEstimate).toEqual({ minutesPerMoment: 20, momentGapMinutes: 2 });
  });

  it('puts arrivals in the right hour on a daylight-saving day', () => {
    const at = Date.parse('2026-10-25T02:30:00+01:00'); // the second 02:30 in Stockholm
    const item = { id: 'a', source: 's', title: 't', receivedAt: at, disposition: 'delivered', rule: null, status: 'delivered', blockId: null, batchId: null, releasedAt: null, snoozedUntil: null, handledAt: null } as const;
    const r = weeklyReport({ week: '2026-W43', timeZone: 'Europe/Stockholm', refocusMinutes: 23, schedule: [], now: at, load: (from, to) => ({ items: at >= from && at < to ? [item] : [], blocks: [] }), settings: defaultSettings(), language: 'en' });
    expect(r.heatmap[6]?.[2]).toBe(1);
    expect(r.days[6]?.delivered).toBe(1);
  });

  it('refuses a malformed week', () => {
    const h = harness('2026-11-23T10:00:00+01:00');
    expect(() => h.engine.weeklyReport('2026-48')).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => h.engine.weeklyReport('2026-W54')).toThrow(expect.objectContaining({ code: 'invalid' }));
  });
});
