// "Was it urgent?" read back (PRODUCT.md §2): each rule's breakthroughs of a week with their
// verdicts, and the changes to the urgent protocol those verdicts suggest, each one a settings
// patch that can be applied with one click. A rule that keeps letting noise through is a broken
// protocol; this is where the user sees which part of it broke.
import type { z } from 'zod';
import { translator, type Language } from '../i18n/index.ts';
import { isVip, mentionsKeyword, namedIn, neverBreaksThrough } from './rules.ts';
import { applySettingsPatch, type Settings, type settingsPatchSchema } from './settings.ts';
import { MOMENT_GAP_MS } from './stats.ts';
import { BREAKTHROUGH_RULES, type BreakthroughRule, type Item } from './types.ts';

export interface RuleVerdicts {
  rule: BreakthroughRule;
  count: number;
  urgent: number;
  notUrgent: number;
  unjudged: number;
}

/** What PATCH /v1/settings takes. */
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export interface Suggestion {
  /** Stable for the same change (the rule and what it names), whatever the counts. */
  id: string;
  text: string;
  /** A PATCH /v1/settings body: lists carry their whole new value, objects merge. */
  patch: SettingsPatch;
}

/** One row per rule of the vocabulary, in its order, for the breakthroughs among `items`. */
export function breakthroughVerdicts(items: readonly Item[]): RuleVerdicts[] {
  const rows = BREAKTHROUGH_RULES.map((rule) => ({ rule, count: 0, urgent: 0, notUrgent: 0, unjudged: 0 }));
  const byRule = new Map(rows.map((r) => [r.rule, r]));
  for (const item of items) {
    const row = item.disposition === 'breakthrough' && item.rule ? byRule.get(item.rule) : undefined;
    if (!row) continue;
    row.count++;
    if (item.verdict === 'urgent') row.urgent++;
    else if (item.verdict === 'not-urgent') row.notUrgent++;
    else row.unjudged++;
  }
  return rows;
}

/**
 * The threshold: a part of the protocol is suggested for change when at least 3 of its
 * breakthroughs were judged and at least two thirds of those were not urgent. Three verdicts are
 * few enough to act on within one week, and two thirds means one stray "not urgent" among a VIP's
 * real emergencies (1 of 3, 2 of 4) is never a pattern. Unjudged items count for nothing.
 */
export const MIN_JUDGED = 3;
const isNoise = (judged: number, notUrgent: number): boolean => judged >= MIN_JUDGED && notUrgent * 3 >= judged * 2;

type Kind = 'vip' | 'keyword' | 'app' | 'source' | 'repeat';
type Rules = Settings['breakthrough'];

/** A part of the protocol, the breakthroughs it let through that it would still let through today, and how to change it. */
interface Candidate {
  kind: Kind;
  name: string;
  items: readonly Item[];
  patch: SettingsPatch;
  attempts?: number;
}

const judgedBy = (rule: BreakthroughRule, items: readonly Item[]): Item[] =>
  items.filter((i) => i.disposition === 'breakthrough' && i.rule === rule && i.verdict !== undefined);

/** The entries of a list, once each as the rules compare them ("anna" and "Anna" are one VIP). */
const distinct = (list: readonly string[]): string[] => list.filter((v, i) => !namedIn(list.slice(0, i), v));
const without = (list: readonly string[], name: string): string[] => list.filter((v) => !namedIn([name], v));

/** VIPs, keywords and allowed apps: each entry still on its list, judged by what it let through. */
function listCandidates(items: readonly Item[], rules: Rules): Candidate[] {
  const vip = judgedBy('vip', items);
  const keyword = judgedBy('keyword', items);
  const app = judgedBy('app', items);
  return [
    ...distinct(rules.vipSenders).map((name) => ({
      kind: 'vip' as const,
      name,
      items: vip.filter((i) => isVip([name], i.sender)),
      patch: { breakthrough: { vipSenders: without(rules.vipSenders, name) } },
    })),
    // An item does not record which keyword let it through: each current keyword is matched again.
    ...distinct(rules.keywords).map((name) => {
      const one = [name];
      return { kind: 'keyword' as const, name, items: keyword.filter((i) => mentionsKeyword(i, one)), patch: { breakthrough: { keywords: without(rules.keywords, name) } } };
    }),
    ...distinct(rules.allowedApps).map((name) => ({
      kind: 'app' as const,
      name,
      items: app.filter((i) => namedIn([name], i.app ?? i.source)),
      patch: { breakthrough: { allowedApps: without(rules.allowedApps, name) } },
    })),
  ];
}

