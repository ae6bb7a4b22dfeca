// The one contract between main and the windows: every operation (invoke) and every event,
// named `domain:verb`, with zod schemas for payloads and results. Types are derived from the
// schemas, never written twice. No electron import: main, preload, renderer and the HTTP
// transport all use it (the renderer with `import type` or for its schemas).
import { z } from 'zod';

export const isoTime = z.string();

export const itemSchema = z.object({
  id: z.string(),
  source: z.string(),
  title: z.string(),
  body: z.string().optional(),
  sender: z.string().optional(),
  url: z.string().optional(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
  tags: z.array(z.string()).optional(),
  app: z.string().optional(),
  category: z.string().optional(),
  receivedAt: isoTime,
  disposition: z.enum(['held', 'delivered', 'breakthrough']),
  rule: z.enum(['urgent', 'vip', 'keyword', 'app', 'repeat']).nullable(),
  status: z.enum(['held', 'released', 'delivered', 'done', 'dismissed', 'resolved']),
  batchId: z.string().nullable(),
  releasedAt: isoTime.nullable(),
  snoozedUntil: isoTime.nullable(),
});

export const blockSchema = z.object({
  id: z.string(),
  kind: z.enum(['adhoc', 'scheduled']),
  startedAt: isoTime,
  endsAt: isoTime,
  endedAt: isoTime.nullable(),
  endReason: z.enum(['completed', 'ended-early', 'skipped']).nullable(),
});

/** A source that is not simply running says so, in one line without notification text. */
export const sourceHealthSchema = z.object({
  name: z.string(),
  state: z.enum(['running', 'stopped', 'unavailable', 'degraded']),
  detail: z.string().optional(),
});

export type SourceHealthDto = z.output<typeof sourceHealthSchema>;

/** A source that cannot do its work (turned off is the user's choice, not a trouble). */
export const isTroubled = (source: SourceHealthDto): boolean => source.state === 'unavailable' || source.state === 'degraded';

export const statusSchema = z.object({
  state: z.enum(['idle', 'focus']),
  block: blockSchema.nullable(),
  held: z.number().int(),
  nextBatchAt: isoTime.nullable(),
  sources: z.array(sourceHealthSchema),
});

export const batchSchema = z.object({ id: z.string(), at: isoTime, reason: z.enum(['schedule', 'catch-up', 'block-end', 'max-hold', 'manual']), count: z.number().int() });

const ruleCounts = z.object({ urgent: z.number(), vip: z.number(), keyword: z.number(), app: z.number(), repeat: z.number() });

export const dayStatsSchema = z.object({
  held: z.number(),
  delivered: z.number(),
  breakthrough: z.number(),
  moments: z.number(),
  refocusMinutesSaved: z.number(),
  breakthroughsByRule: ruleCounts,
});

const weekSummary = z.object({
  plannedHours: z.number(),
  keptHours: z.number(),
  blocksCompleted: z.number(),
  blocksEndedEarly: z.number(),
  arrivals: z.number(),
  held: z.number(),
  delivered: z.number(),
  breakthrough: z.number(),
  moments: z.number(),
  refocusMinutesSaved: z.number(),
  medianHoldMinutes: z.number().nullable(),
  longestHoldMinutes: z.number().nullable(),
});

export const weeklyReportSchema = weekSummary.extend({
  week: z.string(),
  from: isoTime,
  to: isoTime,
  timeZone: z.string(),
  days: z.array(z.object({ date: z.string(), plannedHours: z.number(), keptHours: z.number(), held: z.number(), delivered: z.number(), breakthrough: z.number() })),
  breakthroughsByRule: ruleCounts,
  topSources: z.array(z.object({ name: z.string(), count: z.number() })),
  topSenders: z.array(z.object({ name: z.string(), count: z.number() })),
  heatmap: z.array(z.array(z.number())),
  refocusEstimate: z.object({ minutesPerMoment: z.number(), momentGapMinutes: z.number() }),
  previous: weekSummary.extend({ week: z.string() }),
  change: z.record(z.string(), z.number().nullable()),
});

export const weekScheduleSchema = z.object({
  week: z.string(),
  dates: z.array(z.string()),
  from: isoTime,
  to: isoTime,
  planned: z.array(z.object({ start: isoTime, end: isoTime })),
  batches: z.array(isoTime),
  blocks: z.array(blockSchema),
});

export const focusRequestSchema = z.union([
  z.object({ minutes: z.number().int().min(1).max(720) }).strict(),
  z.object({ until: z.literal('next-batch') }).strict(),
]);

export const idSchema = z.object({ id: z.string().min(1).max(128) }).strict();
export const weekQuerySchema = z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/).optional() }).strict();
export const listQuerySchema = z
  .object({
    /** `held`: the queue; `review`: released and waiting for review. */
    view: z.enum(['held', 'review']).default('held'),
    limit: z.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(512).optional(),
  })
  .strict();
