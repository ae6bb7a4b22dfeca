// Webhook bodies as the senders write them: Alertmanager 0.25's firing and resolved webhook (as
// captured by /work/shared/recipes/alertmanager.sh) and the example body of Grafana's webhook
// contact point documentation (grafana.com, "Configure the webhook notifier for Alerting").

const DISK_FULL = {
  labels: { alertname: 'DiskFull', instance: 'db1', severity: 'critical' },
  annotations: { description: '/var is 97% full (threshold 95%)', summary: 'Disk almost full on db1' },
  startsAt: '2026-12-02T15:11:33.011Z',
  generatorURL: 'http://127.0.0.1/graph?g0.expr=disk_used_percent%3E95',
  fingerprint: 'e94c744ae3d44df8',
};

const group = <A>(status: 'firing' | 'resolved', alerts: A[]) => ({
  receiver: 'hook',
  status,
  alerts,
  groupLabels: { alertname: 'DiskFull', instance: 'db1' },
  commonLabels: DISK_FULL.labels,
  commonAnnotations: DISK_FULL.annotations,
  externalURL: 'http://127.0.0.1:55619',
  version: '4',
  groupKey: '{}:{alertname="DiskFull", instance="db1"}',
  truncatedAlerts: 0,
});

export const alertmanagerFiring = group('firing', [{ status: 'firing', ...DISK_FULL, endsAt: '0001-01-01T00:00:00Z' }]);
export const alertmanagerResolved = group('resolved', [{ status: 'resolved', ...DISK_FULL, endsAt: '2026-12-02T15:11:34.76Z' }]);

/**
 * Grafana's documented example: version "1", per-alert silence/dashboard/panel URLs and query
 * values. Its second alert here has no summary or description, to show what stands in for them.
 */
export const grafanaFiring = {
  receiver: 'My Super Webhook',
  status: 'firing',
  orgId: 1,
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'High memory usage', team: 'blue', zone: 'us-1' },
      annotations: {
        description: 'The system has high memory usage',
        runbook_url: 'https://myrunbook.com/runbook/1234',
        summary: 'This alert was triggered for zone us-1',
      },
      startsAt: '2021-10-12T09:51:03.157076+02:00',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'https://play.grafana.org/alerting/1afz29v7z/edit',
      fingerprint: 'c6eadffa33fcdf37',
      silenceURL: 'https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1',
      dashboardURL: '',
      panelURL: '',
      values: { B: 44.23943737541908, C: 1 },
    },
    {
      status: 'firing',
      labels: { alertname: 'High CPU usage', team: 'blue', zone: 'eu-1' },
      annotations: { runbook_url: 'https://myrunbook.com/runbook/1234' },
      startsAt: '2021-10-12T09:56:03.157076+02:00',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'https://play.grafana.org/alerting/d1rdpdv7k/edit',
      fingerprint: 'bc97ff14869b13e3',
      silenceURL: 'https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT1%2Cteam%3Dblue%2Czone%3Deu-1',
      dashboardURL: '',
      panelURL: '',
      values: { B: 33.23943737541908, C: 1 },
    },
  ],
  groupLabels: {},
  commonLabels: { team: 'blue' },
  commonAnnotations: {},
  externalURL: 'https://play.grafana.org/',
  version: '1',
  groupKey: '{}:{}',
  truncatedAlerts: 0,
  title: '[FIRING:2]  (blue)',
  state: 'alerting',
  message: '**Firing**\n\nLabels:\n - alertname = T2\n - team = blue\n - zone = us-1\n',
};
