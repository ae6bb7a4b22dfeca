// Starts one of Lull's commands on Node 24 (the Node inside Electron 45): re-runs itself on the
// Node pinned in node_modules when started by an older one, then runs the built JavaScript in
// out/main when it is newer than every source file, else the TypeScript sources directly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function entryFor(name, source) {
  const built = join(root, 'out', 'main', `${name}.js`);
  if (!process.env.LULL_FROM_SOURCE && existsSync(built)) {
    const builtAt = statSync(built).mtimeMs;
    if (['main', 'preload'].every((dir) => newestSource(join(root, dir)) <= builtAt)) return built;
  }
  return join(root, source);
}

export async function launch(name, source) {
  if (Number(process.versions.node.split('.')[0]) < 24) {
    const pinned = join(root, 'node_modules', '.bin', 'node');
    if (!existsSync(pinned)) {
      console.error(`Lull needs Node 24 (this is ${process.version}); run \`npm install\` in the repository first`);
      process.exit(2);
    }
    const r = spawnSync(pinned, [process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  // A long-running host keeps a small young generation: it idles most of the day.
  if (name === 'host') v8.setFlagsFromString('--max-semi-space-size=1');
  const { main } = await import(pathToFileURL(entryFor(name, source)).href);
  process.exitCode = await main(process.argv.slice(2));
}
