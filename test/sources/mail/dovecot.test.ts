// The mail door against a real Dovecot (PRODUCT.md §3.4): what arrives during a block is held
// within a second with its sender and subject, a VIP breaks through, the server's flags never
// change, an outage of the server and of Lull together loses nothing and repeats nothing, a wrong
// password stops after one try, and a burst of 100 is 100 items released as one batch.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileSecrets } from '../../../main/store/secrets.ts';
import type { Item } from '../../../main/core/types.ts';
import { mail } from '../../../main/sources/mail/index.ts';
import { openApi, type Api } from '../../api/apiHarness.ts';
import { pollUntil } from '../../support/daemon.ts';
import { startDovecot, type RunningDovecot } from '../../support/dovecot.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dovecot: RunningDovecot;
let api: Api | null = null;

beforeAll(async () => {
  dovecot = await startDovecot();
}, 30_000);
afterAll(async () => {
  await dovecot?.stop();
});
afterEach(async () => {
  await api?.close();
  api = null;
});

const account = (over: Record<string, unknown> = {}) => ({ name: 'work', host: '127.0.0.1', port: dovecot.port, security: 'none' as const, user: dovecot.user, ...over });

/** A Lull over a fresh (or the given) data dir with the account's password in its secret store. */
async function openLullWithMail(opts: { dataDir?: string; password?: string; vip?: string[] } = {}): Promise<Api> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'lull-mail-'));
  await fileSecrets(dataDir).set('mail:work', opts.password ?? dovecot.password);
  return openApi({ sources: { mail: [account()] }, breakthrough: { vipSenders: opts.vip ?? [] } }, { doors: [mail], dataDir });
}

/** Every item the engine took in, in arrival order, with the wall time it was seen. */
function collect(on: Api): { items: Item[]; seenAt: Map<string, number> } {
  const items: Item[] = [];
  const seenAt = new Map<string, number>();
  on.lull.engine.on((event) => {
    if (event.type !== 'item-added') return;
    items.push(event.item);
    seenAt.set(event.item.dedupeKey ?? event.item.id, Date.now());
  });
  return { items, seenAt };
}

async function health(on: Api): Promise<{ state: string; detail?: string }> {
  const lines = (await on.call('GET', '/v1/status')).json.sources as { name: string; state: string; detail?: string }[];
  return lines.find((l) => l.name === 'mail:work') ?? { state: 'absent' };
}

const waitFor = (on: Api, state: string, deadline = 15_000) => pollUntil(`mail:work ${state}`, deadline, async () => ((await health(on))?.state === state ? true : undefined));

/** A Lull watching the account that has taken in one message (its cursor is past it); returns its data dir. */
async function watchingWithOne(subject: string): Promise<string> {
  api = await openLullWithMail();
  const seen = collect(api);
  await waitFor(api, 'running');
  await dovecot.append([{ from: 'a@example.test', subject }]);
  await pollUntil('the first item', 10_000, async () => (seen.items.length === 1 ? true : undefined));
  return api.dir;
}

