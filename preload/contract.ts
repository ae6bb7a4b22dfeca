// The one contract between main and the windows: every operation (invoke) and every event,
// named `domain:verb`, with zod schemas for payloads and results. One file per domain in
// contract/ (status, focus, queue, stats, schedule, report, settings, tokens, secrets, mail), composed here into one
// map, as lobe-chat's electron-client-ipc does. Types are derived from the schemas and every
// enum and limit from core's vocabulary, never written twice. No electron import: main,
// preload, renderer and the HTTP transports all use it (the renderer with `import type` or
// for its schemas).
import type { z } from 'zod';
import { methods, subscriptions } from './channels.ts';
import type { ApiErrorBody } from './contract/common.ts';
import { focusInvokes } from './contract/focus.ts';
import { mailInvokes } from './contract/mail.ts';
import { queueEvents, queueInvokes } from './contract/queue.ts';
import { reportInvokes } from './contract/report.ts';
import { scheduleInvokes } from './contract/schedule.ts';
import { secretsInvokes } from './contract/secrets.ts';
import { settingsEvents, settingsInvokes } from './contract/settings.ts';
import { statsInvokes } from './contract/stats.ts';
import { statusEvents, statusInvokes } from './contract/status.ts';
import { tokensInvokes } from './contract/tokens.ts';

export * from './contract/common.ts';
export * from './contract/focus.ts';
export * from './contract/mail.ts';
export * from './contract/queue.ts';
export * from './contract/report.ts';
export * from './contract/schedule.ts';
export * from './contract/secrets.ts';
export * from './contract/settings.ts';
export * from './contract/stats.ts';
export * from './contract/status.ts';
export * from './contract/tokens.ts';
export { methods, subscriptions };
/** The vocabulary's lists and limits, for the windows and the CLI (never written again there). */
export { BREAKTHROUGH_RULES, LIMITS, PRIORITIES, isAllowedUrl } from '../main/core/vocabulary.ts';

/**
 * Every operation: request schema and result schema. The HTTP API covers the same list
 * (PRODUCT.md §4), so the dashboard served by the headless host works over either transport.
 */
export const invokeContract = {
  ...statusInvokes,
  ...focusInvokes,
  ...queueInvokes,
  ...statsInvokes,
  ...scheduleInvokes,
  ...reportInvokes,
  ...settingsInvokes,
  ...tokensInvokes,
  ...secretsInvokes,
  ...mailInvokes,
} as const satisfies Record<(typeof methods)[keyof typeof methods], { request: z.ZodType; result: z.ZodType }>;

export type InvokeChannel = keyof typeof invokeContract;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>;
export type InvokeResult<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['result']>;

export const eventContract = {
  ...statusEvents,
  ...queueEvents,
  ...settingsEvents,
} as const satisfies Record<(typeof subscriptions)[keyof typeof subscriptions], z.ZodType>;

export type EventChannel = keyof typeof eventContract;
export type EventPayload<C extends EventChannel> = z.output<(typeof eventContract)[C]>;

export type InvokeResponse<C extends InvokeChannel> = { ok: true; value: InvokeResult<C> } | { ok: false; error: ApiErrorBody };

type Methods = typeof methods;
type Subscriptions = typeof subscriptions;
export type RequestArgs<C extends InvokeChannel> = InvokeRequest<C> extends undefined ? [] : [request: InvokeRequest<C>];

/**
 * What the windows talk to: `window.lull` in Electron (preload), the HTTP API + server-sent
 * events in the headless host. One method per operation; every `onX` returns its unsubscribe.
 */
export type LullApi = {
  [M in keyof Methods]: (...args: RequestArgs<Methods[M]>) => Promise<InvokeResult<Methods[M]>>;
} & {
  [S in keyof Subscriptions]: (listener: (payload: EventPayload<Subscriptions[S]>) => void) => () => void;
} & {
  /**
   * A transport that can lose events (the HTTP API's server-sent events, when the stream drops)
   * calls this once it is back, so windows reload what they show once. IPC never loses events
   * and has none. Returns its unsubscribe.
   */
  onResync?: (listener: () => void) => () => void;
  /**
   * A transport with sessions (the host's dashboard in a browser) calls this when Lull answers
   * but no longer knows this browser (the host restarted, 30 days passed): the window shows the
   * sign-in page. Returns its unsubscribe.
   */
  onSignedOut?: (listener: () => void) => () => void;
};

export type HttpRoute = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; /** 200 when absent. */ status?: 201 };

/**
 * How each method travels over the headless host's HTTP API (PRODUCT.md §4 plus the routes
 * the dashboard needs). `null`: the browser does it itself (opens the URL, prints the page).
 * GET requests carry their request as query parameters, others as a JSON body.
 */
export const httpRoutes = {
  getStatus: { method: 'GET', path: '/v1/status' },
  startFocus: { method: 'POST', path: '/v1/focus', status: 201 },
  stopFocus: { method: 'DELETE', path: '/v1/focus' },
  skipToday: { method: 'POST', path: '/v1/focus/skip-today' },
  listQueue: { method: 'GET', path: '/v1/held' },
  releaseNow: { method: 'POST', path: '/v1/release' },
  markDone: { method: 'POST', path: '/v1/held/:id/done' },
  dismiss: { method: 'POST', path: '/v1/held/:id/dismiss' },
  snooze: { method: 'POST', path: '/v1/held/:id/snooze' },
  openItem: null,
  judge: { method: 'POST', path: '/v1/held/:id/verdict' },
  todayStats: { method: 'GET', path: '/v1/stats/today' },
  weekSchedule: { method: 'GET', path: '/v1/schedule' },
  scheduleConsent: { method: 'GET', path: '/v1/schedule/consent' },
  beginSchedule: { method: 'POST', path: '/v1/schedule/begin' },
  weeklyReport: { method: 'GET', path: '/v1/report/weekly' },
  exportPdf: null,
  getSettings: { method: 'GET', path: '/v1/settings' },
  patchSettings: { method: 'PATCH', path: '/v1/settings' },
  createToken: { method: 'POST', path: '/v1/tokens', status: 201 },
  listTokens: { method: 'GET', path: '/v1/tokens' },
  revokeToken: { method: 'DELETE', path: '/v1/tokens/:id' },
  setSecret: { method: 'PUT', path: '/v1/secrets/:name' },
  deleteSecret: { method: 'DELETE', path: '/v1/secrets/:name' },
  listSecrets: { method: 'GET', path: '/v1/secrets' },
  testMailAccount: { method: 'POST', path: '/v1/mail/test' },
} as const satisfies Record<keyof Methods, HttpRoute | null>;

/**
 * Routes of the host that are not operations of the bridge: the inbox, the CLI's login link, and
 * the sign-in page's `{ token }` (the owner's token for a session cookie; needs no credentials).
 */
export const hostRoutes = {
  postNotification: { method: 'POST', path: '/v1/notifications' },
  loginLink: { method: 'POST', path: '/v1/session/link' },
  signIn: { method: 'POST', path: '/v1/session' },
  /** A source takes an item back because it resolved itself (PRODUCT.md §2): answers the item. */
  withdrawNotification: { method: 'POST', path: '/v1/notifications/:id/withdraw' },
} as const satisfies Record<string, HttpRoute>;

/** The methods that travel over HTTP (the others the browser does itself). */
export type RoutedMethod = { [M in keyof typeof httpRoutes]: (typeof httpRoutes)[M] extends null ? never : M }[keyof typeof httpRoutes];

/** Server-sent events: `event: <EventChannel>` with the payload as JSON `data`. */
export const eventsPath = '/v1/events';
