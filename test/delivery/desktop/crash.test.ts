// Lull killed with SIGKILL in the middle of a block never leaves the user's dunst silenced: the
// next start restores it (or keeps holding it while the block still runs). A real child process,
// real dunst on a private bus.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/core/clock.ts';
import type { Clock } from '../../../main/core/ports.ts';
import { runChild, type Child } from '../../support/child.ts';
import { startDesktopStack, type DesktopStack } from '../../support/desktopStack.ts';
import { openLullOnStack, until } from '../../support/lullOnStack.ts';

const fixture = join(import.meta.dirname, 'fixtures', 'lullChild.ts');
let stack: DesktopStack;
const dirs: string[] = [];
const children: Child[] = [];

beforeAll(async () => {
  stack = await startDesktopStack();
});

afterAll(async () => {
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  await stack?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const isPaused = () => stack.dunstctl('is-paused');
const freshDataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'lull-crash-'));
  dirs.push(dir);
  return dir;
};

/** Starts Lull in a child, waits until it holds dunst, then kills it with SIGKILL. */
async function killMidBlock(dataDir: string, withBreakthrough = false): Promise<string | null> {
  const child = runChild(fixture, [dataDir], { ...stack.env, LULL_LOG: 'off' });
  children.push(child);
  await child.waitFor((l) => l === 'ready');
  expect(await until(isPaused, 'true')).toBe('true');
  let overlay: string | null = null;
  if (withBreakthrough) {
    await stack.notifySend('-u', 'critical', '-a', 'Pager', 'disk full');
    overlay = (await child.waitFor((l) => l.startsWith('overlay '))).slice('overlay '.length);
    expect(await overlayAnswers(overlay)).toBe(true);
  }
  child.proc.kill('SIGKILL');
  expect((await child.exited).signal).toBe('SIGKILL');
  return overlay;
}

/** Two minutes on: the killed run's 1-minute block has ended by the next start. */
const later: Clock = { now: () => Date.now() + 120_000, at: (at, fn) => systemClock.at(at - 120_000, fn) };

const overlayAnswers = (address: string): Promise<boolean> =>
  new Promise((resolve) => execFile('dunstctl', ['is-paused'], { env: { ...stack.env, DBUS_SESSION_BUS_ADDRESS: address }, timeout: 3_000 }, (e) => resolve(!e)));

describe('SIGKILL of Lull mid-block', () => {
  it('restarting with no block active unpauses dunst; the overlay died with Lull', async () => {
    const dataDir = freshDataDir();
    const overlay = await killMidBlock(dataDir, true);
    expect(overlay).toMatch(/^unix:path=/);
    // Still paused: nobody has restored it yet, and the prior state is on disk.
    expect(await isPaused()).toBe('true');
    expect(JSON.parse(readFileSync(join(dataDir, 'daemon-state.json'), 'utf8')).prior).toEqual({ daemon: 'dunst', paused: false });
    // The overlay's processes were tied to Lull's stdin pipe: they end on their own.
    expect(await until(() => overlayAnswers(overlay!), false)).toBe(false);
    dirs.push(dirname(overlay!.slice('unix:path='.length).split(',')[0]!)); // its temp dir is all a killed Lull leaves

    // The next start comes after the 1-minute block has ended: no block is active.
    const restarted = await openLullOnStack(stack, { dataDir, clock: later });
    try {
      await restarted.source.settled();
      expect(restarted.lull.engine.status().state).toBe('idle');
      expect(await isPaused()).toBe('false');
      expect(existsSync(join(dataDir, 'daemon-state.json'))).toBe(false);
    } finally {
      await restarted.close();
    }
  });

  it('restarting while the block still runs keeps dunst held, and its end restores the state from before the crash', async () => {
    const dataDir = freshDataDir();
    await killMidBlock(dataDir);
    const restarted = await openLullOnStack(stack, { dataDir });
    try {
      await restarted.source.settled();
      expect(restarted.lull.engine.status().state).toBe('focus');
      expect(await isPaused()).toBe('true');
      restarted.lull.engine.endFocus();
      await restarted.source.settled();
      expect(await isPaused()).toBe('false');
    } finally {
      await restarted.close();
    }
  });

  it('restarting with the desktop source turned off still gives dunst back', async () => {
    const dataDir = freshDataDir();
    await killMidBlock(dataDir);
    const restarted = await openLullOnStack(stack, { dataDir, clock: later, settings: { sources: { httpInbox: true, desktopBus: false } } });
    try {
      expect(restarted.source.health().state).toBe('stopped');
      expect(await isPaused()).toBe('false');
      expect(existsSync(join(dataDir, 'daemon-state.json'))).toBe(false);
    } finally {
      await restarted.close();
    }
  });

  it('a clean stop mid-block gives dunst back at once', async () => {
    const t = await openLullOnStack(stack);
    t.lull.engine.startFocus({ minutes: 30 });
    await t.source.settled();
    expect(await isPaused()).toBe('true');
    await t.close();
    expect(await isPaused()).toBe('false');
  });
});
