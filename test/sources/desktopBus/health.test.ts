// The source says what it can and cannot do, and recovers: no session bus, the bus going away and
// coming back, dunst restarting in the middle of a block, a daemon Lull cannot hold, a control
// that does not answer, the source turned off in settings. Real bus, real dunst.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dbus, { type Message } from 'dbus-next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SourceHealth } from '../../../main/sources/source.ts';
import { describeHold } from '../../../main/delivery/desktop/health.ts';
import { joinHealth } from '../../../main/service/outputs.ts';
import { describeCapture } from '../../../main/sources/desktopBus/health.ts';
import { startDesktopStack, type DesktopStack } from '../../support/desktopStack.ts';
import { openLullOnStack, until, type DesktopOptions, type DesktopUnderTest, type LullOnStack } from '../../support/lullOnStack.ts';

let stack: DesktopStack;
const opened: LullOnStack[] = [];
const fast = { retry: { firstMs: 100, maxMs: 200 } };

beforeAll(async () => {
  stack = await startDesktopStack();
});

// One Lull at a time on the shared bus: each test's instances are closed before the next starts.
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

afterAll(async () => {
  await stack?.stop();
});

async function open(bus: DesktopOptions = fast): Promise<LullOnStack> {
  const t = await openLullOnStack(stack, { bus });
  opened.push(t);
  return t;
}

/** Resolves with the source's health once it satisfies `want` (the source reports changes as they happen). */
function healthWhen(source: DesktopUnderTest, want: (h: SourceHealth) => boolean, timeoutMs = 10_000): Promise<SourceHealth> {
  if (want(source.health())) return Promise.resolve(source.health());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`health stayed ${JSON.stringify(source.health())}`))), timeoutMs);
    const off = source.onHealth((h) => {
      if (!want(h)) return;
      clearTimeout(timer);
      off();
      resolve(h);
    });
  });
}

/** A notification daemon Lull has no control for, owning the name on the private bus. */
async function standInDaemon(serverName: string): Promise<() => void> {
  const bus = dbus.sessionBus({ busAddress: stack.busAddress });
  await new Promise<void>((resolve) => bus.once('connect', () => resolve()));
  let id = 0;
  bus.addMethodHandler((msg: Message) => {
    if (msg.interface !== 'org.freedesktop.Notifications') return false;
    const reply = (signature: string, body: unknown[]) => bus.send(dbus.Message.newMethodReturn(msg, signature, body));
    if (msg.member === 'GetServerInformation') reply('ssss', [serverName, 'stand-in', '1.0', '1.2']);
    else if (msg.member === 'GetCapabilities') reply('as', [['body']]);
    else if (msg.member === 'Notify') reply('u', [++id]);
    else return false;
    return true;
  });
  await bus.requestName('org.freedesktop.Notifications', 0);
  return () => bus.disconnect();
}

