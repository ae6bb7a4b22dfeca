// One typed HTTP transport of the contract: a method for every route of `httpRoutes`, plus the
// inbox's POST and the login link, built from the same tables the server is generated from.
// The CLI passes its bearer token; the dashboard page lets the browser send its session cookie.
// Refusals become LullApiError (code, message, each refused field); no answer at all is
// `unreachable`.
import type { z } from 'zod';
import type { NotificationInput, notificationAccepted } from '../main/core/incoming.ts';
import { LullApiError } from './bridge.ts';
import { errorSchema, hostRoutes, httpRoutes, type HttpRoute, type InvokeResult, type RequestArgs, type RoutedMethod } from './contract.ts';
import type { methods } from './channels.ts';

export type { NotificationInput };
export type NotificationAnswer = z.output<typeof notificationAccepted>;

export interface HttpClientOptions {
  /** Where Lull's API lives (`http://127.0.0.1:47615`); '' for the page's own origin. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Sent with every request: the CLI's `authorization: Bearer …`. */
  headers?: Record<string, string>;
  /** The browser's session cookie: `same-origin`. */
  credentials?: RequestCredentials;
  /** An action sent while a window closes (the review's last, undoable one) still arrives. */
  keepalive?: boolean;
  /** Gives up (as `unreachable`) after this long; no limit by default. */
  timeoutMs?: number;
  /** What a failed call throws instead of the LullApiError (the CLI's exit codes). */
  failure?: (error: LullApiError) => unknown;
}

type Methods = typeof methods;

/** Every operation that travels over HTTP, typed from the contract. */
export type RoutedApi = { [M in RoutedMethod]: (...args: RequestArgs<Methods[M]>) => Promise<InvokeResult<Methods[M]>> };

export type HttpClient = RoutedApi & {
  /** POST /v1/notifications (PRODUCT.md §4): what every door's client sends. */
  postNotification(notification: NotificationInput): Promise<NotificationAnswer>;
  /** A one-time link that logs a browser in to the dashboard. */
  loginLink(): Promise<{ url: string }>;
  /** The sign-in page: the owner's token for a session cookie (`wrong-token` when it is not). */
  signIn(request: { token: string }): Promise<{ expiresAt: string }>;
};

/** `:id` (or `:name`) from the request, the rest as query parameters (GET) or as a JSON body. */
export function buildRequest(route: HttpRoute, request: unknown): { path: string; query: string; body: string | undefined } {
  const fields: Record<string, unknown> = typeof request === 'object' && request !== null ? { ...request } : {};
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = fields[name];
    delete fields[name];
    return encodeURIComponent(String(value));
  });
  if (route.method === 'GET') {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) query.set(k, String(v));
    const qs = query.toString();
    return { path, query: qs ? `?${qs}` : '', body: undefined };
  }
  const hasBody = request !== undefined && Object.keys(fields).length > 0;
  return { path, query: '', body: hasBody ? JSON.stringify(fields) : undefined };
}

/** How the HTTP API answers a refusal: the contract's error body under `error`. */
async function readError(response: Response): Promise<LullApiError> {
  // Not JSON or not Lull's error shape (a proxy's page, a dropped connection): a status-based error.
  const parsed = errorSchema.safeParse(((await response.json().catch(() => null)) as { error?: unknown } | null)?.error);
  return new LullApiError(parsed.success ? parsed.data : { code: `http-${response.status}`, message: `Lull answered ${response.status}` });
}

export function createHttpClient(opts: HttpClientOptions): HttpClient {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const fail = (error: LullApiError): unknown => (opts.failure ? opts.failure(error) : error);
  async function send<T>(route: HttpRoute, request: unknown): Promise<T> {
    const { path, query, body } = buildRequest(route, request);
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers, ...(body !== undefined && { 'content-type': 'application/json' }) };
    const init: RequestInit = {
      method: route.method,
      headers,
      body,
      ...(opts.credentials && { credentials: opts.credentials }),
      ...(opts.keepalive && route.method !== 'GET' && { keepalive: true }),
      ...(opts.timeoutMs !== undefined && { signal: AbortSignal.timeout(opts.timeoutMs) }),
    };
    let response: Response;
    try {
      response = await doFetch(`${opts.baseUrl}${path}${query}`, init);
    } catch {
      throw fail(new LullApiError({ code: 'unreachable', message: 'Lull is not reachable' }));
    }
    if (!response.ok) throw fail(await readError(response));
    // The server answers with the contract's result schema (openapi.ts documents it from the same table).
    return (await response.json()) as T;
  }
  const routed = <M extends RoutedMethod>(name: M) => (...args: RequestArgs<Methods[M]>): Promise<InvokeResult<Methods[M]>> => send(httpRoutes[name], args[0]);
  return {
    getStatus: routed('getStatus'),
    startFocus: routed('startFocus'),
    stopFocus: routed('stopFocus'),
    skipToday: routed('skipToday'),
    listQueue: routed('listQueue'),
    releaseNow: routed('releaseNow'),
    markDone: routed('markDone'),
    judge: routed('judge'),
    dismiss: routed('dismiss'),
    snooze: routed('snooze'),
    todayStats: routed('todayStats'),
    weekSchedule: routed('weekSchedule'),
    scheduleConsent: routed('scheduleConsent'),
    beginSchedule: routed('beginSchedule'),
    weeklyReport: routed('weeklyReport'),
    getSettings: routed('getSettings'),
    patchSettings: routed('patchSettings'),
    createToken: routed('createToken'),
    listTokens: routed('listTokens'),
    revokeToken: routed('revokeToken'),
    setSecret: routed('setSecret'),
    deleteSecret: routed('deleteSecret'),
    listSecrets: routed('listSecrets'),
    testMailAccount: routed('testMailAccount'),
    postNotification: (notification) => send(hostRoutes.postNotification, notification),
    loginLink: () => send(hostRoutes.loginLink, undefined),
    signIn: (request) => send(hostRoutes.signIn, request),
  };
}
