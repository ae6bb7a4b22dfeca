import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The linter's restricted imports keep main/core pure (STYLE.md); this proves the rule bites.
describe('layering', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0]?.messages.map((m) => m.ruleId) ?? [];

  it.each(['node:fs', 'electron', 'electron-store', 'node-notifier', 'fastify', '@fastify/rate-limit', '../store/repository.ts'])('main/core may not import %s', async (mod) => {
    expect(await lint('main/core/example.ts', `import x from '${mod}';\nexport const y = x;\n`)).toContain('no-restricted-imports');
  });

  it('main/core may import zod and its own modules', async () => {
    expect(await lint('main/core/example.ts', `import { z } from 'zod';\nimport { FocusEngine } from './engine.ts';\nexport const s = [z.string(), FocusEngine];\n`)).toEqual([]);
  });

  it('the renderer may not import electron', async () => {
    expect(await lint('renderer/src/example.ts', `import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;\n`)).toContain('no-restricted-imports');
  });
});
