// The urgent protocol: which rule, if any, lets an item through a focus block (PRODUCT.md §2),
// and the decision it feeds for each arriving item: deliver, hold or break through.
import type { Settings } from './settings.ts';
import { BREAKTHROUGH_RULES, type BreakthroughRule, type Disposition, type FocusBlock, type IncomingItem, type Item } from './types.ts';

type Rules = Settings['breakthrough'];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const keywordCache = new WeakMap<readonly string[], RegExp | null>();

/** One regex for all keywords: whole words (Unicode letters and digits), case-insensitive. */
function keywordRegex(keywords: readonly string[]): RegExp | null {
  if (keywordCache.has(keywords)) return keywordCache.get(keywords) ?? null;
  const words = keywords.map((k) => k.trim()).filter(Boolean);
  const re = words.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'iu') : null;
  keywordCache.set(keywords, re);
  return re;
}

const same = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
const listHas = (list: readonly string[], value: string | undefined): boolean =>
  value !== undefined && value !== '' && list.some((v) => same(v, value));

// The rules' own matching, for the weekly report's suggestions (core/suggestions.ts), which
// re-match past breakthroughs against the current lists: one definition, never a copy.
/** The VIP and app rules' test: is the name on the list (case-insensitive, accents count)? */
export const namedIn = listHas;

/**
 * The names a sender goes by: itself, and for a mail sender "Name <address>" also the name and
 * the address alone, so a VIP list may hold either (PRODUCT.md §3.4).
 */
export function senderForms(sender: string | undefined): string[] {
  if (sender === undefined) return [];
  const mail = /^\s*"?(.*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(sender);
  return mail ? [sender, mail[1]!, mail[2]!].filter((f) => f !== '') : [sender];
}

/** The VIP rule's test: is the sender, or the name or address it carries, on the list? */
export const isVip = (vipSenders: readonly string[], sender: string | undefined): boolean => senderForms(sender).some((form) => listHas(vipSenders, form));
/** The keyword rule's test: does the title or the body hold one of the keywords as a whole word? */
export function mentionsKeyword(item: Pick<IncomingItem, 'title' | 'body'>, keywords: readonly string[]): boolean {
  const re = keywordRegex(keywords);
  return re !== null && (re.test(item.title) || (item.body !== undefined && re.test(item.body)));
}

/**
 * Sources whose items never break through by any rule, urgent included (a CI or monitoring feed
 * whose floods must never pass): held during a block, delivered outside one as always.
 */
/** A source on the never-list, or a desktop app named there (every desktop item has the source `desktop`). */
export const neverBreaksThrough = (item: Pick<IncomingItem, 'source' | 'app'>, rules: Rules): boolean =>
  listHas(rules.neverBreaksThrough, item.source) || listHas(rules.neverBreaksThrough, item.app);

/** An item whose `expiresAt` has passed: what it announced is over (PRODUCT.md §2). */
export const expiredAt = (item: Pick<IncomingItem, 'expiresAt'>, now: number): boolean => item.expiresAt !== undefined && item.expiresAt <= now;

type Test = (item: IncomingItem, rules: Rules, attempt: number) => boolean;

/** One test per rule of the vocabulary; a rule added there fails to compile until it has one. */
const passes: Record<BreakthroughRule, Test> = {
  urgent: (item, rules) => rules.urgent && item.priority === 'urgent',
  vip: (item, rules) => isVip(rules.vipSenders, item.sender),
  keyword: (item, rules) => mentionsKeyword(item, rules.keywords),
  app: (item, rules) => listHas(rules.allowedApps, item.app ?? item.source),
  repeat: (item, rules, attempt) => Boolean(item.sender) && rules.repeatEscalation.attempts > 0 && attempt >= rules.repeatEscalation.attempts,
};

/** The rule that lets the item pass, in the vocabulary's order of precedence, or null to hold it. */
function breakthroughRule(item: IncomingItem, rules: Rules, attempt: number): BreakthroughRule | null {
  for (const rule of BREAKTHROUGH_RULES) if (passes[rule](item, rules, attempt)) return rule;
  return null;
}

export interface Circumstances {
  id: string;
  now: number;
  /** The block running now; outside a block everything passes straight through. */
  block: FocusBlock | null;
  settings: Settings;
  /** The number of the sender's attempt (attempts.ts) within the repeat window, this one included. */
  attempts: number;
}

/**
 * Deliver, hold or break through: the arriving item as it is stored.
 *
 * An item that arrives already expired during a block is held and resolved at once: what it
 * announced is over (a spent one-time code, a meeting that has started), so it neither breaks
 * through — an interruption for nothing, whatever its rule — nor waits for a batch that must
 * not contain it. It is still recorded and counted as resolved. Outside a block Lull does not
 * filter, so it is delivered as everything else is.
 */
export function decide(incoming: IncomingItem, { id, now, block, settings, attempts }: Circumstances): Item {
  const rules = settings.breakthrough;
  const expired = block !== null && expiredAt(incoming, now);
  const rule = block && !expired && !neverBreaksThrough(incoming, rules) ? breakthroughRule(incoming, rules, attempts) : null;
  const disposition: Disposition = !block ? 'delivered' : rule ? 'breakthrough' : 'held';
  const { icon: _shownOnly, ...kept } = incoming;
  return {
    ...kept,
    body: settings.storage.mode === 'titles' ? undefined : incoming.body,
    id,
    receivedAt: now,
    disposition,
    rule,
    status: disposition !== 'held' ? 'delivered' : expired ? 'resolved' : 'held',
    blockId: block?.id ?? null,
    batchId: null,
    releasedAt: null,
    snoozedUntil: null,
    handledAt: expired ? now : null,
  };
}