describe('desktop bus health', () => {
  it('without a session bus: unavailable, one clear line, and Lull keeps working with its other sources', async () => {
    const t = await open({ env: { PATH: process.env.PATH } });
    expect(t.source.health()).toEqual({ state: 'unavailable', detail: expect.stringMatching(/^no D-Bus session bus/) });
    expect(t.lull.sourceHealth()['desktop-bus']?.state).toBe('unavailable');
    const { item } = await t.lull.engine.ingest({ source: 'ci', title: 'deploy done' });
    expect(item.disposition).toBe('delivered');
  });

  it('the bus going away: unavailable; when it comes back, capture resumes', async () => {
    const t = await open();
    await healthWhen(t.source, (h) => h.state === 'running');
    await stack.stopDunst();
    await stack.stopBus();
    const gone = await healthWhen(t.source, (h) => h.state === 'unavailable');
    expect(gone.detail).toMatch(/session bus cannot be reached/);
    expect((await t.lull.engine.ingest({ source: 'ci', title: 'still here' })).item.disposition).toBe('delivered');
    await stack.startBus();
    await stack.startDunst();
    await healthWhen(t.source, (h) => h.state === 'running' && /dunst is held/.test(h.detail ?? ''));
    await stack.notifySend('-a', 'Mail', 'after the bus came back');
    expect((await t.nextItems(1))[0]?.title).toBe('after the bus came back');
  });

  it('dunst restarted in the middle of a block: the new dunst is held too, and restored at block end', async () => {
    const t = await open();
    await healthWhen(t.source, (h) => h.state === 'running' && /dunst/.test(h.detail ?? ''));
    t.lull.engine.startFocus({ minutes: 30 });
    await t.source.settled();
    expect(await stack.dunstctl('is-paused')).toBe('true');
    await stack.stopDunst();
    expect((await healthWhen(t.source, (h) => h.state === 'degraded')).detail).toMatch(/no notification daemon is running/);
    await stack.startDunst();
    await healthWhen(t.source, (h) => h.state === 'running');
    expect(await until(() => stack.dunstctl('is-paused'), 'true')).toBe('true');
    t.lull.engine.endFocus();
    await t.source.settled();
    expect(await stack.dunstctl('is-paused')).toBe('false');
  });

  it('a daemon without a known control: degraded ("banners cannot be held"), and notifications are still recorded', async () => {
    const t = await open();
    await stack.stopDunst();
    const release = await standInDaemon('xfce4-notifyd');
    try {
      const h = await healthWhen(t.source, (x) => /cannot be held on this desktop/.test(x.detail ?? ''));
      expect(h).toEqual({ state: 'degraded', detail: 'banners cannot be held on this desktop (xfce4-notifyd): notifications are recorded' });
      expect((await stack.notifySend('-a', 'Mail', 'seen anyway')).code).toBe(0);
      expect((await t.nextItems(1))[0]?.title).toBe('seen anyway');
    } finally {
      release();
      await stack.startDunst();
    }
    await healthWhen(t.source, (x) => x.state === 'running');
  });

  it("dunst running but dunstctl not answering: degraded, naming the control", async () => {
    const bin = mkdtempSync(join(tmpdir(), 'lull-stand-in-'));
    try {
      writeFileSync(join(bin, 'dunstctl'), '#!/bin/sh\necho "cannot reach dunst" >&2\nexit 1\n');
      chmodSync(join(bin, 'dunstctl'), 0o755);
      const t = await open({ ...fast, env: { ...stack.env, PATH: `${bin}:${stack.env.PATH ?? ''}` } });
      const h = await healthWhen(t.source, (x) => x.state === 'degraded');
      expect(h.detail).toBe('dunst runs but dunstctl does not answer: banners cannot be held');
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('turned off in settings: stopped, dunst given back; turned on: running again', async () => {
    const t = await open();
    await healthWhen(t.source, (h) => h.state === 'running' && /dunst/.test(h.detail ?? ''));
    t.lull.engine.startFocus({ minutes: 30 });
    await t.source.settled();
    expect(await stack.dunstctl('is-paused')).toBe('true');
    t.lull.settings.patch({ sources: { httpInbox: true, desktopBus: false } });
    expect((await healthWhen(t.source, (h) => h.state === 'stopped')).detail).toMatch(/turned off in settings/);
    expect(await until(() => stack.dunstctl('is-paused'), 'false')).toBe('false');
    t.lull.settings.patch({ sources: { httpInbox: true, desktopBus: true } });
    await healthWhen(t.source, (h) => h.state === 'running' && /dunst/.test(h.detail ?? ''));
    expect(await until(() => stack.dunstctl('is-paused'), 'true')).toBe('true');
    t.lull.engine.endFocus();
    await t.source.settled();
    expect(await stack.dunstctl('is-paused')).toBe('false');
  });
});

describe('desktop bus health line', () => {
  it('notifications lost under a flood: one degraded line, the same however many more are lost (no state event per loss)', () => {
    const held = describeHold({ stopped: false, bus: { kind: 'connected' }, daemon: { kind: 'control', name: 'dunst' }, hold: { phase: 'held', daemon: 'dunst', problem: null } });
    const line = (dropped: number) => joinHealth(describeCapture({ stopped: false, bus: { kind: 'connected' }, dropped }), held);
    const one = line(1);
    expect(one).toEqual({ state: 'degraded', detail: 'desktop notifications came faster than they could be recorded: some were lost' });
    expect(line(5_000)).toEqual(one);
    expect(line(0)).toEqual({ state: 'running', detail: 'recording desktop notifications; dunst is held during focus blocks' });
  });
});
