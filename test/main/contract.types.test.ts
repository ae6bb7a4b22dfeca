// The contract's TypeScript types and its zod schemas agree: the types are derived from the
// schemas, what the core presents fits them, and the name maps cover every channel. Checked by
// tsc (npm test's typecheck step); the runtime half parses what the core presents.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { presentBlock} from '../../main/core/present.ts';
import { presentBatch, presentItem } from '../../main/core/present.ts';
import { statusDto, type Operations } from '../../main/service/operations.ts';
import type {
  blockSchema,
  focusRequestSchema} from '../../preload/contract.ts';
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
