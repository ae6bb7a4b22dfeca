// What a source of notifications (a door) is to the rest of Lull: a folder whose index exports one
// SourceDefinition. Lull starts it with a context that hands it everything it may use — ingest
// and withdraw, the clock, its own slice of the settings, a named logger, the data dir, the
// environment, secrets, and routes on Lull's loopback port — and it answers with stop() and
// health(). A source never sees the engine, the API or another source.
import type { Clock, Health, SettingsSlice } from '../core/ports.ts';
import type { Settings } from '../core/settings.ts';
import type { WithdrawRef } from '../core/handling.ts';
import type { IncomingItem, IngestResult, Item } from '../core/types.ts';
import type { Logger } from '../log.ts';
import { z } from 'zod';

export type SourceHealth = Health;
export type { SettingsSlice };

/** Which held item a source takes back: by Lull's id, or by the source's own key (dedupeKey). */
export type { WithdrawRef };

/**
 * Who called a door: the owner (the token in api.json, or a dashboard session), or a notify-only
 * token (PRODUCT.md §4), whose name is the default source of what it posts.
 */
export type Caller = { scope: 'owner' } | { scope: 'notify'; tokenId: string; tokenName: string };

/** A request on one of a source's routes, already past the API's guard (Host, auth, size, rate). */
export interface DoorRequest {
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string | string[] | undefined>>;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed JSON on a `body: 'json'` route; the bytes as sent (empty when none) on a `body: 'any'` route. */
  body: unknown;
  caller: Caller;
}

export interface DoorReply {
  status: number;
  body: unknown;
}

export type DoorMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type DoorHandler = (request: DoorRequest) => Promise<DoorReply>;

export interface DoorRouteOptions {
  /**
   * 'json' (the default): only application/json, parsed (415 otherwise). 'any': any content type,
   * the body handed over as a Buffer — for clients that send text or forms (ntfy, Gotify).
   */
  body?: 'json' | 'any';
  /**
   * Whether a notify-only token may call it: true for a route that takes notifications in (every
   * form of PRODUCT.md §3.1 and §3.3). Such routes also take the token the way those tools send it
   * (Basic auth, `X-Gotify-Key`, `?token=`, ntfy's `?auth=`). Owner only when false (the default).
   */
  notify?: boolean;
  /** How GET /v1/openapi.json describes it: an OpenAPI operation object (operationId, summary, requestBody, responses …). */
  doc?: DoorRouteDoc;
}

/** An OpenAPI 3.1 operation object; `operationId` and `responses` at least. Build schemas with `openApiJson`. */
export type DoorRouteDoc = { operationId: string; summary?: string; responses: Record<string, unknown> } & Record<string, unknown>;

/** Routes on Lull's loopback port. Register them synchronously in start(): the server is built after. */
export interface HttpDoor {
  route(method: DoorMethod, path: string, handler: DoorHandler, options?: DoorRouteOptions): void;
}

export interface Secrets {
  /** The secret stored under `name` (`lull secret set NAME`), or null when there is none. */
  get(name: string): Promise<string | null>;
  /** Told the name whose secret was set or deleted (a source reconnects with a new password); returns its unsubscribe. */
  onChange(listener: (name: string) => void): () => void;
}

export interface SourceContext<S> {
  /** Hands an item to the engine; resolves once it is durably committed. */
  ingest(item: IncomingItem): Promise<IngestResult>;
  /** Takes back an item that resolved itself; null when there is no such item. */
  withdraw(ref: WithdrawRef): Promise<Item | null>;
  clock: Clock;
  settings: SettingsSlice<S>;
  log: Logger;
  /** Lull's data dir, for state a source must keep across a crash. */
  dataDir: string;
  /** The environment Lull was started with (a session bus address, a display …), never process.env directly. */
  env: Readonly<Record<string, string | undefined>>;
  secrets: Secrets;
  http: HttpDoor;
  /** Tells Lull the source's health now; the status shown to the user is redrawn (and logged) when it changed. */
  healthChanged(now: SourceHealth): void;
}

export interface RunningSource {
  health(): SourceHealth;
  /**
   * For a source with parts of its own (the mail door's accounts): one status line per part, named
   * `<source>:<part>`, shown instead of the one `health()` line whenever there is at least one.
   */
  each?(): Record<string, SourceHealth>;
  /** Stops taking items; resolves once what it accepted is committed. */
  stop(): Promise<void>;
}

export interface SourceDefinition<S = unknown> {
  /** Its name in the status (`GET /v1/status` sources) and in the log. */
  readonly name: string;
  /** Platforms it runs on; every platform when absent. */
  readonly platforms?: readonly NodeJS.Platform[];
  /** Its slice of the settings. */
  settings(all: Settings): S;
  start(ctx: SourceContext<S>): RunningSource | Promise<RunningSource>;
}

/** Lets a list of sources with different slices be one array. */
export const defineSource = <S>(definition: SourceDefinition<S>): SourceDefinition => definition as unknown as SourceDefinition;

/** A refusal in the API's error shape, for a source's own routes. */
export const refuse = (status: number, code: string, message: string): DoorReply => ({ status, body: { error: { code, message } } });

/** An OpenAPI media-type map for a zod schema (`io`: what a client sends, or what Lull answers). */
export const openApiJson = (schema: z.ZodType, io: 'input' | 'output') => ({ 'application/json': { schema: z.toJSONSchema(schema, { io, unrepresentable: 'any' }) } });

/** The API's error shape, as OpenAPI describes every refusal. */
export const refusals = {
  '4XX': { description: 'refused', content: openApiJson(z.object({ error: z.object({ code: z.string(), message: z.string(), fields: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) }), 'output') },
};
