// Lull's TypeScript runs on Node 24 (type stripping, node:sqlite). When started by an older
// Node, re-run the same command on the Node 24 pinned in node_modules and exit with its code.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function onNode24(entryUrl) {
  if (Number(process.versions.node.split('.')[0]) >= 24) return;
  const pinned = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', 'node');
  if (!existsSync(pinned)) {
    console.error(`Lull needs Node 24 (this is ${process.version}); run \`npm install\` in the repository first`);
    process.exit(2);
  }
  const r = spawnSync(pinned, [fileURLToPath(entryUrl), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
