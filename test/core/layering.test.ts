// The house's layering (docs/architecture.md, scripts/layers.ts): imports only go downward, no
// import cycle between files anywhere in main/, preload/ and renderer/, and the pure layers stay
// free of Node and the shell. The lint rules are proven to bite, and the whole tree is walked.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { importsOf, layerOf, layers, refusal, root } from '../../scripts/layers.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = ['main', 'preload', 'renderer'].flatMap((d) => walk(join(root, d)));
const rel = (f: string): string => relative(root, f);
/** Every file's relative imports, resolved to files of the tree. */
const graph = new Map(files.map((f) => [f, importsOf(readFileSync(f, 'utf8')).map((spec) => resolve(dirname(f), spec))]));

/** Strongly connected components of more than one file (or a file importing itself): Tarjan's. */
function cycles(edges: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) !== idx.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      on.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) out.push(component);
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('layering', () => {
  it('every file of main/, preload/ and renderer/ belongs to a layer', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => layerOf(f) === null).map(rel)).toEqual([]);
  });

  it('the layers themselves only point downward (each may only name layers listed before it)', () => {
    layers.forEach((layer, i) => {
      const below = new Set(layers.slice(0, i).map((l) => l.name));
      expect(layer.may.filter((m) => !below.has(m)), layer.name).toEqual([]);
    });
  });

  it('no file imports a layer above its own', () => {
    const upward = [...graph].flatMap(([from, tos]) => tos.filter((to) => refusal(from, to)).map((to) => `${rel(from)} → ${rel(to)}`));
    expect(upward).toEqual([]);
  });

  it('no import cycle between files', () => {
    expect(cycles(graph).map((c) => c.map(rel).sort())).toEqual([]);
  });

  it('no import cycle between folders (a folder using the interface its parent defines is not one)', () => {
    const folders = new Map<string, string[]>();
    const isAncestor = (a: string, b: string): boolean => b.startsWith(`${a}/`);
    for (const [from, tos] of graph) {
      const here = dirname(from);
      const edges = folders.get(here) ?? [];
      for (const to of tos.map(dirname)) if (to !== here && !isAncestor(to, here) && !edges.includes(to)) edges.push(to);
      folders.set(here, edges);
    }
    expect(cycles(folders).map((c) => c.map(rel).sort())).toEqual([]);
  });

  it('finds a cycle and an upward import when there is one (the checks can fail)', () => {
    const a = join(root, 'main/core/a.ts');
    const b = join(root, 'main/core/b.ts');
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toHaveLength(1);
    expect(refusal(join(root, 'main/sources/x/index.ts'), join(root, 'main/service/lull.ts'))).toMatch(/sources may not import service/);
    expect(refusal(join(root, 'main/core/engine.ts'), join(root, 'main/store/repository.ts'))).toMatch(/core may not import store/);
    expect(importsOf(`import type { A } from './a.ts';\nexport { b } from '../b.ts';\nconst c = await import('./c.ts');\nimport './d.ts';`)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts']);
  });

  const eslint = new ESLint({ cwd: root });
  const lint = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0]?.messages.map((m) => m.ruleId) ?? [];

  it.each(['node:fs', 'electron', 'electron-store', 'node-notifier', 'fastify', '@fastify/rate-limit'])('main/core may not import %s', async (mod) => {
    expect(await lint('main/core/example.ts', `import x from '${mod}';\nexport const y = x;\n`)).toContain('no-restricted-imports');
  });

  it.each([
    ['main/core/example.ts', '../store/repository.ts'],
    ['main/sources/example/index.ts', '../../service/lull.ts'],
    ['main/sources/example/index.ts', '../../delivery/output.ts'],
    ['main/delivery/example.ts', '../api/server.ts'],
    ['main/service/example.ts', '../app/tray.ts'],
    ['renderer/src/example.ts', '../../main/service/lull.ts'],
  ])('lint refuses an upward import: %s importing %s', async (file, spec) => {
    expect(await lint(file, `import { x } from '${spec}';\nexport const y = x;\n`)).toContain('lull/layers');
  });

  it('main/core may import zod and its own modules', async () => {
    expect(await lint('main/core/example.ts', `import { z } from 'zod';\nimport { FocusEngine } from './engine.ts';\nexport const s = [z.string(), FocusEngine];\n`)).toEqual([]);
  });

  it('the renderer may not import electron', async () => {
    expect(await lint('renderer/src/example.ts', `import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;\n`)).toContain('no-restricted-imports');
  });
});
