// Holding a daemon through a block, on a fake clock, with stand-in controls: the prior state is
// durable before the pause, a batch lets the daemon go until it has shown what it kept, the end
// restores it, and a crashed run's record is settled on the next start.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { controlFor } from '../../../main/delivery/daemons/control.ts';
import { DaemonHold } from '../../../main/delivery/daemons/hold.ts';
import { PRIOR_STATE_FILE, readPriorState, savePriorState } from '../../../main/delivery/daemons/priorState.ts';
import { FakeClock } from '../../support/fakeClock.ts';
import { standIn, type StandIn } from './standIn.ts';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

function setup(command: 'gsettings' | 'dunstctl', initial: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lull-hold-'));
  const stand: StandIn = standIn(command, initial, dataDir);
  cleanup.push(() => (stand.remove(), rmSync(dataDir, { recursive: true, force: true })));
  const clock = new FakeClock('2026-11-24T10:00:00Z');
  const hold = new DaemonHold({ dataDir, clock, settlePollMs: 1_000, minReleaseMs: 15_000, maxReleaseMs: 600_000 });
  const control = controlFor(command === 'gsettings' ? 'gnome' : 'dunst', stand.run);
  return { dataDir, stand, clock, hold, control };
}

/** Lets the hold's queued command lines run (real processes), then returns. */
const ran = (hold: DaemonHold) => hold.idle();

describe('holding a daemon for a block', () => {
  it('saves the prior state durably before pausing, and restores it at block end', async () => {
    const { dataDir, stand, hold, control } = setup('gsettings', 'true\n');
    await hold.setControl(control, false);
    await hold.blockStarted();
    expect(stand.callsWithState()).toEqual([
      { args: 'get org.gnome.desktop.notifications show-banners', stateSaved: false },
      { args: 'set org.gnome.desktop.notifications show-banners false', stateSaved: true },
    ]);
    expect(JSON.parse(readFileSync(join(dataDir, PRIOR_STATE_FILE), 'utf8'))).toMatchObject({ version: 1, prior: { daemon: 'gnome', showBanners: true } });
    expect(hold.status()).toEqual({ phase: 'held', daemon: 'gnome', problem: null });
    await hold.blockEnded();
    expect(stand.state()).toBe('true');
    expect(existsSync(join(dataDir, PRIOR_STATE_FILE))).toBe(false);
    expect(hold.status().phase).toBe('idle');
  });

  it('a batch inside the block lets a tray daemon show banners for the release window, then holds again', async () => {
    const { stand, clock, hold, control } = setup('gsettings', 'true\n');
    await hold.setControl(control, false);
    await hold.blockStarted();
    await hold.batchReleased();
    expect(stand.state()).toBe('true');
    expect(hold.status().phase).toBe('released');
    // It cannot tell when it has shown everything: one wake-up at the end of the window, no polling.
    expect(clock.pending()).toEqual([clock.now() + 15_000]);
    clock.advance(14_000);
    await ran(hold);
    expect(stand.state()).toBe('true');
    clock.advance(2_000);
    await ran(hold);
    expect(stand.state()).toBe('false');
    expect(hold.status().phase).toBe('held');
  });

  it('dunst is held again as soon as it has shown everything (settled), without a fixed window', async () => {
    const { stand, clock, hold, control } = setup('dunstctl', 'false\n');
    await hold.setControl(control, false);
    await hold.blockStarted();
    await hold.batchReleased();
    expect(stand.state()).toBe('false');
    clock.advance(1_000);
    await ran(hold);
    await ran(hold);
    expect(stand.state()).toBe('true');
    expect(stand.calls()).toContain('count waiting');
  });

  it('the block ending during a release window restores and stops polling', async () => {
    const { stand, clock, hold, control } = setup('gsettings', 'true\n');
    await hold.setControl(control, false);
    await hold.blockStarted();
    await hold.batchReleased();
    await hold.blockEnded();
    clock.advance(60_000);
    await ran(hold);
    expect(stand.state()).toBe('true');
    expect(clock.pending()).toEqual([]);
  });

  it('on start after a crash with no block active: restores the saved state and forgets it', async () => {
    const { dataDir, stand, hold, control } = setup('gsettings', 'false\n');
    savePriorState(dataDir, { daemon: 'gnome', showBanners: true });
    await hold.setControl(control, false);
    expect(stand.state()).toBe('true');
    expect(readPriorState(dataDir)).toEqual({ kind: 'none' });
  });

  it('on start after a crash with the block still active: keeps the original prior state and pauses', async () => {
    const { dataDir, stand, hold, control } = setup('gsettings', 'false\n');
    savePriorState(dataDir, { daemon: 'gnome', showBanners: true });
    await hold.setControl(control, true);
    expect(stand.calls()).toEqual(['set org.gnome.desktop.notifications show-banners false']);
    expect(readPriorState(dataDir)).toEqual({ kind: 'saved', prior: { daemon: 'gnome', showBanners: true } });
  });

  it('a leftover record is restored through the control it names, before any daemon is found on the bus', async () => {
    const { dataDir, stand, hold } = setup('gsettings', 'false\n');
    savePriorState(dataDir, { daemon: 'gnome', showBanners: true });
    await hold.restoreLeftover((name) => controlFor(name, stand.run));
    expect(stand.state()).toBe('true');
    expect(readPriorState(dataDir)).toEqual({ kind: 'none' });
  });

  it('an unreadable record is moved aside and the daemon is given back unsilenced', async () => {
    const { dataDir, stand, hold, control } = setup('gsettings', 'false\n');
    writeFileSync(join(dataDir, PRIOR_STATE_FILE), '{"version":1,"prior":{"daemon":"gno');
    await hold.setControl(control, false);
    expect(stand.state()).toBe('true');
    expect(readdirSync(dataDir).filter((f) => f.startsWith('daemon-state.corrupt-'))).toHaveLength(1);
  });

  it("a record for another daemon (the user switched while Lull was down) stays until that daemon is back", async () => {
    const { dataDir, stand, hold, control } = setup('gsettings', 'true\n');
    savePriorState(dataDir, { daemon: 'dunst', paused: false });
    await hold.setControl(control, false);
    expect(stand.calls()).toEqual([]);
    expect(readPriorState(dataDir)).toEqual({ kind: 'saved', prior: { daemon: 'dunst', paused: false } });
  });

  it('a control that fails is reported as a problem and cleared by the next success', async () => {
    const { stand, hold, control } = setup('gsettings', 'true\n');
    const seen: (string | null)[] = [];
    hold.onStatus((s) => seen.push(s.problem));
    await hold.setControl(control, false);
    stand.breakIt();
    await hold.blockStarted();
    expect(hold.status().problem).toMatch(/^gsettings get .* failed \(exit 1\)/);
    expect(seen.at(-1)).toMatch(/failed/);
    stand.repair();
    await hold.blockStarted();
    expect(hold.status()).toEqual({ phase: 'held', daemon: 'gnome', problem: null });
  });
});
