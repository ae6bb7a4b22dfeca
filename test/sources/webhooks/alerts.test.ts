// The webhook body as Lull reads it: Alertmanager's and Grafana's samples become the items and
// withdrawals of PRODUCT.md §3.3, every field fitted to the vocabulary's limits.
import { describe, expect, it } from 'vitest';
import { notificationSchema } from '../../../main/core/incoming.ts';
import { LIMITS } from '../../../main/core/vocabulary.ts';
import { alertActions, dedupeKeyOf, fingerprintOf, priorityOf, type AlertAction } from '../../../main/sources/webhooks/alerts.ts';
import { webhookSchema } from '../../../main/sources/webhooks/payload.ts';
import { alertmanagerFiring, alertmanagerResolved, grafanaFiring } from './samples.ts';

const read = (body: unknown, fallback = 'alertmanager') => alertActions(webhookSchema.parse(body), fallback);
const firing = (action: AlertAction | undefined) => {
  if (action?.status !== 'firing') throw new Error(`expected a firing alert, got ${action?.status}`);
  return action.item;
};
const alert = (overrides: Record<string, unknown> = {}) => ({ ...alertmanagerFiring.alerts[0]!, ...overrides });
const withAlerts = (...alerts: unknown[]) => ({ ...alertmanagerFiring, alerts });

