// A digest sent through the real node-notifier → notify-send → a private session bus with real
// dunst and Lull's real desktop-bus source listening: the digest reaches the daemon, and Lull never
// captures it back as an item (its x-lull hint), while an ordinary notification sent after it is.
import notifier from 'node-notifier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestOutput } from '../../main/delivery/digest.ts';
import { openOutputs } from '../../main/service/outputs.ts';
import { startDesktopStack, type DesktopStack } from '../support/desktopStack.ts';
import { openLullOnStack, until, type LullOnStack } from '../support/lullOnStack.ts';

let stack: DesktopStack;
let t: LullOnStack;
const saved = { bus: process.env.DBUS_SESSION_BUS_ADDRESS, display: process.env.DISPLAY };

beforeAll(async () => {
  stack = await startDesktopStack();
  t = await openLullOnStack(stack);
  // node-notifier runs notify-send with this process's environment.
  process.env.DBUS_SESSION_BUS_ADDRESS = stack.busAddress;
  process.env.DISPLAY = stack.display;
});

afterAll(async () => {
  process.env.DBUS_SESSION_BUS_ADDRESS = saved.bus;
  process.env.DISPLAY = saved.display;
  if (saved.bus === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
  if (saved.display === undefined) delete process.env.DISPLAY;
  await t?.close();
  await stack?.stop();
});

const shownByDunst = async (): Promise<number> => {
  let sum = 0;
  for (const which of ['waiting', 'displayed', 'history']) sum += Number(await stack.dunstctl('count', which));
  return sum;
};

describe('digest on a real session bus', () => {
  it('reaches the notification daemon and is not captured as a held item', async () => {
    const results: unknown[] = [];
    const digest = digestOutput({
      notifier: { notify: (options, callback) => notifier.notify(options, (error: Error | string | null, response?: string) => (results.push(error), callback?.(error, response))) },
      language: () => 'en',
      clickable: false,
      openReview: () => {},
      openItem: () => {},
    });
    const outputs = openOutputs([digest], { engine: t.lull.engine, clock: { now: () => Date.now(), at: () => () => {} }, dataDir: t.dataDir, env: stack.env, onSettings: () => () => {}, healthChanged: () => {} });
    await outputs.ready;
    const { engine } = t.lull;
    engine.startFocus({ minutes: 60 });
    await t.source.settled();
    for (const source of ['mail', 'mail', 'ci']) await engine.ingest({ source, title: `private ${source}` });
    const before = await shownByDunst();
    expect(engine.releaseNow()?.count).toBe(3);
    await until(async () => results.length, 1);
    expect(results).toEqual(['']);
    await until(shownByDunst, before + 1);

    // The control: an ordinary notification after the digest is captured, and it is the only one.
    await stack.notifySend('-a', 'Mail', 'after the digest');
    const [next] = await t.nextItems(1);
    expect(next).toMatchObject({ source: 'desktop', app: 'Mail', title: 'after the digest', disposition: 'held' });
    await t.source.settled();
    const desktop = engine.listItems({ limit: 100 }).items.filter((i) => i.source === 'desktop');
    expect(desktop.map((i) => i.title)).toEqual(['after the digest']);
    expect(engine.status().held).toBe(1);
    await outputs.stop();
  });
});
