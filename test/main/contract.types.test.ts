// The contract's TypeScript types and its zod schemas agree: the types are derived from the
// schemas, what the core presents fits them, and the name maps cover every channel. Checked by
// tsc (npm test's typecheck step); the runtime half parses what the core presents.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { settingsPatchSchema, Settings } from '../../main/core/settings.ts';
import type { BlockEnd, BlockKind, BreakthroughRule, Disposition, ItemStatus, Priority } from '../../main/core/types.ts';
import { BREAKTHROUGH_RULES, LIMITS } from '../../main/core/vocabulary.ts';
import type { MailFailure } from '../../main/sources/mail/connect.ts';
import { contractEvents } from '../../main/service/events.ts';
import type { presentBlock} from '../../main/core/present.ts';
import { presentBatch, presentItem } from '../../main/core/present.ts';
import { statusDto, type Operations } from '../../main/service/operations.ts';
import type {
  blockSchema,
  focusRequestSchema} from '../../preload/contract.ts';
import { dayStatsSchema, focusRequestSchema as focusRequest, settingsPatchRequest } from '../../preload/contract.ts';
import {
  batchSchema,
  eventContract,
  invokeContract,
  itemSchema,
  methods,
  statusSchema,
  subscriptions,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResult,
  type LullApi,
  type SettingsView,
  type SettingsViewPatch,
} from '../../preload/contract.ts';

