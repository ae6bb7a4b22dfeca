// POST /v1/hooks/alertmanager over a real API server on a real SQLite file, during a focus block on
// a fake clock: firing alerts are held or break through, repeats are the same item, a resolved alert
// is not released (PRODUCT.md §2, §3.3), and the door is behind the API's guard like every other.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inbox } from '../../../main/sources/inbox/index.ts';
import { webhooks } from '../../../main/sources/webhooks/index.ts';
import { openApi, type Api } from '../../api/apiHarness.ts';
import { FakeClock } from '../../support/fakeClock.ts';
import { alertmanagerFiring, alertmanagerResolved, grafanaFiring } from './samples.ts';

const HOOK = '/v1/hooks/alertmanager';
const START = '2026-11-23T10:00:00+01:00';
const SETTINGS = { timeZone: 'Europe/Stockholm', batchTimes: ['12:00', '15:00'], batchWeekdays: [1, 2, 3, 4, 5] };

/** The sample's alert with another severity (so it is held, or breaks through) and its own fingerprint and start. */
const disk = (status: 'firing' | 'resolved', severity: string, startsAt = '2026-11-23T08:55:00Z', fingerprint = `fp-${severity}`) => {
  const base = status === 'firing' ? alertmanagerFiring : alertmanagerResolved;
  const alert = { ...base.alerts[0]!, labels: { ...base.alerts[0]!.labels, severity }, startsAt, fingerprint };
  return { ...base, alerts: [alert] };
};

