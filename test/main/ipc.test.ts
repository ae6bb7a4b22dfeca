// Every IPC handler refuses a foreign sender and an invalid payload before any operation runs,
// and passes a valid one through; the preload exposes exactly one method per operation.
import { describe, expect, it, vi } from 'vitest';
import { registerIpc, type SenderEvent } from '../../main/app/ipc.ts';
import { isAppUrl } from '../../main/app/protocol.ts';
import type { Operations } from '../../main/service/operations.ts';
import { invokeContract, methods, subscriptions, type InvokeChannel } from '../../preload/contract.ts';
import { electron, ipcRenderer } from '../support/electronStub.ts';

vi.mock('electron', () => import('../support/electronStub.ts'));

/** For each channel: a payload its schema accepts, and ones it must refuse. */
const cases: Record<InvokeChannel, { valid: unknown; invalid: unknown[] }> = {
  'status:get': { valid: undefined, invalid: [{}, 'x', null] },
  'focus:start': { valid: { minutes: 25 }, invalid: [undefined, { minutes: 0 }, { minutes: 721 }, { minutes: 2.5 }, { until: 'later' }, { minutes: 25, extra: 1 }] },
  'focus:stop': { valid: undefined, invalid: [{ force: true }, 1] },
  'focus:skip-today': { valid: undefined, invalid: [[]] },
  'queue:list': { valid: { view: 'review', limit: 10 }, invalid: [{ limit: 0 }, { view: 'all' }, { limit: 1001 }, { cursor: 'x'.repeat(600) }] },
  'queue:release': { valid: undefined, invalid: [{ all: true }] },
  'queue:done': { valid: { id: 'a1' }, invalid: [undefined, { id: '' }, { id: 'x'.repeat(129) }, { id: 1 }, 'a1'] },
  'queue:dismiss': { valid: { id: 'a1' }, invalid: [undefined, { id: '' }, { ids: ['a1'] }] },
  'queue:snooze': { valid: { id: 'a1' }, invalid: [undefined, { id: null }] },
  'queue:open': { valid: { id: 'a1' }, invalid: [undefined, { id: 'a1', url: 'file:///etc/passwd' }] },
  'queue:verdict': { valid: { id: 'a1', urgent: false }, invalid: [undefined, { id: 'a1' }, { id: 'a1', urgent: 'yes' }, { id: 'a1', urgent: true, rule: 'vip' }] },
  'stats:today': { valid: undefined, invalid: [{ day: 'today' }] },
  'schedule:week': { valid: { week: '2026-W47' }, invalid: [{ week: '2026-47' }, { week: 47 }, 'x'] },
  'schedule:consent': { valid: undefined, invalid: [{ from: 'now' }] },
  'schedule:begin': { valid: { from: 'next' }, invalid: [undefined, { from: 'later' }, { from: 'now', at: '09:00' }, 'now'] },
  'report:weekly': { valid: {}, invalid: [{ week: 'last' }, { week: '2026-W47', csv: true }] },
  'report:pdf': { valid: { week: '2026-W47' }, invalid: [{ week: '../../etc' }, { path: '/tmp/x.pdf' }] },
  'settings:get': { valid: undefined, invalid: [{ key: 'x' }] },
  'settings:patch': { valid: { refocusMinutes: 20 }, invalid: [undefined, 'x', [1, 2], 7, { nonsense: 1 }, { batchTimes: ['25:00'] }, { refocusMinutes: -1 }] },
  'tokens:create': { valid: { name: 'ci', scope: 'notify' }, invalid: [undefined, { name: '' }, { name: '   ' }, { name: 'x'.repeat(65) }, { name: 'ci', scope: 'owner' }, { name: 'a\u0007b' }, { name: 'ci', secret: 'x' }] },
  'tokens:list': { valid: undefined, invalid: [{ all: true }] },
  'tokens:revoke': { valid: { id: 'tok_1' }, invalid: [undefined, { id: '' }, 'tok_1'] },
  'secrets:set': {
    valid: { name: 'mail:work', secret: 'correct horse battery staple' },
    invalid: [undefined, { name: 'mail:work' }, { name: 'mail:work', secret: '' }, { name: 'mail:work', secret: 'x'.repeat(4097) }, { name: 'mail:work', secret: 'a\nb' }, { name: 'work', secret: 'x' }, { name: 'ftp:work', secret: 'x' }, { name: 'mail: work', secret: 'x' }, { name: 'mail:', secret: 'x' }, { name: 'mail:work', secret: 'x', note: 'y' }],
  },
  'secrets:delete': { valid: { name: 'calendar:home' }, invalid: [undefined, { name: 'calendar:' }, { name: 'mail:../x' }, 'mail:work'] },
  'secrets:list': { valid: undefined, invalid: [{ values: true }] },
  'mail:test': {
    valid: { account: { name: 'work', host: 'imap.example.com', user: 'ann' }, password: 'pw' },
    invalid: [undefined, { account: { name: 'work', host: 'imap.example.com', user: 'ann', security: 'none' } }, { account: { name: 'work', host: 'imap.example.com', user: 'ann' }, password: 'a\nb' }, { account: { name: 'work', host: 'imap.example.com', user: 'ann' }, extra: 1 }],
  },
};