describe('webhook body → items', () => {
  it("maps Alertmanager's firing webhook to one item the inbox would accept", () => {
    const { actions, truncated } = read(alertmanagerFiring);
    expect(truncated).toBe(0);
    expect(actions).toHaveLength(1);
    const item = firing(actions[0]);
    expect(item).toEqual({
      source: 'hook',
      title: 'Disk almost full on db1',
      body: '/var is 97% full (threshold 95%)',
      url: 'http://127.0.0.1/graph?g0.expr=disk_used_percent%3E95',
      priority: 'urgent',
      thread: '{}:{alertname="DiskFull", instance="db1"}',
      tags: ['severity=critical', 'instance=db1'],
      dedupeKey: dedupeKeyOf('hook', 'e94c744ae3d44df8', '2026-12-02T15:11:33.011Z'),
    });
    expect(item).not.toHaveProperty('sender');
    expect(() => notificationSchema.parse(item)).not.toThrow();
    expect(actions[0]!.fingerprint).toBe('e94c744ae3d44df8');
  });

  it('the resolved webhook withdraws the same key the firing one used', () => {
    const { actions } = read(alertmanagerResolved);
    expect(actions).toEqual([{ status: 'resolved', fingerprint: 'e94c744ae3d44df8', dedupeKey: firing(read(alertmanagerFiring).actions[0]).dedupeKey }]);
  });

  it('keys an episode: a new startsAt or another receiver is another item; the same alert again is not', () => {
    const key = (body: unknown) => firing(read(body).actions[0]).dedupeKey ?? '';
    const first = key(alertmanagerFiring);
    expect(key(structuredClone(alertmanagerFiring))).toBe(first);
    expect(key(withAlerts(alert({ startsAt: '2026-12-02T16:00:00Z' })))).not.toBe(first);
    expect(key({ ...alertmanagerFiring, receiver: 'team-b' })).not.toBe(first);
    expect(first.startsWith('alertmanager:')).toBe(true);
    expect(first.length).toBeLessThanOrEqual(LIMITS.dedupeKey);
  });

  it("maps Grafana's documented body: summary or alertname, description or the query values, its group as one thread", () => {
    const { actions } = read(grafanaFiring);
    const [memory, cpu] = [firing(actions[0]), firing(actions[1])];
    expect(memory).toMatchObject({
      source: 'My Super Webhook',
      title: 'This alert was triggered for zone us-1',
      body: 'The system has high memory usage',
      url: 'https://play.grafana.org/alerting/1afz29v7z/edit',
      priority: 'normal',
      thread: '{}:{}',
      tags: ['team=blue'],
    });
    expect(cpu).toMatchObject({ title: 'High CPU usage', body: 'B=33.23943737541908, C=1', thread: '{}:{}' });
    expect(actions.map((a) => a.fingerprint)).toEqual(['c6eadffa33fcdf37', 'bc97ff14869b13e3']);
    for (const item of [memory, cpu]) expect(() => notificationSchema.parse(item)).not.toThrow();
  });

  it("Grafana 9's valueString stands in for a missing description; a panel link stands in for an unusable generatorURL", () => {
    const item = firing(read(withAlerts(alert({ annotations: {}, valueString: "[ metric='' labels={} value=14151.3 ]", generatorURL: 'javascript:alert(1)', panelURL: 'https://grafana.example/d/abc?viewPanel=2' }))).actions[0]);
    expect(item).toMatchObject({ title: 'DiskFull', body: "[ metric='' labels={} value=14151.3 ]", url: 'https://grafana.example/d/abc?viewPanel=2' });
  });

  it('severity decides the priority (any case); anything else is normal', () => {
    expect(priorityOf({ severity: 'critical' })).toBe('urgent');
    expect(priorityOf({ severity: 'Warning' })).toBe('high');
    expect(priorityOf({ severity: ' info ' })).toBe('low');
    expect(priorityOf({ severity: 'page' })).toBe('normal');
    expect(priorityOf({})).toBe('normal');
  });

  it('an alert without a fingerprint (an old sender) gets one from its labels, whatever their order', () => {
    const a = { labels: { alertname: 'DiskFull', instance: 'db1' } };
    const b = { labels: { instance: 'db1', alertname: 'DiskFull' } };
    expect(fingerprintOf(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintOf(a)).toBe(fingerprintOf(b));
    expect(fingerprintOf({ labels: { alertname: 'DiskFull', instance: 'db2' } })).not.toBe(fingerprintOf(a));
    const { fingerprint, ...old } = alert();
    expect(fingerprint).toBeTruthy();
    const [fired] = read(withAlerts(old)).actions;
    const [resolved] = read(withAlerts({ ...old, status: 'resolved', endsAt: '2026-12-02T15:20:00Z' })).actions;
    expect(fired!.fingerprint).toBe(fingerprintOf(old));
    expect(resolved).toMatchObject({ status: 'resolved', dedupeKey: firing(fired).dedupeKey });
  });

  it('fits long fields to the limits without splitting a character; a long groupKey is hashed, a long URL dropped', () => {
    const long = '😀'.repeat(10_000);
    const body = {
      ...withAlerts(alert({ annotations: { summary: long, description: long }, labels: { alertname: 'x', instance: long }, generatorURL: `https://x.example/${'a'.repeat(LIMITS.url)}` })),
      receiver: long,
      groupKey: `{}:{${'k'.repeat(500)}}`,
    };
    const item = firing(read(body).actions[0]);
    expect(item.source.length).toBeLessThanOrEqual(LIMITS.source);
    expect(item.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(item.body!.length).toBeLessThanOrEqual(LIMITS.body);
    expect(item.tags![0]!.length).toBeLessThanOrEqual(LIMITS.tag);
    expect(item.title.endsWith('…')).toBe(true);
    expect(item.thread).toMatch(/^sha256:/);
    expect(item.thread!.length).toBeLessThanOrEqual(LIMITS.thread);
    expect(item.url).toBeUndefined();
    expect(() => notificationSchema.parse(item)).not.toThrow();
    // The same long groupKey is the same thread.
    expect(firing(read(body).actions[0]).thread).toBe(item.thread);
  });

  it('a lone surrogate in a label is made well-formed, not refused', () => {
    const item = firing(read(withAlerts(alert({ annotations: {}, labels: { alertname: 'bad \ud800 name' } }))).actions[0]);
    expect(item.title).toBe('bad \ufffd name');
    expect(() => notificationSchema.parse(item)).not.toThrow();
  });

  it('with no summary, alertname or receiver, the notify token’s name names it', () => {
    const item = firing(read({ alerts: [{ status: 'firing', labels: {}, annotations: null }] }, 'ci-monitor').actions[0]);
    expect(item).toMatchObject({ source: 'ci-monitor', title: 'ci-monitor', priority: 'normal' });
    expect(item).not.toHaveProperty('thread');
  });

  it('reports truncatedAlerts and maps the alerts that were sent', () => {
    const { actions, truncated } = read({ ...withAlerts(alert(), alert({ fingerprint: 'f2', labels: { alertname: 'Other' } })), truncatedAlerts: 7 });
    expect(truncated).toBe(7);
    expect(actions).toHaveLength(2);
  });

  it('mixes firing and resolved alerts of one group in their order', () => {
    const { actions } = read(withAlerts(alert(), alert({ status: 'resolved', fingerprint: 'f2' })));
    expect(actions.map((a) => [a.status, a.fingerprint])).toEqual([
      ['firing', 'e94c744ae3d44df8'],
      ['resolved', 'f2'],
    ]);
  });

  it('refuses a body that is not a webhook, naming the fields; keeps fields it does not know', () => {
    const bad = webhookSchema.safeParse({ receiver: 'hook', alerts: [{ status: 'pending', labels: { severity: 3 } }], truncatedAlerts: -1 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['alerts.0.labels.severity', 'alerts.0.status', 'truncatedAlerts']);
    expect(webhookSchema.safeParse({ receiver: 'hook' }).error!.issues.map((i) => i.path.join('.'))).toEqual(['alerts']);
    expect(webhookSchema.safeParse(withAlerts(alert({ startsAt: 'yesterday' }))).error!.issues.map((i) => i.path.join('.'))).toEqual(['alerts.0.startsAt']);
    const parsed = webhookSchema.parse({ ...grafanaFiring, newField: { a: 1 } });
    expect(parsed).toMatchObject({ orgId: 1, state: 'alerting', newField: { a: 1 } });
  });
});
