// What resolved itself on the desktop is not released (PRODUCT.md §2), and a notification's updates
// are one thread — on a private session bus with real dunst held for a block, Lull with a real
// SQLite file, notify-send, gdbus, and an app in its own process that, like a real chat client,
// uses one bus connection to show, update and close its notifications.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupThreads } from '../../../main/core/threads.ts';
import type { Batch, Item } from '../../../main/core/types.ts';
import { digestText } from '../../../main/delivery/digestText.ts';
import { startDesktopStack, type DesktopStack } from '../../support/desktopStack.ts';
import { openLullOnStack, until, type LullOnStack } from '../../support/lullOnStack.ts';

let stack: DesktopStack;
let t: LullOnStack;
let app: App;
const batches: { batch: Batch; items: Item[] }[] = [];

/** The app process: send it a command, get its answer line. */
interface App {
  proc: ChildProcessWithoutNullStreams;
  ask(...command: string[]): Promise<string>;
}

function startApp(env: NodeJS.ProcessEnv): Promise<App> {
  const proc = spawn(process.execPath, [join(import.meta.dirname, 'fixtures', 'notifyingApp.ts')], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  let err = '';
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  createInterface({ input: proc.stdout }).on('line', (line) => {
    const waiter = waiters.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  const next = (): Promise<string> =>
    lines.length > 0
      ? Promise.resolve(lines.shift()!)
      : new Promise((resolve, reject) => {
          waiters.push(resolve);
          proc.once('exit', (code) => reject(new Error(`the app exited (${code}): ${err.slice(-1000)}`)));
        });
  return next().then((ready) => {
    expect(ready).toBe('ready');
    return { proc, ask: (...command) => (proc.stdin.write(`${command.join('\t')}\n`), next()) };
  });
}

const idOf = (answer: string): string => /^id (\d+)$/.exec(answer)?.[1] ?? `not an id: ${answer}`;
const waiting = () => stack.dunstctl('count', 'waiting').then(Number);
const statusOf = (id: string) => async () => t.lull.engine.getItem(id).status;

beforeAll(async () => {
  stack = await startDesktopStack();
  t = await openLullOnStack(stack);
  t.lull.engine.on((e) => {
    if (e.type === 'batch') batches.push({ batch: e.batch, items: e.items });
  });
  app = await startApp(stack.env);
  t.lull.engine.startFocus({ minutes: 60 });
  await t.source.settled();
  expect(await stack.dunstctl('is-paused')).toBe('true');
});

afterAll(async () => {
  app?.proc.stdin.end();
  await t?.close();
  await stack?.stop();
});

describe('a notification its app closes while Lull holds it', () => {
  let chat: Item[] = [];
  let mail: Item;
  let build: Item[] = [];

  it('is withdrawn: resolved, with its update, when the app that showed it closes it (read on the phone)', async () => {
    const id = idOf(await app.ask('notify', 'Chat', 'Anna', 'lunch?'));
    expect(idOf(await app.ask('notify', 'Chat', 'Anna', 'lunch? are you free at 12?', id))).toBe(id);
    chat = await t.nextItems(2);
    expect(chat.map((i) => [i.disposition, i.status, i.app])).toEqual([['held', 'held', 'Chat'], ['held', 'held', 'Chat']]);
    expect(chat[0]!.thread).toBeDefined();
    expect(chat[1]!.thread).toBe(chat[0]!.thread);
    expect(await waiting()).toBe(1);

    expect(await app.ask('close', id)).toBe(`closed ${id}`);
    for (const item of chat) expect(await until(statusOf(item.id), 'resolved')).toBe('resolved');
    expect(t.lull.engine.status().held).toBe(0);
    // dunst let it go too: the app's call reached the daemon, Lull only listened.
    expect(await waiting()).toBe(0);
    expect((await t.source.diagnostics()).closed).toBe(1);
  });

  it('is not withdrawn when another connection closes its id (gdbus after notify-send -p)', async () => {
    const sent = await stack.notifySend('-p', '-a', 'Mail', 'invoice 2291', 'due Friday');
    expect(sent.code).toBe(0);
    const id = sent.stdout.trim();
    expect(id).toMatch(/^\d+$/);
    [mail] = (await t.nextItems(1)) as [Item];
    expect(mail).toMatchObject({ app: 'Mail', status: 'held' });
    const closed = await stack.run('gdbus', ['call', '--session', '--dest', 'org.freedesktop.Notifications', '--object-path', '/org/freedesktop/Notifications', '--method', 'org.freedesktop.Notifications.CloseNotification', id]);
    expect(closed.code).toBe(0);
    // dunst closes whatever id it is asked to; Lull withdraws only for the app that showed it.
    expect(await until(waiting, 0)).toBe(0);
    await t.source.settled();
    expect(t.lull.engine.getItem(mail.id).status).toBe('held');
    expect((await t.source.diagnostics()).closed).toBe(1);
  });

  it('a replaces_id chain of 3 is three items in one thread; an update that says it again is no new item', async () => {
    const id = idOf(await app.ask('notify', 'CI', 'build 812', 'started'));
    expect(idOf(await app.ask('notify', 'CI', 'build 812', 'running tests', id))).toBe(id);
    expect(idOf(await app.ask('notify', 'CI', 'build 812', 'failed: 3 tests', id))).toBe(id);
    expect(idOf(await app.ask('notify', 'CI', 'build 812', 'failed: 3 tests', id))).toBe(id);
    build = await t.nextItems(3);
    await t.source.settled();
    expect(build.map((i) => i.body)).toEqual(['started', 'running tests', 'failed: 3 tests']);
    expect(new Set(build.map((i) => i.thread)).size).toBe(1);
    expect(build.map((i) => i.status)).toEqual(['held', 'held', 'held']);
    expect((await t.source.diagnostics()).repeats).toBe(1);
    expect(t.lull.engine.listItems({ limit: 100 }).items.filter((i) => i.app === 'CI')).toHaveLength(3);
  });

  it('when the block ends, the batch has what was not resolved, the chain as one entry; the resolved are listed apart', async () => {
    expect(t.lull.engine.endFocus().released).toBe(4);
    const [last] = batches.slice(-1);
    expect(last?.items.map((i) => i.id).sort()).toEqual([mail.id, ...build.map((i) => i.id)].sort());
    expect(groupThreads(last!.items).map((e) => e.items.length).sort()).toEqual([1, 3]);
    expect(digestText(last!.items)).toBe('4 held in 2 conversations\nCI · 3 messages\nMail · 1 message');
    const resolved = t.lull.engine.listItems({ status: ['resolved'], limit: 50 }).items;
    expect(resolved.map((i) => i.id).sort()).toEqual(chat.map((i) => i.id).sort());
    expect(t.lull.engine.listItems({ status: ['released'], limit: 50 }).items).toHaveLength(4);
  });
});
