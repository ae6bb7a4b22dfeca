// The tool doors under fuzzing: random headers, query and bodies for ntfy's three forms, Gotify's
// JSON and forms and Apprise's json://. Never a 5xx, every refusal in the API's error shape, and
// every acknowledged item reads back as it was answered (what the tool was told = what is stored).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotifyPriority } from '../../main/sources/compat/gotify.ts';
import { compat } from '../../main/sources/compat/index.ts';
import { webhooks } from '../../main/sources/webhooks/index.ts';
import { inbox } from '../../main/sources/inbox/index.ts';
import { openApi, type Api, type RawResponse } from './apiHarness.ts';

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', ' ', '\n\nx\n', '\u0000', '\ud800', '\u202eevil', '👩🏽‍💻'.repeat(30), 'javascript:alert(1)', 'https://example.com/a', '=?UTF-8?B?8J+HqfCfh6o=?=', 'u=1, i'),
  fc.string({ minLength: 8000, maxLength: 9000 }),
);
/** What Node's HTTP client may put in a header: UTF-8 bytes read as latin1, without control characters. */
const headerValue = text.map((s) => Buffer.from(s.toWellFormed(), 'utf8').toString('latin1').replace(/[^\t\x20-\x7e\x80-\xff]/g, '').slice(0, 1500));
const priority = fc.oneof(fc.constantFrom('1', '2', '3', '4', '5', 'min', 'low', 'default', 'high', 'max', 'urgent', 'HIGH', '0', '6', 'x'), fc.string({ maxLength: 5 }));
const topic = fc.oneof({ weight: 8, arbitrary: fc.stringMatching(/^[-_A-Za-z0-9]{1,64}$/) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 70 }) });
const ALIASES = ['x-title', 'title', 'ti', 't', 'x-message', 'message', 'm', 'x-priority', 'priority', 'prio', 'p', 'x-tags', 'tags', 'tag', 'ta', 'x-click', 'click'];
const fields = fc.dictionary(fc.constantFrom(...ALIASES), fc.oneof(headerValue, priority), { maxKeys: 6 });
// Node's HTTP server takes at most 16 KiB of request line and headers (431 beyond): the fuzz stays under it.
const query = (q: Record<string, string>) => Object.entries(q).map(([k, v]) => `${k}=${encodeURIComponent(v.toWellFormed()).slice(0, 900).replace(/%[0-9A-F]?$/, '')}`).join('&');

const NTFY_PRIORITY: Record<number, string> = { 1: 'low', 2: 'low', 3: 'normal', 4: 'high', 5: 'urgent' };

