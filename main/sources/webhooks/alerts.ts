// What one Alertmanager or Grafana webhook asks of Lull (PRODUCT.md §3.3): an item for each firing
// alert and a withdrawal for each resolved one. Both are keyed by the alert's episode — receiver,
// fingerprint and startsAt — so a repeat (repeat_interval, a group update) is the same item, and
// the same alert firing again after it resolved is a new one.
import { createHash } from 'node:crypto';
import type { IncomingItem, Priority } from '../../core/types.ts';
import { LIMITS } from '../../core/vocabulary.ts';
import { bounded } from '../../system/markup.ts';
import type { Webhook, WebhookAlert } from './payload.ts';

export type AlertAction =
  | { status: 'firing'; fingerprint: string; item: IncomingItem }
  | { status: 'resolved'; fingerprint: string; dedupeKey: string };

export interface AlertActions {
  actions: AlertAction[];
  /** How many alerts the sender left out of the body; Lull cannot act on what it never saw. */
  truncated: number;
}

/** The `severity` label as Prometheus' and Grafana's rules conventionally set it. */
const PRIORITY_OF_SEVERITY: Readonly<Record<string, Priority>> = { critical: 'urgent', warning: 'high', info: 'low' };

/**
 * Labels shown as tags (`instance=db1`): the few that say how bad and where, by the conventions of
 * Prometheus and Grafana. Not every label: a Kubernetes alert carries dozens (pod hashes, image
 * digests) that would crowd out the title, and tags are bounded anyway.
 */
const TAG_LABELS = ['severity', 'instance', 'job', 'namespace', 'cluster', 'service', 'team'] as const;

/** Dedupe keys are global across sources: this door's are namespaced. */
const DEDUPE_PREFIX = 'alertmanager:';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** Well-formed and within `max` UTF-16 units (cut with an ellipsis); empty when blank. */
const fit = (text: string | undefined, max: number): string => (text?.trim() ? bounded(text.trim().toWellFormed(), max) : '');

/** A short key that stays whole when it fits and is stable when it does not. */
const keyWithin = (key: string, max: number): string => (key.length <= max && key.isWellFormed() ? key : `sha256:${sha256(key)}`);

/** Alertmanager's own fingerprint, or for an old sender one derived from the labels (their order does not matter). */
export function fingerprintOf(alert: Pick<WebhookAlert, 'fingerprint' | 'labels'>): string {
  const given = alert.fingerprint?.trim();
  if (given) return given;
  const sorted = Object.entries(alert.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
}

/** One firing episode of one alert, as the receiver knows it. */
export function dedupeKeyOf(source: string, fingerprint: string, startsAt: string | undefined): string {
  return `${DEDUPE_PREFIX}${sha256(JSON.stringify([source, fingerprint, startsAt ?? '']))}`;
}

export function priorityOf(labels: Readonly<Record<string, string>>): Priority {
  return PRIORITY_OF_SEVERITY[labels.severity?.trim().toLowerCase() ?? ''] ?? 'normal';
}

/** The first link that is http(s) and short enough to keep whole: a cut URL would lead nowhere. */
function linkOf(alert: WebhookAlert): string | undefined {
  for (const candidate of [alert.generatorURL, alert.panelURL, alert.dashboardURL]) {
    if (!candidate || candidate.length > LIMITS.url || !candidate.isWellFormed()) continue;
    try {
      if (['http:', 'https:'].includes(new URL(candidate).protocol)) return candidate;
    } catch {
      // not a URL: try the next
    }
  }
  return undefined;
}

/** The description annotation; for a Grafana alert without one, the values its query saw. */
function bodyOf(alert: WebhookAlert): string {
  const values = Object.entries(alert.values ?? {}).map(([ref, value]) => `${ref}=${value ?? 'null'}`);
  return fit(alert.annotations.description || alert.valueString || values.join(', '), LIMITS.body);
}

function tagsOf(labels: Readonly<Record<string, string>>): string[] | undefined {
  const tags = TAG_LABELS.filter((name) => labels[name]?.trim()).map((name) => fit(`${name}=${labels[name]}`, LIMITS.tag));
  return tags.length > 0 ? tags : undefined;
}

/**
 * The items and withdrawals one webhook asks for, in the order of its alerts. `fallbackSource`
 * names them when the body has no receiver (a notify token's name, as everywhere else).
 */
export function alertActions(hook: Webhook, fallbackSource: string): AlertActions {
  const source = fit(hook.receiver, LIMITS.source) || fit(fallbackSource, LIMITS.source);
  // One group's alerts are one thread in the digest (threads are per source).
  const thread = hook.groupKey ? keyWithin(hook.groupKey, LIMITS.thread) : undefined;
  const actions = hook.alerts.map((alert): AlertAction => {
    const fingerprint = fingerprintOf(alert);
    const dedupeKey = dedupeKeyOf(source, fingerprint, alert.startsAt);
    if (alert.status === 'resolved') return { status: 'resolved', fingerprint, dedupeKey };
    const body = bodyOf(alert);
    const url = linkOf(alert);
    const tags = tagsOf(alert.labels);
    // No sender: repeat escalation counts a sender's attempts, and a monitoring flood must not
    // break through by insisting (PRODUCT.md §2); severity is how an alert says it is urgent.
    const item: IncomingItem = {
      source,
      title: fit(alert.annotations.summary, LIMITS.title) || fit(alert.labels.alertname, LIMITS.title) || source,
      priority: priorityOf(alert.labels),
      dedupeKey,
      ...(body && { body }),
      ...(url && { url }),
      ...(thread && { thread }),
      ...(tags && { tags }),
    };
    return { status: 'firing', fingerprint, item };
  });
  return { actions, truncated: hook.truncatedAlerts ?? 0 };
}
