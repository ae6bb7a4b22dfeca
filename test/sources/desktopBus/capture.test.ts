// The desktop-bus source against the real thing: a private session bus, real dunst, real
// notify-send, Lull with a real SQLite file. One stack for the whole file. (Holding dunst during a
// block is the daemon hold's: test/delivery/desktop/hold.test.ts.)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktopStack, type DesktopStack } from '../../support/desktopStack.ts';
import { FakeClock } from '../../support/fakeClock.ts';
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

describe('desktop bus capture with real dunst', () => {
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
