// The HTTP transport of the LullApi against a real API server on loopback over a real SQLite
// file: query parameters, JSON bodies, `:id` paths, errors with their fields, open and print;
// server-sent events that keep a dashboard current, and one resync after the stream drops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LullApiError } from '../../preload/bridge.ts';
import type { LullApi } from '../../preload/contract.ts';
import { createHttpApi } from '../../renderer/src/api/http.ts';
import { createDashboardStore } from '../../renderer/src/store/dashboardStore.ts';
import { openApi, type Api } from '../api/apiHarness.ts';

let server: Api;
let api: LullApi;
const opened: string[] = [];
let printed = 0;

beforeAll(async () => {
  server = await openApi({ breakthrough: { repeatEscalation: { attempts: 0, minutes: 1 } } });
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

  it('without a session the window shows the sign-in page, not "unreachable"; only no answer at all is unreachable', async () => {
    const stranger = createHttpApi({ baseUrl: `http://127.0.0.1:${server.port}`, EventSource: undefined });
    let told = 0;
    const off = stranger.onSignedOut!(() => told++);
    await expect(stranger.getStatus()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(told).toBe(1);
    off();
    const store = createDashboardStore(stranger);
    (await store.getState().hydrate())();
    expect(store.getState()).toMatchObject({ hydrated: 'signed-out', hydrateError: null });

    const nobody = createDashboardStore(createHttpApi({ baseUrl: 'http://127.0.0.1:1' }));
    (await nobody.getState().hydrate())();
    expect(nobody.getState()).toMatchObject({ hydrated: 'failed', hydrateError: 'Lull is not reachable' });
  });

  it('a session that ends while the window is open (the host restarted) turns the window to the sign-in page', async () => {
    let signedIn = true;
    const flaky = createHttpApi({
      baseUrl: `http://127.0.0.1:${server.port}`,
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(signedIn && { authorization: `Bearer ${server.token}` }) } }),
    });
    const store = createDashboardStore(flaky);
    const off = await store.getState().hydrate();
    expect(store.getState().hydrated).toBe('yes');
    signedIn = false;
    await store.getState().loadStatus().catch(() => undefined);
    expect(store.getState().hydrated).toBe('signed-out');
    off();
  });
});

/**
 * Just enough of the browser's EventSource, over fetch: `open` when the stream answers, one
 * event per frame, `error` when it drops, then a new connection (at once, not after 3 s).
 */
function eventSourceWith(headers: Record<string, string>): typeof EventSource {
  class TestEventSource extends EventTarget {
    private closed = false;
    private abort = new AbortController();
    readonly url: string;
    constructor(url: string) {
      super();
      this.url = url;
      void this.connect();
    }
    private async connect(): Promise<void> {
      try {
        const response = await fetch(this.url, { headers, signal: this.abort.signal });
        if (!response.ok || !response.body) throw new Error(`answered ${response.status}`);
        this.dispatchEvent(new Event('open'));
        let buffer = '';
        for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const type = /^event: (.*)$/m.exec(frame)?.[1];
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (type && data !== undefined) this.dispatchEvent(new MessageEvent(type, { data }));
          }
        }
      } catch {
        // dropped, or closed by us
      }
      if (this.closed) return;
      this.dispatchEvent(new Event('error'));
      setTimeout(() => void this.connect(), 10);
    }
    close(): void {
      this.closed = true;
      this.abort.abort();
    }
  }
  return TestEventSource as unknown as typeof EventSource;
}

describe('server-sent events over HTTP', () => {
  it('keep the held queue current in place, and resync status and queue once after the stream drops', async () => {
    const auth = { authorization: `Bearer ${server.token}` };
    const calls: string[] = [];
    const sse = createHttpApi({
      baseUrl: `http://127.0.0.1:${server.port}`,
      fetch: (input, init) => {
        calls.push(new URL(String(input)).pathname);
        return fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...auth } });
      },
      EventSource: eventSourceWith(auth),
    });
    for (const { id } of (await api.listQueue({ view: 'held', limit: 100 })).items) await api.dismiss({ id });
    await api.stopFocus().catch(() => undefined);
    await api.startFocus({ minutes: 60 });
    const store = createDashboardStore(sse);
    const off = await store.getState().hydrate();
    await store.getState().loadQueue();
    const count = (path: string): number => calls.filter((p) => p === path).length;
    // An arrival is added in place: no listing of the held queue.
    const before = count('/v1/held');
    await server.call('POST', '/v1/notifications', { source: 'ci', title: 'over SSE' });
    await expect.poll(() => store.getState().items.map((i) => i.title)).toEqual(['over SSE']);
    await expect.poll(() => store.getState().status?.held).toBe(1);
    expect(count('/v1/held')).toBe(before);
    // The stream drops (the server closes every connection); the page reconnects and reads again, once.
    const statusBefore = count('/v1/status');
    server.server.app.server.closeAllConnections();
    await expect.poll(() => count('/v1/status'), { timeout: 5000 }).toBe(statusBefore + 1);
    await expect.poll(() => count('/v1/held')).toBe(before + 1);
    // Events flow again on the new stream.
    await server.call('POST', '/v1/notifications', { source: 'ci', title: 'after the drop' });
    await expect.poll(() => store.getState().items.map((i) => i.title)).toEqual(['over SSE', 'after the drop']);
    await new Promise((r) => setTimeout(r, 100));
    expect(count('/v1/status')).toBe(statusBefore + 1);
    expect(count('/v1/held')).toBe(before + 1);
    off();
    await api.stopFocus();
  });
});
