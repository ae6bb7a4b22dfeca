// Every operation of the contract, once: the IPC handlers (Electron) and the HTTP routes
// (host) both call these, so the two transports cannot drift apart.
import { systemClock } from '../core/clock.ts';
import { scheduleConsent, scheduleFromFor } from '../core/consent.ts';
import type { FocusEngine } from '../core/engine.ts';
import type { Clock, ItemQuery } from '../core/ports.ts';
import { presentBlock, presentItem, presentReport, presentStatus, isoTime } from '../core/present.ts';
import type { Settings } from '../core/settings.ts';
import { LullError, type Status } from '../core/types.ts';
import type { SourceHealth } from '../sources/source.ts';
import type { SecretStore } from '../store/secrets.ts';
import type { NotifyToken, TokenStore } from '../store/tokens.ts';
import type { InvokeChannel, InvokeRequest, InvokeResult, ListView, ScheduleConsentDto, StatusDto, TokenDto } from '../../preload/contract.ts';
import { invokeContract } from '../../preload/contract.ts';
import { settingsView } from './settingsView.ts';
import { testMailAccount } from './mailTest.ts';

export interface SettingsPort {
  get(): Settings;
  patch(patch: unknown): { ok: true; settings: Settings } | { ok: false; issues: { field: string; message: string }[] };
}

