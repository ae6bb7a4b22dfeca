import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepository } from '../../main/store/repository.ts';
import { openApi, type Api } from './apiHarness.ts';

// Strings that break naive code: lone surrogates, NUL, RTL overrides, combining marks, emoji
// sequences, very long lines, JSON-looking text.
const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('\u0000', '\ud800', 'a\udfffb', '\u202eevil', 'e\u0301\u0301\u0301', '👩🏽‍💻'.repeat(50), '{"a":1}', '__proto__', 'constructor', ''),
  fc.string({ minLength: 8000, maxLength: 9000 }),
);
const anyValue = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 20 }), fc.dictionary(nasty, nasty, { maxKeys: 3 }));
const field = (valid: fc.Arbitrary<unknown>) => fc.option(fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: anyValue }), { nil: undefined });

const notification = fc.record(
  {
    source: field(fc.string({ minLength: 1, maxLength: 64 })),
    title: field(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 })),
    body: field(nasty),
    sender: field(fc.string({ maxLength: 256 })),
    url: field(fc.webUrl()),
    priority: field(fc.constantFrom('low', 'normal', 'high', 'urgent')),
    tags: field(fc.array(fc.string({ minLength: 1, maxLength: 64 }), { maxLength: 16 })),
    dedupeKey: field(fc.string({ minLength: 1, maxLength: 128 })),
  },
  { requiredKeys: [] },
);

describe('POST /v1/notifications under fuzzing', () => {
  let api: Api;
  const accepted = new Map<string, Record<string, unknown>>();
  beforeAll(async () => {
    api = await openApi({ api: { port: 0, rateLimitPerMinute: 0 }, maxHoldMinutes: 1440 });
    await api.call('POST', '/v1/focus', { minutes: 720 });
  });
  afterAll(() => api.close());

  const post = async (payload: unknown) => {
    const r = await api.call('POST', '/v1/notifications', payload);
    expect(r.status, r.text).toBeLessThan(500);
    expect([200, 202, 400, 413]).toContain(r.status);
    if (r.status >= 400) expect(Object.keys(r.json.error).sort()).toEqual(expect.arrayContaining(['code', 'message']));
    if (r.status === 202) accepted.set(r.json.id, { ...(payload as Record<string, unknown>), disposition: r.json.disposition });
    return r;
  };

  it('random notifications: never a 5xx, each answer well-formed', async () => {
    await fc.assert(fc.asyncProperty(notification, async (n) => void (await post(n))), { numRuns: 400 });
    expect(accepted.size).toBeGreaterThan(50);
  });

  it('random JSON of any shape, and wrong types', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (v) => void (await post(v))), { numRuns: 200 });
  });

  it('random bytes as a JSON body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const r = await api.raw('POST', '/v1/notifications', { headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' }, body: Buffer.from(bytes) });
        expect(r.status).toBeLessThan(500);
        expect(r.json?.error?.code).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });

  const fields = ['source', 'title', 'body', 'sender', 'url', 'priority', 'tags'] as const;

  it('every accepted item is stored unchanged (read from the SQLite file)', () => {
    const repo = createRepository(join(api.dir, 'lull.db'));
    try {
      for (const [id, sent] of accepted) {
        const got = repo.getItem(id) as Record<string, unknown> | null;
        expect(got, id).not.toBeNull();
        for (const key of fields) if (sent[key] !== undefined) expect(got?.[key], key).toEqual(sent[key]);
      }
    } finally {
      repo.close();
    }
  });

  it('every accepted held item reads back unchanged through the API, and the server still answers', async () => {
    const items = new Map<string, Record<string, unknown>>();
    let cursor: string | null = null;
    do {
      const r = await api.call('GET', `/v1/held?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const item of r.json.items) items.set(item.id, item);
      cursor = r.json.nextCursor;
    } while (cursor);
    const held = [...accepted].filter(([, sent]) => sent.disposition === 'held');
    expect(held.length).toBeGreaterThan(20);
    for (const [id, sent] of held) {
      const got = items.get(id);
      expect(got, id).toBeDefined();
      for (const key of fields) if (sent[key] !== undefined) expect(got?.[key], key).toEqual(sent[key]);
    }
    expect((await api.call('GET', '/v1/status')).status).toBe(200);
  });
});

describe('POST /v1/tokens under fuzzing', () => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi({ api: { port: 0, rateLimitPerMinute: 0 } });
  });
  afterAll(() => api.close());

  it('random names and bodies: never a 5xx; every token made is listed with its name, works, and never shows its secret again', async () => {
    const made = new Map<string, { name: string; token: string }>();
    const body = fc.oneof(fc.record({ name: field(nasty), scope: field(fc.constantFrom('notify', 'owner', '')) }, { requiredKeys: [] }), fc.jsonValue({ maxDepth: 3 }));
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const r = await api.call('POST', '/v1/tokens', b);
        expect(r.status, r.text).toBeLessThan(500);
        expect([201, 400, 409]).toContain(r.status);
        if (r.status === 201) made.set(r.json.id, { name: r.json.name, token: r.json.token });
        else expect(Object.keys(r.json.error)).toEqual(expect.arrayContaining(['code', 'message']));
      }),
      { numRuns: 300 },
    );
    expect(made.size).toBeGreaterThan(20);
    const list = await api.call('GET', '/v1/tokens');
    expect(new Map(list.json.tokens.map((t: { id: string; name: string }) => [t.id, t.name]))).toEqual(new Map([...made].map(([id, t]) => [id, t.name])));
    for (const { token } of made.values()) expect(list.text).not.toContain(token);
    // Each one posts, as itself: its name is the source of what it sends.
    for (const { name, token } of [...made.values()].slice(0, 20)) {
      const r = await api.raw('POST', '/v1/notifications', { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: 't' }) });
      expect(r.status, r.text).toBe(202);
      expect(api.lull.engine.getItem(r.json.id).source).toBe(name);
    }
  });
});