describe('the Alertmanager / Grafana webhook door', () => {
  let api: Api;
  let clock: FakeClock;
  let notify: string;
  const hook = (body: unknown, token = notify) => api.call('POST', HOOK, body, { authorization: `Bearer ${token}` });

  beforeEach(async () => {
    clock = new FakeClock(START);
    api = await openApi(SETTINGS, { clock, doors: [inbox, webhooks] });
    notify = (await api.lull.operations['tokens:create']({ name: 'alertmanager-prod', scope: 'notify' })).token;
    expect((await api.call('POST', '/v1/focus', { minutes: 300 })).status).toBe(201);
  });
  afterEach(() => api.close());

  it('holds a firing alert; a repeat is the same item (200, no duplicate); the answer carries no text', async () => {
    const first = await hook(disk('firing', 'warning'));
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ alerts: [{ fingerprint: 'fp-warning', status: 'firing', id: expect.any(String), disposition: 'held', duplicate: false }] });
    const id = first.json.alerts[0].id;
    expect(api.lull.engine.getItem(id)).toMatchObject({ source: 'hook', title: 'Disk almost full on db1', priority: 'high', status: 'held' });
    expect(first.text).not.toMatch(/Disk|var is/);
    clock.advance(4 * 60_000);
    const repeat = await hook(disk('firing', 'warning'));
    expect(repeat.status).toBe(200);
    expect(repeat.json.alerts[0]).toMatchObject({ id, disposition: 'held', duplicate: true });
    expect((await api.call('GET', '/v1/status')).json.held).toBe(1);
  });

  it('a critical alert breaks through the block', async () => {
    const r = await hook(disk('firing', 'critical'));
    expect(r.json.alerts[0]).toMatchObject({ disposition: 'breakthrough', rule: 'urgent' });
    expect(api.lull.engine.getItem(r.json.alerts[0].id).status).toBe('delivered');
  });

  it('a resolved alert withdraws its held item: resolved, and not released; a new episode is a new item', async () => {
    const fired = (await hook(disk('firing', 'warning'))).json.alerts[0].id;
    const other = (await hook(disk('firing', 'info'))).json.alerts[0].id;
    clock.advance(5 * 60_000);
    const resolved = await hook(disk('resolved', 'warning'));
    expect(resolved.status).toBe(200);
    expect(resolved.json).toEqual({ alerts: [{ fingerprint: 'fp-warning', status: 'resolved', id: fired, withdrawn: true }] });
    expect(api.lull.engine.getItem(fired).status).toBe('resolved');
    expect((await api.call('GET', '/v1/status')).json.held).toBe(1);
    // The same resolve again (a retry) changes nothing.
    expect((await hook(disk('resolved', 'warning'))).json.alerts[0]).toMatchObject({ id: fired, withdrawn: true });

    const release = await api.call('POST', '/v1/release');
    expect(release.json.released).toBe(1);
    expect(api.lull.engine.getItem(other).status).toBe('released');
    expect(api.lull.engine.getItem(fired)).toMatchObject({ status: 'resolved', batchId: null });

    // Later the disk fills again: Alertmanager sends the same fingerprint with a new startsAt.
    clock.advance(10 * 60_000);
    const again = await hook(disk('firing', 'warning', '2026-11-23T09:15:00Z'));
    expect(again.json.alerts[0]).toMatchObject({ fingerprint: 'fp-warning', disposition: 'held', duplicate: false });
    expect(again.json.alerts[0].id).not.toBe(fired);
    expect(api.lull.engine.getItem(again.json.alerts[0].id).status).toBe('held');
  });

  it('an unknown resolved alert needs nothing; a delivered one is left as it is', async () => {
    expect((await hook(disk('resolved', 'warning', '2026-11-23T07:00:00Z', 'never-seen'))).json).toEqual({
      alerts: [{ fingerprint: 'never-seen', status: 'resolved', id: null, withdrawn: false }],
    });
    const urgent = (await hook(disk('firing', 'critical'))).json.alerts[0].id;
    expect((await hook(disk('resolved', 'critical'))).json.alerts[0]).toEqual({ fingerprint: 'fp-critical', status: 'resolved', id: urgent, withdrawn: false });
    expect(api.lull.engine.getItem(urgent).status).toBe('delivered');
  });

  it("takes Grafana's body: one item per alert, one thread, truncatedAlerts reported", async () => {
    const r = await hook({ ...grafanaFiring, truncatedAlerts: 3 });
    expect(r.status).toBe(200);
    expect(r.json.truncatedAlerts).toBe(3);
    const items = r.json.alerts.map((a: { id: string }) => api.lull.engine.getItem(a.id));
    expect(items.map((i: { status: string; thread?: string }) => [i.status, i.thread])).toEqual([
      ['held', '{}:{}'],
      ['held', '{}:{}'],
    ]);
  });

  it('refuses a body that is not a webhook with a 400 naming the fields', async () => {
    const r = await hook({ receiver: 'hook', alerts: [{ status: 'pending', labels: {} }] });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'invalid', fields: [{ field: 'alerts.0.status' }] });
    expect((await hook([1, 2])).status).toBe(400);
    expect((await api.raw('POST', HOOK, { headers: { authorization: `Bearer ${notify}`, 'content-type': 'text/plain' }, body: 'hello' })).status).toBe(415);
  });

  it('is behind the guard: foreign Host or Origin 403, no token 401, over 64 KiB 413', async () => {
    const body = JSON.stringify(disk('firing', 'warning'));
    const as = (headers: Record<string, string>) => api.raw('POST', HOOK, { headers: { 'content-type': 'application/json', authorization: `Bearer ${notify}`, ...headers }, body });
    expect((await as({ host: 'evil.example' })).status).toBe(403);
    expect((await as({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await as({ authorization: '' })).status).toBe(401);
    expect((await as({ authorization: 'Bearer not-a-token' })).status).toBe(401);
    const huge = { ...disk('firing', 'warning'), padding: 'x'.repeat(65 * 1024) };
    expect((await hook(huge)).status).toBe(413);
    expect((await api.call('GET', '/v1/status')).json.held).toBe(0);
  });

  it('a notify token may post here but read nothing; the owner may post too', async () => {
    expect((await hook(disk('firing', 'warning'))).status).toBe(200);
    const read = await api.call('GET', '/v1/held', undefined, { authorization: `Bearer ${notify}` });
    expect(read.status).toBe(403);
    expect(read.json.error.code).toBe('notify-only');
    expect((await hook(disk('firing', 'info'), api.token)).status).toBe(200);
    expect((await api.call('GET', '/v1/held')).json.items).toHaveLength(2);
  });

  it('answers 403 compat-off while sources.compat is off, and takes webhooks again once it is on', async () => {
    expect((await api.call('PATCH', '/v1/settings', { sources: { compat: false } })).status).toBe(200);
    const off = await hook(disk('firing', 'warning'));
    expect(off.status).toBe(403);
    expect(off.json.error.code).toBe('compat-off');
    expect((await api.call('GET', '/v1/status')).json.held).toBe(0);
    expect((await api.call('PATCH', '/v1/settings', { sources: { compat: true } })).status).toBe(200);
    expect((await hook(disk('firing', 'warning'))).status).toBe(200);
  });
});