describe('the tool doors under fuzzing', () => {
  let api: Api;
  let auth: Record<string, string>;
  const checks: (() => void)[] = [];
  beforeAll(async () => {
    api = await openApi({ api: { port: 0, rateLimitPerMinute: 0 }, maxHoldMinutes: 1440 }, { doors: [inbox, compat, webhooks] });
    auth = { authorization: `Bearer ${(await api.lull.operations['tokens:create']({ name: 'fuzz', scope: 'notify' })).token}` };
    await api.call('POST', '/v1/focus', { minutes: 720 });
  }, 30_000);
  afterAll(() => api?.close());

  const wellFormed = (r: RawResponse) => {
    expect(r.status, r.text).toBeLessThan(500);
    if (r.status !== 200) expect(Object.keys(r.json.error)).toEqual(expect.arrayContaining(['code', 'message']));
  };

  /** An ntfy answer against the stored item: the item is what the tool was told. */
  const ntfyAcknowledged = (r: RawResponse) => {
    if (r.status !== 200) return;
    const a = r.json;
    checks.push(() => {
      const item = api.lull.engine.getItem(a.id);
      expect(item.source).toBe(a.topic);
      if (a.title !== undefined) expect([item.title, item.body]).toEqual([a.title, a.message]);
      else expect(item.body ?? item.title).toBe(a.message);
      expect(item.tags).toEqual(a.tags);
      expect(item.url).toEqual(a.click);
      expect(item.priority).toEqual(a.priority === undefined ? undefined : NTFY_PRIORITY[a.priority]);
    });
  };

  it('ntfy PUT|POST /<topic> and GET /<topic>/publish: random headers, query and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('PUT', 'POST', 'GET'), topic, fields, fields, fc.oneof(text, fc.uint8Array({ maxLength: 3000 })), async (method, t, headers, q, body) => {
        const path = `/${encodeURIComponent(t)}${method === 'GET' ? '/publish' : ''}?${query(q)}`;
        const r = await api.raw(method, path, { headers: { ...auth, ...headers }, body: method === 'GET' ? undefined : typeof body === 'string' ? body : Buffer.from(body) });
        wellFormed(r);
        ntfyAcknowledged(r);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('ntfy JSON at the root, and Apprise’s json:// body', async () => {
    const ntfyJson = fc.record({ topic, message: fc.option(text), title: fc.option(text), priority: fc.option(fc.oneof(fc.integer({ min: -1, max: 6 }), priority)), tags: fc.option(fc.oneof(fc.array(text, { maxLength: 20 }), text)), click: fc.option(fc.oneof(fc.webUrl(), text)) }, { requiredKeys: ['topic'] });
    const appriseJson = fc.record({ version: fc.constant('1.0'), title: fc.oneof(text, fc.integer()), message: text, attachments: fc.constant([]), type: fc.oneof(fc.constantFrom('info', 'success', 'warning', 'failure'), text) }, { requiredKeys: ['version'] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(ntfyJson, appriseJson, fc.jsonValue({ maxDepth: 3 })), fields, async (json, headers) => {
        const r = await api.raw('POST', '/', { headers: { ...auth, ...headers, 'content-type': 'application/json' }, body: JSON.stringify(json) });
        wellFormed(r);
        if (r.status === 200 && 'type' in r.json) {
          const a = r.json;
          checks.push(() => {
            const item = api.lull.engine.getItem(a.id);
            expect([item.source, item.title, item.body]).toEqual(['fuzz', a.title, a.body]);
            expect(item.priority).toBe(a.type === 'failure' ? 'high' : 'normal');
          });
        } else ntfyAcknowledged(r);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('Gotify POST /message: JSON, urlencoded and multipart', async () => {
    const gotify = fc.record({ title: fc.option(text), message: fc.option(text), priority: fc.option(fc.oneof(fc.integer({ min: -5, max: 15 }), priority, fc.double())) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(gotify, fc.constantFrom('json', 'form', 'multipart'), async (g, kind) => {
        let body: string | Buffer;
        let type: string;
        if (kind === 'json') [body, type] = [JSON.stringify(g), 'application/json'];
        else {
          const entries = Object.entries(g).filter(([, v]) => v !== null).map(([k, v]) => [k, String(v).toWellFormed()] as [string, string]);
          const encoded = kind === 'form' ? new URLSearchParams(entries) : Object.assign(new FormData(), {});
          if (encoded instanceof FormData) for (const [k, v] of entries) encoded.append(k, v);
          const request = new Request('http://x/', { method: 'POST', body: encoded });
          [body, type] = [Buffer.from(await request.arrayBuffer()), request.headers.get('content-type') ?? ''];
        }
        const r = await api.raw('POST', '/message', { headers: { ...auth, 'content-type': type }, body });
        wellFormed(r);
        if (r.status !== 200) return;
        const a = r.json;
        checks.push(() => {
          const item = api.lull.engine.getItem(a.extras['lull::item'].id);
          expect([item.source, item.title, item.body ?? item.title]).toEqual(['fuzz', a.title, a.message]);
          expect(item.priority ?? 'normal').toBe(gotifyPriority(a.priority));
        });
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('Alertmanager / Grafana webhooks: random alerts, statuses, labels and bodies', async () => {
    const labels = fc.dictionary(fc.constantFrom('alertname', 'severity', 'instance', 'job', 'team', 'pod'), fc.oneof(text, fc.constantFrom('critical', 'warning', 'info', 'CRITICAL')), { maxKeys: 5 });
    const alert = fc.record(
      {
        status: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('firing', 'resolved') }, { weight: 1, arbitrary: fc.constantFrom('pending', '') }),
        labels: fc.oneof(labels, fc.constant(null)),
        annotations: fc.oneof(fc.dictionary(fc.constantFrom('summary', 'description', 'runbook_url'), text, { maxKeys: 3 }), fc.constant(null)),
        startsAt: fc.oneof({ weight: 20, arbitrary: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()) }, { weight: 1, arbitrary: text }),
        fingerprint: fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), text),
        generatorURL: fc.oneof(fc.webUrl(), text),
      },
      { requiredKeys: ['status', 'labels'] },
    );
    const hook = fc.record({ version: fc.constant('4'), receiver: fc.option(text), groupKey: fc.option(text), status: fc.constantFrom('firing', 'resolved'), alerts: fc.array(alert, { maxLength: 5 }), truncatedAlerts: fc.option(fc.integer({ min: -1, max: 3 })) }, { requiredKeys: ['alerts'] });
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: hook }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }), async (body) => {
        const r = await api.raw('POST', '/v1/hooks/alertmanager', { headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        wellFormed(r);
        if (r.status !== 200) return;
        const sent = body as { receiver?: string | null; alerts: { status: string; labels: Record<string, string> | null; annotations?: Record<string, string> | null }[] };
        for (const [i, answer] of (r.json.alerts as { status: string; id: string | null; duplicate?: boolean }[]).entries()) {
          // A repeat (same receiver, fingerprint and start) answers with the first item, which stays as it was.
          if (answer.status !== 'firing' || answer.id === null || answer.duplicate) continue;
          stored += 1;
          const a = sent.alerts[i]!;
          checks.push(() => {
            const item = api.lull.engine.getItem(answer.id!);
            const receiver = sent.receiver?.trim() || 'fuzz';
            if (receiver.length <= 64 && receiver.isWellFormed()) expect(item.source).toBe(receiver);
            const title = a.annotations?.summary?.trim() || a.labels?.alertname?.trim() || item.source;
            if (title.length <= 256 && title.isWellFormed()) expect(item.title).toBe(title);
            expect(item.title.length).toBeLessThanOrEqual(256);
            const severity = a.labels?.severity?.trim().toLowerCase();
            expect(item.priority).toBe(severity === 'critical' ? 'urgent' : severity === 'warning' ? 'high' : severity === 'info' ? 'low' : 'normal');
          });
        }
      }),
      { numRuns: 300 },
    );
    expect(stored).toBeGreaterThan(40);
  }, 120_000);

  it('every acknowledged item reads back as it was answered', () => {
    expect(checks.length).toBeGreaterThan(300);
    for (const check of checks) check();
  });
});
