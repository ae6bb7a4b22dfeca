// A real Prometheus Alertmanager (Debian's prometheus-alertmanager) notifying a real lull-host with
// a notify token, during a focus block: a warning is held, a critical alert breaks through, and the
// held one, once it resolves, is withdrawn and not released (PRODUCT.md §2, §3.3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, startAlertmanager, type PostableAlert, type RunningAlertmanager } from '../../support/alertmanager.ts';
import { startHost, type RunningHost } from '../../support/host.ts';

interface ListedItem {
  id: string;
  title: string;
  source: string;
  status: string;
  disposition: string;
  rule: string | null;
  priority: string;
}

const HOUR = 3_600_000;
const DEADLINE = 20_000;

describe('a real Alertmanager → lull-host', () => {
  let host: RunningHost;
  let am: RunningAlertmanager;
  const startsAt = new Date().toISOString();
  const diskFull = (endsAt: number): PostableAlert => ({
    labels: { alertname: 'DiskFull', instance: 'db1', severity: 'warning' },
    annotations: { summary: 'Disk almost full on db1', description: '/var is 91% full' },
    startsAt,
    endsAt: new Date(endsAt).toISOString(),
    generatorURL: 'http://prometheus.example:9090/graph?g0.expr=disk_used_percent%3E90',
  });
  const list = async (view: string) => (await host.api<{ items: ListedItem[] }>('GET', `/v1/held?view=${view}`)).body.items;
  const appears = (view: string, title: string) =>
    pollUntil(`"${title}" in ${view}\n${am.log().slice(-3000)}`, DEADLINE, async () => (await list(view)).find((i) => i.title === title));

  beforeAll(async () => {
    host = await startHost();
    const made = await host.api<{ token: string }>('POST', '/v1/tokens', { name: 'alertmanager', scope: 'notify' });
    expect(made.status).toBe(201);
    am = await startAlertmanager({
      webhookConfigs: [
        `- url: ${JSON.stringify(`${host.baseUrl}/v1/hooks/alertmanager`)}`,
        '  send_resolved: true',
        '  http_config:',
        '    authorization:',
        `      credentials: ${JSON.stringify(made.body.token)}`,
      ].join('\n'),
    });
    expect((await host.api('POST', '/v1/focus', { minutes: 60 })).status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await am?.stop();
    await host?.stop();
  });

  it('holds a warning, lets a critical alert through, and withdraws the warning once it resolves', async () => {
    await am.post([diskFull(Date.now() + HOUR)]);
    const held = await appears('held', 'Disk almost full on db1');
    expect(held).toMatchObject({ source: 'lull', status: 'held', disposition: 'held', priority: 'high' });

    await am.post([{ labels: { alertname: 'PrimaryDown', instance: 'db2', severity: 'critical' }, annotations: { summary: 'Primary database down' }, endsAt: new Date(Date.now() + HOUR).toISOString() }]);
    const urgent = await appears('unjudged', 'Primary database down');
    expect(urgent).toMatchObject({ disposition: 'breakthrough', rule: 'urgent', status: 'delivered' });

    // Alertmanager resolves what is posted again with endsAt in the past (as Prometheus does).
    await am.post([diskFull(Date.now())]);
    const resolved = await appears('resolved', 'Disk almost full on db1');
    expect(resolved).toMatchObject({ id: held.id, status: 'resolved' });
    expect((await list('held')).map((i) => i.id)).not.toContain(held.id);

    const release = await host.api<{ released: number }>('POST', '/v1/release');
    expect(release.status).toBe(200);
    expect(release.body.released).toBe(0);
    expect((await list('review')).map((i) => i.id)).not.toContain(held.id);
    // The repeats Alertmanager may still send (group updates) made no second item.
    expect((await list('resolved')).filter((i) => i.title === 'Disk almost full on db1')).toHaveLength(1);
  }, 90_000);
});
