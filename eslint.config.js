// Lint: typescript-eslint's recommended rules, plus the layering of STYLE.md enforced with
// restricted imports (imports only go downward: core ← store, sources, delivery ← app, host, cli).
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'main/core is pure: time and storage come in through ports.' };
const shellOnly = ['electron', 'electron-store', 'node-notifier', 'fastify', '@fastify/*', 'conf', 'pino', 'dbus-next'];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'bench/results.json'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: shellOnly.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'main/core must not depend on the shell, the store or a transport.' })),
          patterns: [nodeBuiltins, { group: ['@fastify/*'], message: 'main/core must not depend on a transport.' }, { group: ['../store/*', '../sources/*', '../delivery/*', '../app/*', '../host/*', '../cli/*', '../service/*'], message: 'imports only go downward.' }],
        },
      ],
    },
  },
  {
    // Lull's words and time formatters: pure like core, and below it (core's present.ts writes ISO
    // times with them), so they import no layer of Lull at all; the renderer and the CLI use them too.
    files: ['main/i18n/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: shellOnly.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'main/i18n must not depend on the shell, the store or a transport.' })),
          patterns: [
            { ...nodeBuiltins, message: 'main/i18n is pure: the renderer, the shell and the CLI all import it.' },
            { group: ['@fastify/*'], message: 'main/i18n must not depend on a transport.' },
            { group: ['../*/*', '../../*'], message: 'main/i18n imports no other layer of Lull.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/store/**', 'main/sources/**', 'main/delivery/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../app/*', '../host/*', '../cli/*', '../../app/*', '../../host/*', '../../cli/*'], message: 'imports only go downward.' }] }],
    },
  },
  {
    files: ['renderer/**', 'preload/contract.ts', 'preload/contract/**', 'preload/channels.ts', 'preload/httpClient.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', 'fastify', 'node-notifier', 'electron-store'].map((name) => ({ name, message: 'windows and the contract talk through LullApi only.' })), patterns: [nodeBuiltins] }],
    },
  },
);
