import { describe, expect, it } from 'vitest';
import { scheduleConsent, scheduleFromFor, type ScheduleStart } from '../../main/core/consent.ts';
import { harness } from '../support/engineHarness.ts';

// 2026-12-09 is a Wednesday; the default schedule is Mon–Fri 09:00–12:00 (here in UTC).
const WEEKDAY_BLOCK = [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' }];
const fresh = (at: string) => harness(`2026-12-09T${at}:00Z`, { timeZone: 'UTC', schedule: WEEKDAY_BLOCK, scheduleFrom: null });

/** What the first run does with the user's choice: sets `scheduleFrom`, which the engine hears. */
function choose(h: ReturnType<typeof fresh>, choice: ScheduleStart): void {
  const settings = h.engine.getSettings();
  h.engine.setSettings({ ...settings, scheduleFrom: scheduleFromFor(choice, settings, h.clock.now()) });
}

describe('consent before holding: scheduled blocks', () => {
  it('with no choice made, no scheduled block starts: not now, not tomorrow', async () => {
    const h = fresh('08:00');
    h.clock.advanceTo('2026-12-09T09:45:00Z');
    expect(h.engine.status()).toMatchObject({ state: 'idle', block: null });
    expect((await h.post('build green')).item.disposition).toBe('delivered');
    h.clock.advanceTo('2026-12-10T10:00:00Z');
    expect(h.engine.status().state).toBe('idle');
    expect(h.events.some((e) => e.type === 'block-started')).toBe(false);
  });

  it('"start now" at 09:45 inside the 09:00–12:00 block starts that block, which holds', async () => {
    const h = fresh('09:45');
    expect(h.engine.status().state).toBe('idle');
    choose(h, 'now');
    expect(h.engine.getSettings().scheduleFrom).toBe('2026-12-09T09:00:00.000Z');
    expect(h.engine.status()).toMatchObject({ state: 'focus', block: { kind: 'scheduled', endsAt: Date.parse('2026-12-09T12:00:00Z') } });
    expect((await h.post('lunch?')).item.disposition).toBe('held');
  });

  it('"from the next planned block" leaves the running one alone and starts the next', async () => {
    const h = fresh('09:45');
    choose(h, 'next');
    expect(h.engine.getSettings().scheduleFrom).toBe('2026-12-09T09:45:00.000Z');
    expect(h.engine.status().state).toBe('idle');
    expect((await h.post('now')).item.disposition).toBe('delivered');
    h.clock.advanceTo('2026-12-09T11:59:00Z');
    expect(h.engine.status().state).toBe('idle');
    h.clock.advanceTo('2026-12-10T09:00:00Z');
    expect(h.engine.status()).toMatchObject({ state: 'focus', block: { kind: 'scheduled', startedAt: Date.parse('2026-12-10T09:00:00Z') } });
    expect((await h.post('tomorrow')).item.disposition).toBe('held');
  });

  it('after "next", a restart inside the skipped block still does not start it', () => {
    const h = fresh('09:45');
    choose(h, 'next');
    const again = harness('2026-12-09T10:30:00Z', h.engine.getSettings(), h.store);
    expect(again.engine.status().state).toBe('idle');
  });

  it('a block started by hand holds with no choice made', async () => {
    const h = fresh('09:45');
    h.engine.startFocus({ minutes: 30 });
    expect(h.engine.status()).toMatchObject({ state: 'focus', block: { kind: 'adhoc' } });
    expect((await h.post('ping')).item.disposition).toBe('held');
    h.clock.advanceTo('2026-12-09T10:16:00Z'); // the hand-started block ends; the scheduled one does not follow
    expect(h.engine.status().state).toBe('idle');
  });

  it('tells what the choice is about: the block running now and the next one', () => {
    const inside = fresh('09:45');
    const at = Date.parse('2026-12-09T09:45:00Z');
    expect(scheduleConsent(inside.engine.getSettings(), at)).toEqual({
      from: null,
      current: { start: Date.parse('2026-12-09T09:00:00Z'), end: Date.parse('2026-12-09T12:00:00Z') },
      next: { start: Date.parse('2026-12-10T09:00:00Z'), end: Date.parse('2026-12-10T12:00:00Z') },
    });
    // Outside a block, "start now" means from now: the next block is the first that holds.
    const evening = Date.parse('2026-12-09T19:00:00Z');
    expect(scheduleFromFor('now', inside.engine.getSettings(), evening)).toBe('2026-12-09T19:00:00.000Z');
  });
});