describe('mail door, real Dovecot', () => {
  it('holds what arrives during a block within a second, with sender and subject; a VIP breaks through; flags never change', async () => {
    // Mail that was there before, some of it read elsewhere: none of it is news, none of it may change.
    await dovecot.append([{ from: 'Old <old@example.test>', subject: 'before', flags: ['\\Seen'] }, { from: 'Old <old@example.test>', subject: 'before, unread' }]);
    api = await openLullWithMail({ vip: ['boss@example.test'] });
    const seen = collect(api);
    await waitFor(api, 'running');
    expect((await health(api)).detail).toContain('INBOX');
    expect((await api.call('POST', '/v1/focus', { minutes: 60 })).status).toBe(201);
    const before = await dovecot.flags();

    const appended = await dovecot.append([
      { from: 'Anna Berg <anna@example.test>', subject: 'Grüße aus dem Büro — Planung' },
      { from: '"Big Boss" <boss@example.test>', subject: 'call me' },
      { from: 'ci@example.test', subject: 'Build #42 passed', flags: ['\\Seen'] },
    ]);
    await pollUntil('3 items', 10_000, async () => (seen.items.length >= 3 ? true : undefined));
    const latencies = appended.map((a) => seen.seenAt.get(a.messageId)! - a.at);
    console.log(`mail arrival → held over real Dovecot: ${latencies.map((l) => `${Math.round(l)} ms`).join(', ')}`);
    for (const l of latencies) expect(l).toBeLessThan(1000);

    const [anna, boss, ci] = appended.map((a) => seen.items.find((i) => i.dedupeKey === a.messageId)!);
    expect(anna).toMatchObject({ source: 'mail:work', sender: 'Anna Berg <anna@example.test>', title: 'Grüße aus dem Büro — Planung', disposition: 'held' });
    expect(boss).toMatchObject({ sender: 'Big Boss <boss@example.test>', disposition: 'breakthrough', rule: 'vip' });
    expect(ci).toMatchObject({ sender: 'ci@example.test', disposition: 'held' });
    expect(seen.items).toHaveLength(3); // the two old messages are not news

    // A day of traffic later (more arrivals, reconnects), the server's flags are what the senders left.
    await dovecot.append(Array.from({ length: 20 }, (_, i) => ({ from: `p${i}@example.test`, subject: `later ${i}`, ...(i % 3 === 0 && { flags: ['\\Seen'] }) })));
    await pollUntil('23 items', 10_000, async () => (seen.items.length >= 23 ? true : undefined));
    const after = await dovecot.flags();
    const seenFlag = (rows: { uid: number; flags: string[] }[]) => rows.map((r) => [r.uid, r.flags.includes('\\Seen')]);
    expect(seenFlag(after).slice(0, before.length)).toEqual(seenFlag(before));
    const added = after.slice(before.length);
    expect(added.map((r) => r.flags.includes('\\Seen'))).toEqual([false, false, true, ...Array.from({ length: 20 }, (_, i) => i % 3 === 0)]);
    for (const row of after) expect(row.flags.filter((f) => f !== '\\Seen' && f !== '\\Recent')).toEqual([]);
  }, 60_000);

  it('a server outage and a restart of Lull together: exactly the 3 that arrived meanwhile are caught up', async () => {
    const dir = await watchingWithOne('before the outage');
    await api!.call('POST', '/v1/focus', { minutes: 60 });

    await dovecot.down();
    const retrying = await pollUntil('retrying', 15_000, async () => {
      const h = await health(api!);
      return h.state === 'degraded' && /retrying in \d+ s/.test(h.detail ?? '') ? h : undefined;
    });
    expect(retrying.detail).toMatch(/lost|refused/);
    // Lull goes down too; mail arrives while both are away.
    await api!.server.close();
    await api!.lull.close();
    api = null;
    const missed = dovecot.deliver([1, 2, 3].map((n) => ({ from: 'b@example.test', subject: `while away ${n}` })));

    api = await openLullWithMail({ dataDir: dir });
    const second = collect(api);
    await waitFor(api, 'degraded');
    await dovecot.up();
    await pollUntil('the 3 missed', 20_000, async () => (second.items.length >= 3 ? true : undefined));
    await waitFor(api, 'running');
    await new Promise((r) => setTimeout(r, 1500)); // anything more would come now
    expect(second.items.map((i) => i.dedupeKey).sort()).toEqual(missed.map((m) => m.messageId).sort());
    expect(second.items.every((i) => i.disposition === 'held')).toBe(true);
  }, 90_000);

  it('a new UIDVALIDITY (a server migration) starts afresh without a flood: only mail newer than the last seen', async () => {
    const dir = await watchingWithOne('seen before the migration');
    const before = JSON.parse(readFileSync(join(dir, 'mail', 'work.json'), 'utf8'));
    await api!.server.close();
    await api!.lull.close();
    api = null;
    await new Promise((r) => setTimeout(r, 1100)); // INTERNALDATE counts whole seconds
    const fresh = await dovecot.append([1, 2].map((n) => ({ from: 'b@example.test', subject: `after ${n}` })));
    await dovecot.down();
    dovecot.renumber();
    await dovecot.up();

    api = await openLullWithMail({ dataDir: dir });
    const second = collect(api);
    await waitFor(api, 'running');
    await new Promise((r) => setTimeout(r, 1000));
    expect(second.items.map((i) => i.dedupeKey).sort()).toEqual(fresh.map((m) => m.messageId).sort());
    const after = JSON.parse(readFileSync(join(dir, 'mail', 'work.json'), 'utf8'));
    expect(after.uidValidity).not.toBe(before.uidValidity);
    // From here on it goes by the new UIDs: the next arrival is one item, the old mail stays old.
    const [next] = await dovecot.append([{ from: 'c@example.test', subject: 'after the migration' }]);
    await pollUntil('the next item', 10_000, async () => (second.items.length === 3 ? true : undefined));
    await new Promise((r) => setTimeout(r, 800));
    expect(second.items.map((i) => i.dedupeKey)).toHaveLength(3);
    expect(second.items[2]!.dedupeKey).toBe(next!.messageId);
  }, 60_000);

  it('a wrong password: auth failed in the status, one login attempt, no retry storm', async () => {
    const before = dovecot.logins().failed;
    api = await openLullWithMail({ password: 'not the password' });
    const h = await pollUntil('auth failed', 15_000, async () => {
      const now = await health(api!);
      return now?.state === 'unavailable' ? now : undefined;
    });
    expect(h.detail).toContain('refused the login');
    expect(h.detail).not.toContain('not the password');
    await new Promise((r) => setTimeout(r, 4000)); // a retry loop would have tried 2–3 times by now
    expect(dovecot.logins().failed - before).toBe(1);
    expect((await health(api)).state).toBe('unavailable');
    // The right password, set as the user would: the account connects at once.
    expect((await api.call('PUT', '/v1/secrets/mail:work', { secret: dovecot.password })).status).toBe(200);
    await waitFor(api, 'running', 10_000);
  }, 40_000);

  it('a burst of 100 during a block: 100 items, released as one batch', async () => {
    api = await openLullWithMail();
    const seen = collect(api);
    await waitFor(api, 'running');
    await api.call('POST', '/v1/focus', { minutes: 60 });
    const burst = await dovecot.append(Array.from({ length: 100 }, (_, i) => ({ from: `Sender ${i % 7} <s${i % 7}@example.test>`, subject: `burst ${i}` })));
    await pollUntil('100 items', 20_000, async () => (seen.items.length >= 100 ? true : undefined));
    expect(new Set(seen.items.map((i) => i.dedupeKey))).toEqual(new Set(burst.map((b) => b.messageId)));
    expect((await api.call('GET', '/v1/held?limit=200')).json.items).toHaveLength(100);
    const released = await api.call('POST', '/v1/release');
    expect(released.json.released).toBe(100);
    expect((await api.call('GET', '/v1/held')).json.items).toHaveLength(0);
  }, 60_000);
});
