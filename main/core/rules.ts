// The urgent protocol: which rule, if any, lets an item through a focus block (PRODUCT.md §2).
import type { Settings } from './settings.ts';
import type { BreakthroughRule, IncomingItem } from './types.ts';

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

/**
 * Tracks arrivals per sender for repeat escalation ("repeated calls"): the `count`-th item
 * from one sender within `minutes` breaks through.
 */
export class RepeatTracker {
  private readonly seen = new Map<string, number[]>();

  record(sender: string | undefined, at: number, windowMs: number): number {
    if (!sender) return 0;
    const key = sender.toLocaleLowerCase();
    const list = (this.seen.get(key) ?? []).filter((t) => t > at - windowMs);
    list.push(at);
    this.seen.set(key, list);
    return list.length;
  }

  prune(before: number): void {
    for (const [key, list] of this.seen) {
      const kept = list.filter((t) => t > before);
      if (kept.length) this.seen.set(key, kept);
      else this.seen.delete(key);
    }
  }
}

/** The rule that lets the item pass, in a fixed order of precedence, or null to hold it. */
export function breakthroughRule(item: IncomingItem, rules: Rules, recentFromSender: number): BreakthroughRule | null {
  if (rules.urgent && item.priority === 'urgent') return 'urgent';
  if (listHas(rules.vipSenders, item.sender)) return 'vip';
  const re = keywordRegex(rules.keywords);
  if (re && (re.test(item.title) || (item.body !== undefined && re.test(item.body)))) return 'keyword';
  if (listHas(rules.allowedApps, item.app ?? item.source)) return 'app';
  if (item.sender && recentFromSender >= rules.repeatEscalation.count) return 'repeat';
  return null;
}
