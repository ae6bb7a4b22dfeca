// The one line of a batch digest: how many were held and where they came from, counts only
// ("12 held: 5 Slack, 4 mail, 3 CI"). Desktop items are named by their app, others by source.
// The words are the "digest" namespace of main/i18n.
import { translator, type Language } from '../i18n/index.ts';

export type DigestLanguage = Language;

export interface DigestEntry {
  source: string;
  app?: string | undefined;
}

/** At most three names; the rest are summed as "other". */
export function digestText(items: readonly DigestEntry[], language: DigestLanguage = 'en'): string {
  const counts = new Map<string, number>();
  for (const item of items) {
    const name = item.app ?? item.source;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const t = translator(language, 'digest');
  const shown = ranked.length > 3 ? ranked.slice(0, 2) : ranked;
  const rest = ranked.slice(shown.length).reduce((n, [, c]) => n + c, 0);
  const parts = shown.map(([name, n]) => `${n} ${name}`);
  if (rest > 0) parts.push(`${rest} ${t('other')}`);
  return t('line', { total: items.length, parts: parts.join(', ') });
}