export interface OperationDeps {
  engine: FocusEngine;
  settings: SettingsPort;
  /** Opens an item's URL (or its app) for the user; the shell and the host differ here. */
  openItem?: (url: string | undefined) => Promise<boolean>;
  /** Writes the weekly report as PDF and returns its path; only the Electron shell can. */
  exportPdf?: (week: string | undefined) => Promise<string | null>;
  /** The engine's clock ("start now", what "recent" in a list means); the system's when not given. */
  clock?: Clock;
  /** Health of the running sources, by name. */
  sourceHealth?: () => Record<string, SourceHealth>;
  /** The notify-only tokens (PRODUCT.md §4). */
  tokens: TokenStore;
  /** Mail and calendar passwords (PRODUCT.md §6): set and deleted here, never read back. */
  secrets: SecretStore;
  /** The environment a passwordCommand runs in (the mail test's). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The status as every transport shows it: the engine's state and the health of each source. */
export function statusDto(status: Status, timeZone: string, health: Record<string, SourceHealth> = {}): StatusDto {
  return { ...presentStatus(status, timeZone), sources: Object.entries(health).map(([name, h]) => ({ name, state: h.state, ...(h.detail !== undefined && { detail: h.detail }) })) };
}

type Handler<C extends InvokeChannel> = (request: InvokeRequest<C>) => InvokeResult<C> | Promise<InvokeResult<C>>;
export type Operations = { [C in InvokeChannel]: Handler<C> };

const DAY_MS = 86_400_000;

/**
 * What each view of `queue:list` asks the store. Breakthroughs wait for a verdict for 7 days: the
 * verdicts feed the weekly report, and an older unanswered one tells little about a rule (and a
 * long backlog would nag). What resolved itself is listed for a day: the review follows the block
 * it happened in, and a day covers every block of it.
 */
const VIEW_QUERY: Record<ListView, (now: number) => Pick<ItemQuery, 'status' | 'unjudged' | 'since'>> = {
  held: () => ({ status: ['held'] }),
  review: () => ({ status: ['released'] }),
  unjudged: (now) => ({ unjudged: true, since: now - 7 * DAY_MS }),
  resolved: (now) => ({ status: ['resolved'], since: now - DAY_MS }),
};

export function createOperations(deps: OperationDeps): Operations {
  const { engine } = deps;
  const clock = deps.clock ?? systemClock;
  const tz = (): string => engine.getSettings().timeZone;
  const token = (t: NotifyToken): TokenDto => ({ id: t.id, name: t.name, scope: t.scope, createdAt: isoTime(t.createdAt, tz()), lastUsedAt: t.lastUsedAt === null ? null : isoTime(t.lastUsedAt, tz()) });
  const status = (): StatusDto => statusDto(engine.status(), tz(), deps.sourceHealth?.());
  const now = (): number => clock.now();
  const view = (settings: Settings) => settingsView(settings, (name) => deps.secrets.has(name));
  const consent = (): ScheduleConsentDto => {
    const c = scheduleConsent(engine.getSettings(), now());
    const occ = (o: { start: number; end: number } | null) => (o ? { start: isoTime(o.start, tz()), end: isoTime(o.end, tz()) } : null);
    return { from: c.from === null ? null : isoTime(c.from, tz()), current: occ(c.current), next: occ(c.next) };
  };
  return {
    'status:get': status,
    'focus:start': (req) => ({ block: presentBlock(engine.startFocus(req), tz()) }),
    'focus:stop': () => engine.endFocus(),
    'focus:skip-today': () => {
      engine.skipToday();
      return status();
    },
    'queue:list': (req) => {
      const q = invokeContract['queue:list'].request.parse(req);
      const page = engine.listItems({ ...VIEW_QUERY[q.view](clock.now()), limit: q.limit, cursor: q.cursor });
      return { items: page.items.map((i) => presentItem(i, tz())), nextCursor: page.nextCursor };
    },
    'queue:release': () => {
      const batch = engine.releaseNow();
      return { batchId: batch?.id ?? null, released: batch?.count ?? 0 };
    },
    'queue:done': ({ id }) => presentItem(engine.done(id), tz()),
    'queue:dismiss': ({ id }) => presentItem(engine.dismiss(id), tz()),
    'queue:snooze': ({ id }) => presentItem(engine.snooze(id), tz()),
    'queue:verdict': ({ id, urgent }) => presentItem(engine.judge(id, urgent ? 'urgent' : 'not-urgent'), tz()),
    'queue:open': async ({ id }) => {
      const item = engine.getItem(id);
      return { opened: deps.openItem ? await deps.openItem(item.url) : false };
    },
    'stats:today': () => engine.todayStats(),
    'schedule:week': ({ week }) => {
      const w = engine.weekSchedule(week);
      const t = (x: number): string => isoTime(x, tz());
      return {
        week: w.week,
        dates: w.dates,
        from: t(w.from),
        to: t(w.to),
        planned: w.planned.map((o) => ({ start: t(o.start), end: t(o.end) })),
        batches: w.batches.map(t),
        blocks: w.blocks.map((b) => presentBlock(b, tz())),
      };
    },
    'schedule:consent': consent,
    // The settings store tells the engine at once, so a block running now starts before this answers.
    'schedule:begin': ({ from }) => {
      const result = deps.settings.patch({ scheduleFrom: scheduleFromFor(from, engine.getSettings(), now()) });
      if (!result.ok) throw new InvalidSettings(result.issues);
      return consent();
    },
    'report:weekly': ({ week }) => presentReport(engine.weeklyReport(week)),
    'report:pdf': async ({ week }) => {
      if (!deps.exportPdf) throw new LullError('invalid', 'PDF export needs the desktop app; print the report page instead');
      return { path: await deps.exportPdf(week) };
    },
    'settings:get': () => view(deps.settings.get()),
    'settings:patch': (patch) => {
      const result = deps.settings.patch(patch);
      if (!result.ok) throw new InvalidSettings(result.issues);
      return view(result.settings);
    },
    'tokens:create': ({ name, scope }) => {
      const made = deps.tokens.create(name, scope ?? 'notify');
      return { ...token(made.token), token: made.secret };
    },
    'tokens:list': () => ({ tokens: deps.tokens.list().map(token) }),
    'tokens:revoke': ({ id }) => {
      const revoked = deps.tokens.revoke(id);
      if (!revoked) throw new LullError('not-found', 'no token with this id');
      return { revoked: token(revoked) };
    },
    // The secret goes in and never comes back: the answers and errors carry its name only.
    'secrets:set': async ({ name, secret }) => {
      await deps.secrets.set(name, secret);
      return { name, stored: true };
    },
    'secrets:delete': async ({ name }) => {
      if (!(await deps.secrets.delete(name))) throw new LullError('not-found', `no secret is stored under ${name}`);
      return { name, deleted: true };
    },
    'secrets:list': () => ({ names: deps.secrets.names().sort() }),
    'mail:test': (req) => {
      const { account, password } = invokeContract['mail:test'].request.parse(req);
      return testMailAccount(account, password, { secrets: deps.secrets, env: deps.env ?? {} });
    },
  };
}

/** A refused settings patch, naming each invalid field. */
export class InvalidSettings extends LullError {
  readonly fields: { field: string; message: string }[];
  constructor(fields: { field: string; message: string }[]) {
    super('invalid', `invalid settings: ${fields.map((f) => f.field).join(', ')}`);
    this.fields = fields;
  }
}