describe('contract types and schemas', () => {
  it('derive each other at the type level', () => {
    expectTypeOf<(typeof methods)[keyof typeof methods]>().toEqualTypeOf<InvokeChannel>();
    expectTypeOf<(typeof subscriptions)[keyof typeof subscriptions]>().toEqualTypeOf<EventChannel>();
    expectTypeOf<InvokeRequest<'focus:start'>>().toEqualTypeOf<z.input<typeof focusRequestSchema>>();
    expectTypeOf<InvokeResult<'status:get'>>().toEqualTypeOf<z.output<typeof statusSchema>>();
    expectTypeOf<EventPayload<'batch:released'>>().toEqualTypeOf<z.output<typeof batchSchema>>();
    expectTypeOf<Parameters<LullApi['startFocus']>>().toEqualTypeOf<[request: z.input<typeof focusRequestSchema>]>();
    expectTypeOf<Parameters<LullApi['getStatus']>>().toEqualTypeOf<[]>();
    expectTypeOf<ReturnType<LullApi['snooze']>>().toEqualTypeOf<Promise<z.output<typeof itemSchema>>>();
    expectTypeOf<Parameters<Parameters<LullApi['onBlockEnded']>[0]>[0]>().toEqualTypeOf<z.output<typeof blockSchema>>();
    expectTypeOf<ReturnType<LullApi['onStateChanged']>>().toEqualTypeOf<() => void>();
    // What the core presents is exactly what the schemas describe.
    expectTypeOf<ReturnType<typeof statusDto>>().toEqualTypeOf<z.output<typeof statusSchema>>();
    expectTypeOf<ReturnType<typeof presentItem>>().toExtend<z.output<typeof itemSchema>>();
    expectTypeOf<ReturnType<typeof presentBlock>>().toEqualTypeOf<z.output<typeof blockSchema>>();
    expectTypeOf<ReturnType<typeof presentBatch>>().toEqualTypeOf<z.output<typeof batchSchema>>();
    // Operations take the parsed request and return what the result schema describes.
    expectTypeOf<Parameters<Operations['queue:done']>[0]>().toEqualTypeOf<InvokeRequest<'queue:done'>>();
    expectTypeOf<Awaited<ReturnType<Operations['focus:stop']>>>().toEqualTypeOf<InvokeResult<'focus:stop'>>();
    // Settings travel typed: core's schema out (a mail account may say its password is stored),
    // core's patch schema in (what was shown may be sent back as it is).
    expectTypeOf<InvokeResult<'settings:get'>>().toEqualTypeOf<SettingsView>();
    expectTypeOf<SettingsView>().toExtend<Settings>();
    expectTypeOf<SettingsView['sources']['mail'][number]['password']>().toEqualTypeOf<'stored' | undefined>();
    expectTypeOf<InvokeResult<'settings:patch'>>().toEqualTypeOf<SettingsView>();
    expectTypeOf<EventPayload<'settings:changed'>>().toEqualTypeOf<SettingsView>();
    expectTypeOf<InvokeRequest<'settings:patch'>>().toEqualTypeOf<SettingsViewPatch>();
    expectTypeOf<z.input<typeof settingsPatchSchema>>().toExtend<SettingsViewPatch>();
    // Events that carry what changed: the presented item.
    expectTypeOf<EventPayload<'queue:item-added'>>().toEqualTypeOf<z.output<typeof itemSchema>>();
    expectTypeOf<EventPayload<'queue:item-changed'>>().toEqualTypeOf<z.output<typeof itemSchema>>();
    // Every enum is the vocabulary's.
    type ItemDto = z.output<typeof itemSchema>;
    expectTypeOf<ItemDto['status']>().toEqualTypeOf<ItemStatus>();
    expectTypeOf<ItemDto['disposition']>().toEqualTypeOf<Disposition>();
    expectTypeOf<ItemDto['rule']>().toEqualTypeOf<BreakthroughRule | null>();
    expectTypeOf<NonNullable<ItemDto['priority']>>().toEqualTypeOf<Priority>();
    expectTypeOf<z.output<typeof blockSchema>['kind']>().toEqualTypeOf<BlockKind>();
    expectTypeOf<z.output<typeof blockSchema>['endReason']>().toEqualTypeOf<BlockEnd | null>();
    expectTypeOf<keyof z.output<typeof dayStatsSchema>['breakthroughsByRule']>().toEqualTypeOf<BreakthroughRule>();
    // The mail test's failure kinds are connect.ts's, listed once in core for the contract.
    expectTypeOf<Extract<InvokeResult<'mail:test'>, { ok: false }>['kind']>().toEqualTypeOf<MailFailure>();
  });

  it('take their limits from the vocabulary, and check a settings patch without filling in defaults', () => {
    const { min, max } = LIMITS.focusMinutes;
    expect([min - 1, min, max, max + 1].map((minutes) => focusRequest.safeParse({ minutes }).success)).toEqual([false, true, true, false]);
    const counts = Object.fromEntries(BREAKTHROUGH_RULES.map((r) => [r, 0]));
    expect(dayStatsSchema.shape.breakthroughsByRule.safeParse(counts).success).toBe(true);
    expect(dayStatsSchema.shape.breakthroughsByRule.safeParse({ ...counts, urgent: undefined }).success).toBe(false);
    // The patch is what the user changed, nothing more: the core merges it.
    expect(settingsPatchRequest.parse({ breakthrough: { urgent: false } })).toEqual({ breakthrough: { urgent: false } });
    const refused = settingsPatchRequest.safeParse({ batchTimes: ['25:00'], nonsense: 1 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join() : i.path.join('.'))).sort()).toEqual(['batchTimes.0', 'nonsense']);
  });

  it('map the engine\'s item events to queue:item-added and queue:item-changed with the presented item', () => {
    const tz = 'Europe/Stockholm';
    const item = { id: 'i', source: 's', title: 't', receivedAt: 0, disposition: 'held' as const, rule: null, status: 'held' as const, blockId: 'b', batchId: null, releasedAt: null, snoozedUntil: null, handledAt: null };
    expect(contractEvents({ type: 'item-added', item, incoming: item }, tz)).toEqual({ 'queue:item-added': presentItem(item, tz) });
    const resolved = { ...item, status: 'resolved' as const, handledAt: 1 };
    expect(contractEvents({ type: 'item-changed', item: resolved }, tz)).toEqual({ 'queue:item-changed': presentItem(resolved, tz) });
    expect(itemSchema.parse(contractEvents({ type: 'item-changed', item: resolved }, tz)['queue:item-changed']).status).toBe('resolved');
  });

  it('cover every channel at run time, and what the core presents parses', () => {
    expect(new Set(Object.values(methods))).toEqual(new Set(Object.keys(invokeContract)));
    expect(new Set(Object.values(subscriptions))).toEqual(new Set(Object.keys(eventContract)));
    for (const channel of [...Object.keys(invokeContract), ...Object.keys(eventContract)]) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
    const tz = 'Europe/Stockholm';
    const block = { id: 'b', kind: 'adhoc' as const, startedAt: 0, endsAt: 60_000, endedAt: null, endReason: null };
    expect(statusSchema.parse(statusDto({ state: 'focus', block, held: 2, nextBatchAt: 120_000 }, tz, { 'desktop-bus': { state: 'degraded', detail: 'x' } })).block?.endsAt).toBe('1970-01-01T01:01:00.000+01:00');
    const item = { id: 'i', source: 's', title: 't', receivedAt: 0, disposition: 'held' as const, rule: null, status: 'held' as const, blockId: 'b', batchId: null, releasedAt: null, snoozedUntil: null, handledAt: null };
    expect(itemSchema.safeParse(presentItem(item, tz)).success).toBe(true);
    expect(batchSchema.safeParse(presentBatch({ id: 'x', at: 0, reason: 'manual', count: 1 }, tz)).success).toBe(true);
  });
});

describe('imports between preload/, main/ and renderer/', () => {
  it('have no cycle (type-only imports included)', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = ['preload', 'main', 'renderer'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => join(root, dir, f)),
    );
    const known = new Set(files);
    const imports = new Map(
      files.map((f) => [f, [...readFileSync(f, 'utf8').matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"](\.[^'"]+)['"]/gm)].map((m) => resolve(dirname(f), m[1]!)).filter((d) => known.has(d))]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      path.push(file);
      for (const next of imports.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].map((f) => relative(root, f)).join(' -> '));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(files.length).toBeGreaterThan(100);
    expect(cycles).toEqual([]);
  });
});
