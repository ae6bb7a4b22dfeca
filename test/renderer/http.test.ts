// The HTTP transport of the LullApi against a real API server on loopback over a real SQLite
// file: query parameters, JSON bodies, `:id` paths, errors with their fields, open and print.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LullApiError } from '../../preload/bridge.ts';
import type { LullApi } from '../../preload/contract.ts';
import { createHttpApi } from '../../renderer/src/api/http.ts';
import { openApi, type Api } from '../api/apiHarness.ts';

let server: Api;
let api: LullApi;
const opened: string[] = [];
let printed = 0;

beforeAll(async () => {
  server = await openApi({ breakthrough: { repeatEscalation: { count: 20, minutes: 1 } } });
  const base = `http://127.0.0.1:${server.port}`;
  api = createHttpApi({
    baseUrl: base,
    // The browser sends the session cookie by itself; here the bearer token stands in for it.
    fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${server.token}` } }),
    openUrl: (url) => opened.push(url) > 0,
    print: () => void printed++,
  });
});
afterAll(() => server.close());

describe('HTTP transport', () => {
  it('runs focus commands with JSON bodies and reads the status', async () => {
    const { block } = await api.startFocus({ minutes: 30 });
    expect(block.kind).toBe('adhoc');
    expect((await api.getStatus()).state).toBe('focus');
  });

  it('lists the queue with query parameters and acts on items by id in the path', async () => {
    for (const title of ['a', 'b', 'c']) await server.call('POST', '/v1/notifications', { source: 'ci', title, url: title === 'a' ? 'https://example.org/a' : 'mailto:x@example.org' });
    const first = await api.listQueue({ view: 'held', limit: 2 });
    expect(first.items).toHaveLength(2);
    const rest = await api.listQueue({ view: 'held', limit: 2, cursor: first.nextCursor ?? undefined });
    expect(rest.items).toHaveLength(1);
    const done = await api.markDone({ id: first.items[0]!.id });
    expect(done.status).toBe('done');
    expect((await api.snooze({ id: first.items[1]!.id })).snoozedUntil).not.toBeNull();
    expect((await api.dismiss({ id: rest.items[0]!.id })).status).toBe('dismissed');
  });

  it('opens only http, https and mailto links of items it listed; prints the report for PDF', async () => {
    const { items } = await api.listQueue({ view: 'held', limit: 10 });
    expect(await api.openItem({ id: items[0]!.id })).toEqual({ opened: true });
    expect(opened).toEqual(['mailto:x@example.org']);
    expect(await api.openItem({ id: 'never-listed' })).toEqual({ opened: false });
    expect(await api.exportPdf({})).toEqual({ path: null });
    expect(printed).toBe(1);
  });

  it('turns error answers into LullApiError with the code, the message and each refused field', async () => {
    const refused = await api.patchSettings({ batchTimes: ['25:00'], maxHoldMinutes: 1 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LullApiError);
    expect((refused as LullApiError).code).toBe('invalid');
    expect((refused as LullApiError).fields?.map((f) => f.field).sort()).toEqual(['batchTimes.0', 'maxHoldMinutes']);
    const missing = await api.markDone({ id: 'no-such-item' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'not-found' });
    const conflict = await api.startFocus({ minutes: 5 }).catch((e: unknown) => e);
    expect(conflict).toMatchObject({ code: 'conflict' });
  });

  it('reads the week and the report with a week query, and says so when Lull is not reachable', async () => {
    expect((await api.weekSchedule({ week: '2026-W10' })).week).toBe('2026-W10');
    expect((await api.weeklyReport({ week: '2026-W10' })).week).toBe('2026-W10');
    const gone = createHttpApi({ baseUrl: 'http://127.0.0.1:1' });
    await expect(gone.getStatus()).rejects.toMatchObject({ code: 'unreachable' });
  });
});
