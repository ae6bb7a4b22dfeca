// The LullApi over the headless host's HTTP API and server-sent events, generated from the
// contract's route table. Same-origin requests carry the HttpOnly session cookie by themselves.
import { z } from 'zod';
import { errorSchema, eventsPath, httpRoutes, methods, subscriptions, type EventChannel, type Item, type LullApi } from '../../../preload/contract.ts';
import { LullApiError } from '../../../preload/bridge.ts';

export interface HttpTransportOptions {
  /** Where the API lives; the page's own origin by default. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** EventSource (the browser's), injectable for tests. */
  EventSource?: typeof EventSource;
  /** Opens a URL for the user (a new tab); `window.open` with noopener by default. */
  openUrl?: (url: string) => boolean;
  /** Prints the report page; `window.print` by default. */
  print?: () => void;
}

/** Only these schemes leave the page (no javascript:, file: or data: URLs). */
const OPENABLE = /^(https?:|mailto:)/i;
/** URLs of listed items, so `openItem({ id })` can open them without another round trip. */
const URL_MEMORY = 20_000;

function buildRequest(route: { method: string; path: string }, request: unknown): { path: string; init: RequestInit } {
  const fields = { ...(request as Record<string, unknown> | undefined) };
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = fields[name];
    delete fields[name];
    return encodeURIComponent(String(value));
  });
  if (route.method === 'GET') {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) query.set(k, String(v));
    const qs = query.toString();
    return { path: qs ? `${path}?${qs}` : path, init: { method: 'GET' } };
  }
  const hasBody = request !== undefined && Object.keys(fields).length > 0;
  return {
    path,
    // keepalive: an action sent while the window closes (the review's last, undoable one) still arrives.
    init: { method: route.method, keepalive: true, ...(hasBody && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) }) },
  };
}

/** How the HTTP API answers a refusal: the contract's error body under `error`. */
const errorAnswer = z.object({ error: errorSchema });

async function readError(response: Response): Promise<LullApiError> {
  // Not JSON or not Lull's error shape (a proxy's page, a dropped connection): a status-based error.
  const parsed = errorAnswer.safeParse(await response.json().catch(() => null));
  return new LullApiError(parsed.success ? parsed.data.error : { code: `http-${response.status}`, message: `Lull answered ${response.status}` });
}

export function createHttpApi(opts: HttpTransportOptions = {}): LullApi {
  const base = opts.baseUrl ?? '';
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const urls = new Map<string, string>();
  const remember = (items: readonly Item[]): void => {
    for (const item of items) if (item.url) urls.set(item.id, item.url);
    for (const key of urls.keys()) {
      if (urls.size <= URL_MEMORY) break;
      urls.delete(key);
    }
  };
  // With noopener, window.open returns null even when the tab opened: there is nothing to check.
  const openUrl =
    opts.openUrl ??
    ((url: string) => {
      window.open(url, '_blank', 'noopener,noreferrer');
      return true;
    });

  const api: Record<string, unknown> = {};
  for (const name of Object.keys(methods) as (keyof typeof methods)[]) {
    const route = httpRoutes[name];
    if (!route) continue;
    api[name] = async (request?: unknown) => {
      const { path, init } = buildRequest(route, request);
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, { ...init, credentials: 'same-origin', headers: { accept: 'application/json', ...init.headers } });
      } catch {
        throw new LullApiError({ code: 'unreachable', message: 'Lull is not reachable' });
      }
      if (!response.ok) throw await readError(response);
      const value: unknown = await response.json();
      if (name === 'listQueue') remember((value as { items: Item[] }).items);
      return value;
    };
  }
  api.openItem = async ({ id }: { id: string }) => {
    const url = urls.get(id);
    if (!url || !OPENABLE.test(url)) return { opened: false };
    return { opened: openUrl(url) };
  };
  api.exportPdf = async () => {
    (opts.print ?? (() => window.print()))();
    return { path: null };
  };
  Object.assign(api, createEventSubscriptions(`${base}${eventsPath}`, opts.EventSource, () => (api.getStatus as LullApi['getStatus'])()));
  return Object.freeze(api) as LullApi;
}

/**
 * One EventSource for every subscription, opened with the first and closed with the last.
 * After a reconnect, events may have been missed: a fresh status is handed to state listeners.
 */
function createEventSubscriptions(url: string, Source: typeof EventSource | undefined, fetchStatus: LullApi['getStatus']) {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  let dropped = false;
  const deliver = (channel: EventChannel, payload: unknown): void => {
    for (const l of listeners.get(channel) ?? []) l(payload);
  };
  const open = (): void => {
    const ES = Source ?? globalThis.EventSource;
    if (!ES) return;
    source = new ES(url, { withCredentials: true });
    for (const channel of Object.values(subscriptions)) {
      source.addEventListener(channel, (event) => {
        try {
          deliver(channel, JSON.parse((event as MessageEvent<string>).data));
        } catch {
          // A malformed event is dropped; the next snapshot corrects the view.
        }
      });
    }
    source.addEventListener('error', () => (dropped = true));
    source.addEventListener('open', () => {
      if (!dropped) return;
      dropped = false;
      fetchStatus().then((status) => deliver('state:changed', status), () => undefined);
    });
  };
  const out: Record<string, (listener: (payload: unknown) => void) => () => void> = {};
  for (const [name, channel] of Object.entries(subscriptions)) {
    out[name] = (listener) => {
      if (!source) open();
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if ([...listeners.values()].every((s) => s.size === 0)) {
          source?.close();
          source = null;
        }
      };
    };
  }
  return out;
}
