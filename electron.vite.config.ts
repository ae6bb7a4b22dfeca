// electron-vite builds the three parts into out/: main (the Electron shell), preload (the
// sandboxed bridge, one CommonJS file) and renderer (the windows, also served by lull-host).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { CSP_PLACEHOLDER, META_CSP } from './preload/csp.ts';

const root = import.meta.dirname;
// One HTML entry per window kind: add its name here (main/app/windows.ts names its page).
const pages = ['index', 'review'].filter((page) => existsSync(resolve(root, `renderer/${page}.html`)));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // host and cli: lull-host and lull as plain JS (bin/ runs them when fresher than the sources).
      rollupOptions: { input: { index: resolve(root, 'main/app/index.ts'), host: resolve(root, 'main/host/main.ts'), cli: resolve(root, 'main/cli/main.ts') } },
    },
  },
  preload: {
    // A sandboxed preload cannot require modules: everything it uses is bundled in.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(root, 'preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // Each page's CSP meta tag is written from the one policy in preload/csp.ts.
    plugins: [react(), { name: 'lull-csp', transformIndexHtml: (html: string) => html.replace(CSP_PLACEHOLDER, META_CSP) }],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; the dashboard must stay small (issue 5's budget).
      minify: true,
      rollupOptions: { input: Object.fromEntries(pages.map((page) => [page, resolve(root, `renderer/${page}.html`)])) },
    },
  },
});
