// Lint: typescript-eslint's recommended rules, plus the layering of docs/architecture.md:
// `lull/layers` checks every relative import against the table in scripts/layers.ts (imports
// only go downward), and restricted imports keep the pure layers free of Node and the shell.
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/layers.ts';

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
    files: ['main/**', 'preload/**', 'renderer/**'],
    plugins: { lull: layersPlugin },
    rules: { 'lull/layers': 'error' },
  },
  {
    files: ['main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: shellOnly.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'main/core must not depend on the shell, the store or a transport.' })),
          patterns: [nodeBuiltins, { group: ['@fastify/*'], message: 'main/core must not depend on a transport.' }],
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
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**', 'preload/contract.ts', 'preload/contract/**', 'preload/channels.ts', 'preload/httpClient.ts', 'preload/csp.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', 'fastify', 'node-notifier', 'electron-store'].map((name) => ({ name, message: 'windows and the contract talk through LullApi only.' })), patterns: [nodeBuiltins] }],
    },
  },
);
