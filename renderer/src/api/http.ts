// The LullApi over the headless host's HTTP API and server-sent events: the contract's typed
// HTTP client (preload/httpClient.ts, which the CLI uses too) plus what the browser does itself
// (open a link, print the report). Same-origin requests carry the HttpOnly session cookie.
import { eventsPath, isAllowedUrl, itemSchema, subscriptions, type EventChannel, type Item, type LullApi } from '../../../preload/contract.ts';
import { createHttpClient } from '../../../preload/httpClient.ts';

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

/** URLs of listed items, so `openItem({ id })` can open them without another round trip. */
const URL_MEMORY = 20_000;

export function createHttpApi(opts: HttpTransportOptions = {}): LullApi {
  const base = opts.baseUrl ?? '';
  // A refusal for want of a session (the host restarted, the session ran out) means "sign in again".
  const signedOut = new Set<() => void>();
  const { postNotification: _post, loginLink: _link, signIn: _signIn, ...routed } = createHttpClient({
    baseUrl: base,
    ...(opts.fetch && { fetch: opts.fetch }),
    credentials: 'same-origin',
    keepalive: true,
    failure: (error) => {
      if (error.code === 'unauthorized') for (const l of signedOut) l();
      return error;
    },
  });
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
  // An event stream the server closed for good (a 401 is not retried by EventSource): ask once why.
  const events = createEventSubscriptions(`${base}${eventsPath}`, opts.EventSource, remember, () => void routed.getStatus().catch(() => undefined));
  const api: LullApi = {
    ...routed,
    ...events.subscriptions,
    onResync: events.onResync,
    onSignedOut(listener) {
      signedOut.add(listener);
      return () => void signedOut.delete(listener);
    },
    async listQueue(request) {
      const page = await routed.listQueue(request);
      remember(page.items);
      return page;
    },
    async openItem({ id }) {
      // Only http, https and mailto leave the page (no javascript:, file: or data: URLs).
      const url = urls.get(id);
      if (!url || !isAllowedUrl(url)) return { opened: false };
      return { opened: openUrl(url) };
    },
    async exportPdf() {
      (opts.print ?? (() => window.print()))();
      return { path: null };
    },
  };
  return Object.freeze(api);
}

type Subscriptions = Pick<LullApi, keyof typeof subscriptions>;

/**
 * One EventSource for every subscription, opened with the first and closed with the last.
 * After a reconnect, events may have been missed: resync listeners hear it once.
 */
function createEventSubscriptions(url: string, Source: typeof EventSource | undefined, remember: (items: readonly Item[]) => void, closedForGood: () => void) {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const resync = new Set<() => void>();
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
          const payload: unknown = JSON.parse((event as MessageEvent<string>).data);
          // An item that arrives or changes may be opened later: its URL is known like a listed one's.
          const item = channel === 'queue:item-added' || channel === 'queue:item-changed' ? itemSchema.safeParse(payload) : null;
          if (item?.success) remember([item.data]);
          deliver(channel, payload);
        } catch {
          // A malformed event is dropped; the next snapshot corrects the view.
        }
      });
    }
    source.addEventListener('error', (event) => {
      dropped = true;
      if ((event.target as EventSource | null)?.readyState === 2) closedForGood(); // 2: CLOSED
    });
    source.addEventListener('open', () => {
      if (!dropped) return;
      dropped = false;
      for (const l of resync) l();
    });
  };
  const closeWhenUnused = (): void => {
    if (resync.size === 0 && [...listeners.values()].every((s) => s.size === 0)) {
      source?.close();
      source = null;
    }
  };
  const subscribe = (channel: EventChannel, listener: (payload: unknown) => void): (() => void) => {
    if (!source) open();
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      closeWhenUnused();
    };
  };
  const out: Record<string, (listener: (payload: unknown) => void) => () => void> = {};
  for (const [name, channel] of Object.entries(subscriptions)) out[name] = (listener) => subscribe(channel, listener);
  return {
    // Each `onX` hands its listener the payload of its own channel, as the contract types it.
    subscriptions: out as unknown as Subscriptions,
    onResync(listener: () => void): () => void {
      if (!source) open();
      resync.add(listener);
      return () => {
        resync.delete(listener);
        closeWhenUnused();
      };
    },
  };
}
