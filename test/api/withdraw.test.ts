// POST /v1/notifications/{id}/withdraw and expiresAt over a real API server on a real SQLite
// file: what resolved itself is not released (PRODUCT.md §2, §4). Time is a fake clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemSchema } from '../../preload/contract/queue.ts';
import { FakeClock } from '../support/fakeClock.ts';
import { openApi, type Api } from './apiHarness.ts';

// Monday 2026-11-23 10:00 in Stockholm (UTC+1); batch times 12:00 and 15:00.
const START = '2026-11-23T10:00:00+01:00';
const SETTINGS = { timeZone: 'Europe/Stockholm', batchTimes: ['12:00', '15:00'], batchWeekdays: [1, 2, 3, 4, 5] };

describe('HTTP API: withdraw and expiry', () => {
  let api: Api;
  let clock: FakeClock;
  const post = async (body: Record<string, unknown>): Promise<string> => (await api.call('POST', '/v1/notifications', { source: 'chat', ...body })).json.id;
  beforeEach(async () => {
    clock = new FakeClock(START);
    api = await openApi(SETTINGS, { clock });
    expect((await api.call('POST', '/v1/focus', { minutes: 300 })).status).toBe(201);
  });
  afterEach(() => api.close());

  it('withdraws a held item: 200 with the item as the API shows items, held count drops, not in the next batch', async () => {
    const gone = await post({ title: 'your code is 4411', sender: 'Bank' });
    const kept = await post({ title: 'lunch?' });
    clock.advance(5 * 60_000);
    const r = await api.call('POST', `/v1/notifications/${gone}/withdraw`);
    expect(r.status).toBe(200);
    expect(() => itemSchema.parse(r.json)).not.toThrow();
    expect(r.json).toMatchObject({ id: gone, title: 'your code is 4411', status: 'resolved', disposition: 'held', receivedAt: '2026-11-23T10:00:00.000+01:00', snoozedUntil: null });
    expect((await api.call('GET', '/v1/status')).json.held).toBe(1);
    const release = await api.call('POST', '/v1/release');
    expect(release.json.released).toBe(1);
    expect(api.lull.engine.getItem(kept).status).toBe('released');
    expect(api.lull.engine.getItem(gone).status).toBe('resolved');
    expect((await api.call('GET', '/v1/stats/today')).json).toMatchObject({ held: 2, resolved: 1 });
  });

  it('an unknown id answers 404 in the error shape; no token answers 401', async () => {
    const r = await api.call('POST', '/v1/notifications/no-such-id/withdraw');
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: { code: 'not-found', message: expect.any(String) } });
    const id = await post({ title: 'a' });
    const anonymous = await api.call('POST', `/v1/notifications/${id}/withdraw`, undefined, { authorization: '' });
    expect(anonymous.status).toBe(401);
    expect(api.lull.engine.getItem(id).status).toBe('held');
    const doc = (await api.call('GET', '/v1/openapi.json')).json;
    expect(doc.paths['/v1/notifications/{id}/withdraw'].post.operationId).toBe('withdrawNotification');
  });

  it('withdrawing a handled item leaves it as it is', async () => {
    const id = await post({ title: 'done already' });
    const done = (await api.call('POST', `/v1/held/${id}/done`)).json;
    clock.advance(60_000);
    const r = await api.call('POST', `/v1/notifications/${id}/withdraw`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual(done);
  });

  it('a held item whose expiresAt passes is resolved on time and left out of the batch', async () => {
    const code = await post({ title: 'code 9911', expiresAt: '2026-11-23T10:10:00+01:00' });
    const kept = await post({ title: 'standup notes' });
    clock.advanceTo('2026-11-23T10:10:00+01:00');
    expect(api.lull.engine.getItem(code)).toMatchObject({ status: 'resolved', handledAt: Date.parse('2026-11-23T10:10:00+01:00') });
    const held = (await api.call('GET', '/v1/held')).json.items.map((i: { id: string }) => i.id);
    expect(held).toEqual([kept]);
    clock.advanceTo('2026-11-23T12:00:00+01:00');
    expect(api.lull.engine.getItem(kept).status).toBe('released');
    expect(api.lull.engine.getItem(code).status).toBe('resolved');
    expect((await api.call('GET', '/v1/stats/today')).json.resolved).toBe(1);
  });
});