const none = z.undefined();

/** Settings travel as plain JSON; main validates them with the settings schema. */
export const settingsValue = z.record(z.string(), z.unknown());

/**
 * Every operation: request schema and result schema. The HTTP API covers the same list
 * (PRODUCT.md §4), so the dashboard served by the headless host works over either transport.
 */
export const invokeContract = {
  'status:get': { request: none, result: statusSchema },
  'focus:start': { request: focusRequestSchema, result: z.object({ block: blockSchema }) },
  'focus:stop': { request: none, result: z.object({ released: z.number().int() }) },
  'focus:skip-today': { request: none, result: statusSchema },
  'queue:list': { request: listQuerySchema, result: z.object({ items: z.array(itemSchema), nextCursor: z.string().nullable() }) },
  'queue:release': { request: none, result: z.object({ batchId: z.string().nullable(), released: z.number().int() }) },
  'queue:done': { request: idSchema, result: itemSchema },
  'queue:dismiss': { request: idSchema, result: itemSchema },
  'queue:snooze': { request: idSchema, result: itemSchema },
  'queue:open': { request: idSchema, result: z.object({ opened: z.boolean() }) },
  'stats:today': { request: none, result: dayStatsSchema },
  'schedule:week': { request: weekQuerySchema, result: weekScheduleSchema },
  'report:weekly': { request: weekQuerySchema, result: weeklyReportSchema },
  'report:pdf': { request: weekQuerySchema, result: z.object({ path: z.string().nullable() }) },
  'settings:get': { request: none, result: settingsValue },
  'settings:patch': { request: settingsValue, result: settingsValue },
} as const;

export type InvokeChannel = keyof typeof invokeContract;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>;
export type InvokeResult<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['result']>;

export const eventContract = {
  'state:changed': statusSchema,
  'queue:changed': z.object({ held: z.number().int() }),
  'batch:released': batchSchema,
  'block:ended': blockSchema,
  'settings:changed': settingsValue,
  'settings:reset': z.object({ movedTo: z.string().nullable() }),
} as const;

export type EventChannel = keyof typeof eventContract;
export type EventPayload<C extends EventChannel> = z.output<(typeof eventContract)[C]>;

/** Errors cross IPC as values (Electron mangles thrown ones); the HTTP API uses the same shape. */
export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type ApiErrorBody = z.output<typeof errorSchema>;
export type InvokeResponse<C extends InvokeChannel> = { ok: true; value: InvokeResult<C> } | { ok: false; error: ApiErrorBody };

export type Item = z.output<typeof itemSchema>;
export type Block = z.output<typeof blockSchema>;
export type StatusDto = z.output<typeof statusSchema>;
export type WeeklyReportDto = z.output<typeof weeklyReportSchema>;
export type WeekScheduleDto = z.output<typeof weekScheduleSchema>;
export type DayStatsDto = z.output<typeof dayStatsSchema>;

// The zod-free name maps live in channels.ts so the sandboxed preload bundle stays small.
import { methods, subscriptions } from './channels.ts';
export { methods, subscriptions };

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
};

/**
 * How each method travels over the headless host's HTTP API (PRODUCT.md §4 plus the routes
 * the dashboard needs). `null`: the browser does it itself (opens the URL, prints the page).
 * GET requests carry their request as query parameters, others as a JSON body.
 */
export const httpRoutes = {
  getStatus: { method: 'GET', path: '/v1/status' },
  startFocus: { method: 'POST', path: '/v1/focus' },
  stopFocus: { method: 'DELETE', path: '/v1/focus' },
  skipToday: { method: 'POST', path: '/v1/focus/skip-today' },
  listQueue: { method: 'GET', path: '/v1/held' },
  releaseNow: { method: 'POST', path: '/v1/release' },
  markDone: { method: 'POST', path: '/v1/held/:id/done' },
  dismiss: { method: 'POST', path: '/v1/held/:id/dismiss' },
  snooze: { method: 'POST', path: '/v1/held/:id/snooze' },
  openItem: null,
  todayStats: { method: 'GET', path: '/v1/stats/today' },
  weekSchedule: { method: 'GET', path: '/v1/schedule' },
  weeklyReport: { method: 'GET', path: '/v1/report/weekly' },
  exportPdf: null,
  getSettings: { method: 'GET', path: '/v1/settings' },
  patchSettings: { method: 'PATCH', path: '/v1/settings' },
} as const satisfies Record<keyof typeof methods, { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: string } | null>;

/** Server-sent events: `event: <EventChannel>` with the payload as JSON `data`. */
export const eventsPath = '/v1/events';
