// The house's layers (docs/architecture.md), written once: ESLint's `lull/layers` rule and the
// layering test both read this table. A file belongs to the first layer whose path it starts
// with; it may import its own layer and the layers in `may`, nothing above. Erasable TypeScript, so
// that eslint.config.js loads it on the pinned Node 24 as it is.
import { dirname, relative, resolve } from 'node:path';
import type { Rule } from 'eslint';

export interface Layer {
  name: string;
  paths: readonly string[];
  may: readonly string[];
}

export const root = resolve(import.meta.dirname, '..');

/** Lowest first. */
export const layers: readonly Layer[] = [
  { name: 'i18n', paths: ['main/i18n/'], may: [] },
  { name: 'core', paths: ['main/core/'], may: ['i18n'] },
  { name: 'log', paths: ['main/log.ts'], may: [] },
  { name: 'contract', paths: ['preload/contract', 'preload/channels.ts', 'preload/bridge.ts', 'preload/httpClient.ts', 'preload/csp.ts'], may: ['i18n', 'core'] },
  { name: 'preload', paths: ['preload/'], may: ['contract'] },
  { name: 'store', paths: ['main/store/'], may: ['core', 'log'] },
  { name: 'system', paths: ['main/system/'], may: ['core', 'log'] },
  { name: 'sources', paths: ['main/sources/'], may: ['core', 'i18n', 'log', 'contract', 'store', 'system'] },
  { name: 'delivery', paths: ['main/delivery/'], may: ['core', 'i18n', 'log', 'store', 'system'] },
  { name: 'service', paths: ['main/service/'], may: ['core', 'i18n', 'log', 'contract', 'store', 'system', 'sources', 'delivery'] },
  { name: 'api', paths: ['main/api/'], may: ['core', 'i18n', 'log', 'contract', 'store', 'system', 'sources', 'delivery', 'service'] },
  { name: 'cli', paths: ['main/cli/'], may: ['core', 'i18n', 'log', 'contract', 'service'] },
  { name: 'host', paths: ['main/host/'], may: ['core', 'i18n', 'log', 'contract', 'store', 'system', 'sources', 'delivery', 'service', 'api'] },
  { name: 'app', paths: ['main/app/'], may: ['core', 'i18n', 'log', 'contract', 'store', 'system', 'sources', 'delivery', 'service', 'api'] },
  { name: 'renderer', paths: ['renderer/'], may: ['core', 'i18n', 'contract'] },
];

/** The layer of a file (absolute, or relative to the repository), or null outside main/, preload/, renderer/. */
export function layerOf(file: string): Layer | null {
  const rel = relative(root, resolve(root, file)).split('\\').join('/');
  return layers.find((l) => l.paths.some((p) => rel === p || rel.startsWith(p))) ?? null;
}

/** Why `from` may not import `to` (both file paths), or null when it may. */
export function refusal(from: string, to: string): string | null {
  const a = layerOf(from);
  const b = layerOf(to);
  if (!a || !b || a === b || a.may.includes(b.name)) return null;
  return `${a.name} may not import ${b.name}: imports only go downward (docs/architecture.md)`;
}

/** The relative imports of a module's text: static, type-only, re-exports and dynamic ones. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|^\s*import\s*['"](\.[^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) found.push(m[1] ?? m[2] ?? m[3] ?? '');
  return found;
}

/** The ESLint rule: each relative import is checked against the table. */
const layersRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], messages: { upward: '{{why}}' } },
  create(context) {
    const check = (node: Rule.Node, source: unknown): void => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const why = refusal(context.filename, resolve(dirname(context.filename), source));
      if (why) context.report({ node, messageId: 'upward', data: { why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : null),
    };
  },
};

export const layersPlugin = { rules: { layers: layersRule } };
