// The house (STYLE.md): core ← store/system ← sources, delivery ← service ← api, app, host, cli.
// sources and delivery are siblings that never import each other, and what they share lives
// below them (system/, core/). Checked on the import lines of every file under main/.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = resolve(import.meta.dirname, '..', '..', 'main');
const ABOVE: Record<string, readonly string[]> = {
  system: ['sources', 'delivery', 'service', 'api', 'app', 'host', 'cli', 'store'],
  sources: ['delivery', 'service', 'api', 'app', 'host', 'cli'],
  delivery: ['sources', 'service', 'api', 'app', 'host', 'cli'],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The top-level folder of main/ each relative import of `file` lands in. */
function importedLayers(file: string): string[] {
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) => m[1] ?? '');
  return specifiers.map((s) => relative(MAIN, resolve(dirname(file), s)).split('/')[0] ?? '');
}

describe('the house', () => {
  it.each(Object.keys(ABOVE))('main/%s imports nothing above it or beside it', (layer) => {
    const wrong = filesUnder(join(MAIN, layer)).flatMap((file) =>
      importedLayers(file)
        .filter((target) => ABOVE[layer]?.includes(target))
        .map((target) => `${relative(MAIN, file)} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the check sees imports (it would catch a sibling import)', () => {
    expect(importedLayers(join(MAIN, 'delivery', 'desktop', 'index.ts'))).toEqual(expect.arrayContaining(['system', 'delivery', 'core']));
  });
});