function setUp() {
  const handlers = new Map<string, (event: SenderEvent, payload: unknown) => unknown>();
  const calls: { channel: string; request: unknown }[] = [];
  const operations = Object.fromEntries(
    Object.keys(invokeContract).map((channel) => [channel, (request: unknown) => (calls.push({ channel, request }), { done: channel })]),
  ) as unknown as Operations;
  registerIpc({ ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener) }, operations, isTrustedSender: isAppUrl });
  const call = (channel: string, payload: unknown, url: string | null = 'lull://app/review.html') =>
    handlers.get(channel)?.({ senderFrame: url === null ? null : { url } }, payload) as Promise<{ ok: boolean; error?: { code: string } }>;
  return { handlers, calls, call };
}

describe('IPC handlers', () => {
  it('exist for every operation of the contract and no other', () => {
    const { handlers } = setUp();
    expect([...handlers.keys()].sort()).toEqual(Object.keys(invokeContract).sort());
    expect(Object.keys(cases).sort()).toEqual(Object.keys(invokeContract).sort());
  });

  it.each(Object.keys(invokeContract) as InvokeChannel[])('%s refuses foreign senders and invalid payloads, and runs a valid call', async (channel) => {
    const { calls, call } = setUp();
    for (const url of ['https://evil.example/', 'file:///home/u/x.html', 'lull://elsewhere/index.html', 'http://127.0.0.1:47615/', '', null]) {
      expect(await call(channel, cases[channel].valid, url)).toEqual({ ok: false, error: { code: 'forbidden', message: 'this frame may not call Lull' } });
    }
    for (const payload of cases[channel].invalid) {
      const answer = await call(channel, payload);
      expect(answer.ok, JSON.stringify(payload)).toBe(false);
      expect(answer.error?.code).toBe('invalid');
    }
    expect(calls).toEqual([]);
    expect(await call(channel, cases[channel].valid)).toEqual({ ok: true, value: { done: channel } });
    expect(calls).toHaveLength(1);
  });
});

describe('the preload', () => {
  it('exposes one object, window.lull, with one method per operation and one onX per event', async () => {
    electron.reset();
    const sent: { channel: string; payload: unknown }[] = [];
    Object.assign(ipcRenderer, { invoke: async (channel: string, payload?: unknown) => (sent.push({ channel, payload }), { ok: true, value: 'answer' }) });
    await import('../../preload/index.ts');
    expect([...electron.state.exposed.keys()]).toEqual(['lull']);
    const lull = electron.state.exposed.get('lull') as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(lull).sort()).toEqual([...Object.keys(methods), ...Object.keys(subscriptions)].sort());
    expect(Object.isFrozen(lull)).toBe(true);
    expect(await lull.startFocus?.({ minutes: 25 })).toBe('answer');
    expect(sent).toEqual([{ channel: 'focus:start', payload: { minutes: 25 } }]);
    const heard: unknown[] = [];
    const off = lull.onQueueChanged?.((payload: unknown) => heard.push(payload)) as () => void;
    ipcRenderer.emit('queue:changed', {}, { held: 3 });
    off();
    ipcRenderer.emit('queue:changed', {}, { held: 4 });
    expect(heard).toEqual([{ held: 3 }]);
    expect(ipcRenderer.listenerCount('queue:changed')).toBe(0);
    const added: unknown[] = [];
    const offAdded = lull.onItemAdded?.((payload: unknown) => added.push(payload)) as () => void;
    ipcRenderer.emit('queue:item-added', {}, { id: 'i1' });
    offAdded();
    expect(added).toEqual([{ id: 'i1' }]);
    expect(ipcRenderer.listenerCount('queue:item-added')).toBe(0);
  });
});