/** "Stop an app": a source whose urgent items were mostly not, unless it is already stopped. */
function sourceCandidates(items: readonly Item[], rules: Rules): Candidate[] {
  if (!rules.urgent) return [];
  const bySource = new Map<string, Item[]>();
  for (const item of judgedBy('urgent', items)) {
    if (neverBreaksThrough(item, rules)) continue;
    // A desktop item is named by its app: "stop Slack", not "stop every desktop app".
    const name = item.app ?? item.source;
    const list = bySource.get(name);
    if (list) list.push(item);
    else bySource.set(name, [item]);
  }
  return [...bySource].sort(([a], [b]) => a.localeCompare(b)).map(([name, list]) => ({ kind: 'source', name, items: list, patch: { breakthrough: { neverBreaksThrough: [...rules.neverBreaksThrough, name] } } }));
}

/**
 * Repeat escalation: the judged repeat breakthroughs that would still pass at the current
 * threshold. Items do not record their attempt, so it is counted again as PRODUCT.md §2 defines
 * it: the moments (arrivals more than 2 min apart) from the same sender within the window, this
 * one included. Once the threshold is raised past an item's attempt, that item no longer counts.
 */
function repeatCandidate(items: readonly Item[], rules: Rules): Candidate[] {
  const { attempts, minutes } = rules.repeatEscalation;
  const repeats = judgedBy('repeat', items);
  if (attempts === 0 || repeats.length === 0) return [];
  const windowMs = minutes * 60_000;
  // Only the judged repeats' senders matter: a flood from anyone else is not looked at twice.
  const senders = new Set(repeats.map((i) => i.sender?.toLocaleLowerCase()));
  const bySender = new Map<string, number[]>();
  for (const item of items) {
    const key = item.sender?.toLocaleLowerCase();
    if (key === undefined || !senders.has(key)) continue;
    const list = bySender.get(key);
    if (list) list.push(item.receivedAt);
    else bySender.set(key, [item.receivedAt]);
  }
  const attemptOf = (item: Item): number => {
    const times = (bySender.get(item.sender?.toLocaleLowerCase() ?? '') ?? []).filter((t) => t > item.receivedAt - windowMs && t <= item.receivedAt).sort((a, b) => a - b);
    return times.filter((t, i) => i === 0 || t - (times[i - 1] ?? t) > MOMENT_GAP_MS).length;
  };
  const still = repeats.filter((i) => attemptOf(i) >= attempts);
  const next = attempts + 1;
  return [{ kind: 'repeat', name: '', items: still, attempts: next, patch: { breakthrough: { repeatEscalation: { attempts: next } } } }];
}

export interface SuggestInput {
  /** The week's items; only judged breakthroughs speak. */
  items: readonly Item[];
  /** The settings as they are now: what no longer applies is not suggested. */
  settings: Settings;
  language: Language;
}

/** The changes the week's verdicts suggest, in the vocabulary's order of rules, then in the lists' order. */
export function suggestChanges({ items, settings, language }: SuggestInput): Suggestion[] {
  const t = translator(language, 'suggestions');
  const rules = settings.breakthrough;
  const candidates = [...sourceCandidates(items, rules), ...listCandidates(items, rules), ...repeatCandidate(items, rules)];
  const out: Suggestion[] = [];
  for (const c of candidates) {
    const notUrgent = c.items.filter((i) => i.verdict === 'not-urgent').length;
    if (!isNoise(c.items.length, notUrgent)) continue;
    // A change the settings would refuse (a list at its limit, attempts at their maximum) is not offered.
    if (!applySettingsPatch(settings, c.patch).success) continue;
    out.push({
      id: c.kind === 'repeat' ? `repeat:${c.attempts}` : `${c.kind}:${c.name.toLocaleLowerCase()}`,
      text: t(c.kind, { name: c.name, notUrgent, judged: c.items.length, attempts: c.attempts }),
      patch: c.patch,
    });
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The patch that puts back what `patch` changes: at each key it touches, the value `before` had.
 * Objects are followed (they merge), lists and values are taken whole (they replace), so undoing
 * a suggestion changes nothing the suggestion did not.
 */
export function reversePatch(patch: SettingsPatch, before: Settings): SettingsPatch {
  const back = (p: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(p).map(([k, v]) => [k, isObject(v) && isObject(b[k]) ? back(v, b[k]) : b[k]]));
  return back(patch, before) as SettingsPatch;
}

/** The settings a patch replaces, as paths ("breakthrough.vipSenders"). */
export function patchedPaths(patch: SettingsPatch): string[] {
  const walk = (p: Record<string, unknown>, at: string): string[] => Object.entries(p).flatMap(([k, v]) => (isObject(v) ? walk(v, `${at}${k}.`) : [`${at}${k}`]));
  return walk(patch, '');
}
