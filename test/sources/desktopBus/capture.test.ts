// The desktop-bus source against the real thing: a private session bus, real dunst, real
// notify-send, Lull with a real SQLite file. One stack for the whole file.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktopStack, type DesktopStack } from '../../support/desktopStack.ts';
import { FakeClock } from '../../support/fakeClock.ts';
import { openLullOnStack, until, type LullOnStack } from './lullOnStack.ts';

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

describe('desktop bus capture with real dunst', () => {
  it('names dunst as the daemon it holds, and is healthy', async () => {
    await t.source.settled();
    expect(t.source.health()).toEqual({ state: 'running', detail: expect.stringContaining('dunst is held') });
    expect((await t.source.diagnostics()).daemon).toBe('dunst');
  });

  it('outside a block: notifications pass, are shown by dunst and recorded as delivered', async () => {
    const sent = stack.notifySend('-a', 'Slack', '-c', 'im.received', '-h', 'string:x-kde-origin-name:Anna', 'Lunch?', 'Are you <b>free</b> &amp; hungry? <a href="https://chat.example/x">open</a>');
    const [item] = await t.nextItems(1);
    expect((await sent).code).toBe(0);
    expect(item).toMatchObject({
      source: 'desktop', app: 'Slack', title: 'Lunch?', body: 'Are you free & hungry? open', sender: 'Anna',
      category: 'im.received', priority: 'normal', url: 'https://chat.example/x', disposition: 'delivered', status: 'delivered',
    });
    expect(t.lull.engine.getItem(item!.id)).toMatchObject({ title: 'Lunch?', disposition: 'delivered' });
    expect(await isPaused()).toBe('false');
    expect(await count('displayed')).toBeGreaterThanOrEqual(1);
  });

  it("ignores Lull's own notifications (hint x-lull) and records the next one", async () => {
    await stack.notifySend('-a', 'Lull', '-h', 'string:x-lull:digest', '3 held items');
    await stack.notifySend('-a', 'Mail', 'after the digest');
    const [item] = await t.nextItems(1);
    expect(item?.title).toBe('after the digest');
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

  it('a notify-send with actions (-A) does not hang: Lull never answers for the daemon', async () => {
    await stack.dunstctl('close-all');
    const child = spawn('notify-send', ['-A', 'reply=Reply', '-A', 'mute=Mute', '-a', 'Chat', 'question', 'with buttons'], { env: stack.env, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const [item] = await t.nextItems(1);
    expect(item).toMatchObject({ title: 'question', tags: ['action:Reply', 'action:Mute'] });
    // notify-send -A waits for the daemon's answer to the user; dunst closing it ends the wait.
    expect(child.exitCode).toBeNull();
    await until(() => count('displayed'), 1);
    await stack.dunstctl('close-all');
    expect(await exited).toBe(0);
    await stack.notifySend('-a', 'Chat', 'still listening');
    expect((await t.nextItems(1))[0]?.title).toBe('still listening');
  });

  it('titles only: the body of a captured notification is not stored', async () => {
    t.lull.settings.patch({ storage: { mode: 'titles', retentionDays: 30 } });
    await stack.notifySend('-a', 'Mail', 'invoice', 'the secret body');
    const [item] = await t.nextItems(1);
    expect(item?.body).toBeUndefined();
    expect(t.lull.engine.getItem(item!.id).body).toBeUndefined();
    const db = readFileSync(join(t.dataDir, 'lull.db')).toString('latin1') + readFileSync(join(t.dataDir, 'lull.db-wal')).toString('latin1');
    expect(db).not.toContain('the secret body');
    t.lull.settings.patch({ storage: { mode: 'full', retentionDays: 30 } });
  });

  it('retention: captured text is erased once the retention period has passed; the item stays counted', async () => {
    const clock = new FakeClock(Date.now());
    const other = await openLullOnStack(stack, { clock, settings: { storage: { mode: 'full', retentionDays: 1 } } });
    try {
      await stack.notifySend('-a', 'Mail', 'old news', 'old body');
      const [item] = await other.nextItems(1);
      clock.advance(3 * 86_400_000);
      const kept = other.lull.engine.getItem(item!.id);
      expect(kept).toMatchObject({ id: item!.id, title: '', app: 'Mail', disposition: 'delivered' });
      expect(kept.body ?? '').toBe('');
    } finally {
      await other.close();
    }
    expect((await t.nextItems(1))[0]?.title).toBe('old news'); // the file's own Lull saw it too
  });
});

function runOn(address: string, command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { env: { ...stack.env, DBUS_SESSION_BUS_ADDRESS: address }, timeout: 5_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
}
