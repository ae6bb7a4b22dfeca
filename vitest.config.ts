import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // electron-store must be transformed by vitest so the `electron` mock reaches it;
    // left to plain Node it would load the real `electron`, which tries to download.
    server: { deps: { inline: ['electron-store'] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
