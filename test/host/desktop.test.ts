import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktopStack, type DesktopStack } from '../support/desktopStack.ts';
import { startHost, type RunningHost } from '../support/host.ts';

type Held = { items: { title: string; source: string; app?: string }[] };

/** Waits for a condition on a real process's state (not for a batch time), up to 10 s. */
async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('lull-host on a Linux desktop (real session bus, dunst, notify-send)', () => {
  let stack: DesktopStack;
  let host: RunningHost;
  beforeAll(async () => {
    stack = await startDesktopStack();
    host = await startHost({ env: stack.env });
    await host.api('PATCH', '/v1/settings', { schedule: [], batchTimes: [] });
  });
  afterAll(async () => {
    await host?.stop();
    await stack?.stop();
  });

  it('holds the desktop’s notifications during a block, pausing dunst, and lets them go at the end', async () => {
    expect((await host.api('POST', '/v1/focus', { minutes: 30 })).status).toBe(201);
    expect(await until(() => stack.dunstctl('is-paused'), (p) => p === 'true')).toBe('true');
    await stack.notifySend('-a', 'Slack', 'Lunch?', 'at noon');
    const held = await until(() => host.api<Held>('GET', '/v1/held'), (r) => r.body.items.length === 1);
    expect(held.body.items).toEqual([expect.objectContaining({ title: 'Lunch?', source: 'desktop', app: 'Slack' })]);
    const ended = await host.api<{ released: number }>('DELETE', '/v1/focus');
    expect(ended.body.released).toBe(1);
    expect(await until(() => stack.dunstctl('is-paused'), (p) => p === 'false')).toBe('false');
  });

  it('shows an item from the HTTP inbox through the desktop, and never captures its own notification back', async () => {
    const before = Number(await stack.dunstctl('count', 'displayed')) + Number(await stack.dunstctl('count', 'history'));
    const posted = await host.api<{ disposition: string }>('POST', '/v1/notifications', { source: 'ci', title: 'deploy done' });
    expect(posted.body.disposition).toBe('delivered');
    const shown = await until(async () => Number(await stack.dunstctl('count', 'displayed')) + Number(await stack.dunstctl('count', 'history')), (n) => n > before);
    expect(shown).toBeGreaterThan(before);
    // A later notification from another app is captured after Lull's own (the bus keeps order):
    // once it is recorded, Lull's own would have been too, had it been captured.
    await stack.notifySend('-a', 'Mail', 'marker');
    const stats = await until(() => host.api<{ delivered: number }>('GET', '/v1/stats/today'), (r) => r.body.delivered >= 2);
    expect(stats.body.delivered).toBe(2);
  });
});
