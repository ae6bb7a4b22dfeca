// The daemon hold against the real thing: a private session bus, real dunst paused and given back,
// breakthroughs on the overlay dunst, notify-send, Lull with a real SQLite file and the desktop bus
// capturing. One stack for the whole file.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktopStack, type DesktopStack } from '../../support/desktopStack.ts';
import { openLullOnStack, until, type LullOnStack } from '../../support/lullOnStack.ts';

let stack: DesktopStack;
let t: LullOnStack;

beforeAll(async () => {
  stack = await startDesktopStack();
  t = await openLullOnStack(stack);
});

afterAll(async () => {
  await t?.close();
  await stack?.stop();
});

const isPaused = () => stack.dunstctl('is-paused');
const count = (which: string) => stack.dunstctl('count', which).then(Number);

describe('holding real dunst for a block', () => {
  it('names dunst as the daemon it holds, and is healthy', async () => {
    await t.source.settled();
    expect(t.source.health()).toEqual({ state: 'running', detail: expect.stringContaining('dunst is held') });
    expect((await t.source.diagnostics()).daemon).toBe('dunst');
  });

  it('in a block: dunst is paused, 10 notifications are held by Lull and by dunst, a critical one breaks through', async () => {
    await stack.dunstctl('close-all');
    t.lull.engine.startFocus({ minutes: 60 });
    await t.source.settled();
    expect(await isPaused()).toBe('true');
    const saved = JSON.parse(readFileSync(join(t.dataDir, 'daemon-state.json'), 'utf8')) as { prior: unknown };
    expect(saved.prior).toEqual({ daemon: 'dunst', paused: false });

    const sends = Array.from({ length: 10 }, (_, i) => stack.notifySend('-a', 'Teams', `message ${i}`, `body ${i}`));
    const held = await t.nextItems(10);
    expect((await Promise.all(sends)).every((r) => r.code === 0)).toBe(true);
    expect(held.map((i) => i.disposition)).toEqual(Array(10).fill('held'));
    expect(t.lull.engine.status().held).toBe(10);
    expect(await count('waiting')).toBe(10);
    expect(await count('displayed')).toBe(0);

    await stack.notifySend('-u', 'critical', '-a', 'Pager', 'db down', 'primary is not answering');
    const [urgent] = await t.nextItems(1);
    expect(urgent).toMatchObject({ disposition: 'breakthrough', rule: 'urgent', priority: 'urgent', app: 'Pager' });
    await t.source.settled();
    // Shown at once by Lull's overlay dunst, while the user's dunst keeps holding the rest.
    const overlay = (await t.source.diagnostics()).overlayAddress;
    expect(overlay).toMatch(/^unix:/);
    const shown = await until(async () => Number((await runOn(overlay!, 'dunstctl', ['count', 'displayed'])).trim()), 1);
    expect(shown).toBe(1);
    expect(await isPaused()).toBe('true');
    expect(await count('displayed')).toBe(0);

    // A breakthrough from another source (the HTTP inbox) would go out through node-notifier into
    // the held dunst: the overlay shows it too.
    const { item: fromApi } = await t.lull.engine.ingest({ source: 'api', title: 'deploy failed', priority: 'urgent' });
    expect(fromApi.disposition).toBe('breakthrough');
    await t.source.settled();
    expect(await until(async () => Number((await runOn(overlay!, 'dunstctl', ['count', 'displayed'])).trim()), 2)).toBe(2);
  });

  it('batch release inside the block: dunst is let go to show what it held, Lull\'s batch holds the 10, then dunst is held again', async () => {
    const batch = t.lull.engine.releaseNow();
    expect(batch?.count).toBe(10);
    await t.source.settled();
    expect(await isPaused()).toBe('false');
    expect(await until(() => count('waiting'), 0)).toBe(0);
    expect(await count('displayed')).toBeGreaterThanOrEqual(10);
    const released = t.lull.engine.listItems({ status: ['released'], limit: 50 }).items;
    expect(released.filter((i) => i.batchId === batch?.id)).toHaveLength(10);
    // Once the user has dealt with what it showed, dunst holds again for the rest of the block.
    await stack.dunstctl('close-all');
    expect(await until(isPaused, 'true')).toBe('true');
  });

  it('block end: dunst is restored, the state file removed and the overlay ended', async () => {
    await stack.notifySend('-a', 'Teams', 'late message');
    await t.nextItems(1);
    const { released } = t.lull.engine.endFocus();
    expect(released).toBe(1);
    await t.source.settled();
    expect(await isPaused()).toBe('false');
    expect(existsSync(join(t.dataDir, 'daemon-state.json'))).toBe(false);
    expect((await t.source.diagnostics()).overlayAddress).toBeNull();
  });

  it("keeps the user's own pause: paused before the block, still paused after it", async () => {
    await stack.dunstctl('set-paused', 'true');
    t.lull.engine.startFocus({ minutes: 30 });
    await t.source.settled();
    t.lull.engine.endFocus();
    await t.source.settled();
    expect(await isPaused()).toBe('true');
    await stack.dunstctl('set-paused', 'false');
  });
});

function runOn(address: string, command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { env: { ...stack.env, DBUS_SESSION_BUS_ADDRESS: address }, timeout: 5_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
}
