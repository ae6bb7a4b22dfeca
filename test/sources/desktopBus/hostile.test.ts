// Malformed and hostile input on the real bus: huge bodies, markup, invalid UTF-8, calls that do
// not match the spec, and 1,000 notifications in a burst from another process. Nothing crashes,
// memory stays bounded, everything that is a notification is recorded.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import dbus from 'dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChild } from '../../support/child.ts';
import { startDesktopStack, type DesktopStack } from '../../support/desktopStack.ts';
import { openLullOnStack, type LullOnStack } from '../../support/lullOnStack.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const flood = join(import.meta.dirname, 'fixtures', 'notifyFlood.ts');

let stack: DesktopStack;
let t: LullOnStack;
let client: dbus.MessageBus;

beforeAll(async () => {
  stack = await startDesktopStack();
  t = await openLullOnStack(stack);
  client = dbus.sessionBus({ busAddress: stack.busAddress });
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  // Held, so dunst queues the flood instead of drawing it.
  t.lull.engine.startFocus({ minutes: 120 });
  await t.source.settled();
});

afterAll(async () => {
  client?.disconnect();
  await stack?.stopDunst(); // it holds the flood; there is no need to make it draw everything
  await t?.close();
  await stack?.stop();
});

type Hints = Record<string, InstanceType<typeof dbus.Variant>>;
function notify(summary: string, body: string, hints: Hints = {}, signature = 'susssasa{sv}i', args?: unknown[]): Promise<unknown> {
  return client.call(
    new dbus.Message({
      destination: 'org.freedesktop.Notifications', path: '/org/freedesktop/Notifications', interface: 'org.freedesktop.Notifications',
      member: 'Notify', signature, body: args ?? ['Hostile', 0, '', summary, body, [], hints, -1],
    }),
  );
}

describe('hostile desktop notifications', () => {
  it('huge bodies are recorded, bounded to 8,192 characters like the HTTP inbox', async () => {
    const viaNotifySend = stack.notifySend('-a', 'Big', 'from notify-send', 'y'.repeat(120_000));
    const viaClient = notify('from a client', `<b>${'z'.repeat(4_000_000)}</b>`);
    const items = await t.nextItems(2);
    expect((await viaNotifySend).code).toBe(0);
    await viaClient;
    for (const item of items) {
      expect(item.body?.length).toBe(8192);
      expect(item.body?.endsWith('…')).toBe(true);
    }
  });

  it('markup becomes text; control and bidi-override characters are removed', async () => {
    await stack.notifySend('-a', 'Mark<i>up</i>', '<u>Sum</u>mary', '<b>bold</b> <i>it</i> &lt;tag&gt; &#x1F600; &#128512; <img src="x.png" alt="pic"/>\u202eevil\u0007<a href="javascript:alert(1)">link</a> a < b');
    const [item] = await t.nextItems(1);
    expect(item).toMatchObject({ app: 'Markup', title: 'Summary', body: 'bold it <tag> 😀 😀 evillink a < b' });
    expect(item?.url).toBeUndefined();
  });

  it('invalid UTF-8 never reaches Lull (notify-send refuses it); lone surrogates from a client arrive as U+FFFD; capture goes on', async () => {
    const bad = await stack.run('sh', ['-c', 'notify-send -a Bad "$(printf "bad \\377\\376 bytes")"']);
    expect(bad.code).not.toBe(0);
    await notify('half \ud800 pair', 'body \udfff end');
    const [item] = await t.nextItems(1);
    expect(item?.title).toBe('half \ufffd pair');
    expect(item?.body).toBe('body \ufffd end');
    expect(item?.title.isWellFormed()).toBe(true);
  });

  it('calls that do not match the spec: a wrong signature is counted, not recorded; hints of the wrong type are ignored', async () => {
    const before = (await t.source.diagnostics()).malformed;
    await expect(notify('x', 'y', {}, 'ss', ['only', 'two'])).rejects.toThrow(); // dunst refuses it too
    await notify('odd hints', 'b', { urgency: new dbus.Variant('s', 'critical'), 'x-kde-origin-name': new dbus.Variant('i', 7), category: new dbus.Variant('u', 3) });
    const [item] = await t.nextItems(1);
    expect(item).toMatchObject({ title: 'odd hints', disposition: 'held' });
    expect(item?.priority).toBeUndefined();
    expect(item?.sender).toBeUndefined();
    expect(item?.category).toBeUndefined();
    expect((await t.source.diagnostics()).malformed).toBe(before + 1);
    expect(t.source.health().state).toBe('running');
  });

  it('1,000 notifications in a burst from another process: all recorded, memory bounded', async () => {
    await t.source.settled();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const heldBefore = t.lull.engine.status().held;
    const child = runChild(flood, ['1000', '65536', 'Flood'], stack.env);
    const recorded = t.nextItems(1000, 60_000);
    expect(await child.waitFor((l) => l.startsWith('sent '))).toBe('sent 1000 failed 0');
    const items = await recorded;
    await t.source.settled();
    expect(new Set(items.map((i) => i.title)).size).toBe(1000);
    expect(t.lull.engine.status().held).toBe(heldBefore + 1000);
    // Counts, not arrays: a failure must not pretty-print 8 MB of bodies.
    expect(t.lull.engine.listItems({ status: ['held'], limit: 2000 }).items.filter((i) => i.app === 'Flood').length).toBe(1000);
    expect(Number(await stack.dunstctl('count', 'waiting'))).toBeGreaterThanOrEqual(1000);
    const stats = (await t.source.diagnostics()).intake;
    expect(stats).toMatchObject({ dropped: 0, failed: 0, queued: 0, inFlight: 0 });
    // 64 MB crossed the bus; what Lull keeps is the bounded text of 1,000 held items (~16 MB as UTF-16).
    items.length = 0;
    gc();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024);
    expect(t.source.health().state).toBe('running');
  });
});
