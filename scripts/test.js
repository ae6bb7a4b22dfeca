#!/usr/bin/env node
// `npm test`: the whole suite on a fresh Debian/Ubuntu machine. Installs the Debian packages
// the real-part tests need when it may (root), otherwise stops at once naming the command;
// installs npm packages if missing; then builds, typechecks, lints and runs vitest.
// Plain JavaScript that also runs on an older system Node: it re-runs itself on the pinned Node 24.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinnedNode = join(root, 'node_modules', '.bin', 'node');
const debs = ['chromium', 'xvfb', 'dbus-daemon', 'dbus-x11', 'dunst', 'libnotify-bin', 'libglib2.0-bin', 'faketime', 'curl', 'apprise', 'httpie', 'prometheus-alertmanager', 'dovecot-imapd', 'python3', 'openssl'];
const aptCommand = `apt-get update && apt-get install -y --no-install-recommends ${debs.join(' ')}`;

// Every step runs with the pinned Node first on PATH, so `#!/usr/bin/env node` tools get Node 24 too.
const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` };

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env, ...opts });
  return r.status ?? 1;
}

function missingDebs() {
  const out = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...debs], { encoding: 'utf8' }).stdout ?? '';
  const installed = new Set(out.split('\n').filter((l) => l.endsWith('install ok installed')).map((l) => l.split(' ')[0]));
  return debs.filter((d) => !installed.has(d));
}

function ensureDebs() {
  if (process.platform !== 'linux') return;
  const missing = missingDebs();
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`npm test needs Debian packages that are missing: ${missing.join(' ')}\nRun as root:\n  sudo sh -c '${aptCommand}'`);
    process.exit(1);
  }
  console.log(`installing ${missing.join(' ')} …`);
  if (run('sh', ['-c', aptCommand], { env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } }) !== 0) {
    console.error(`could not install: ${aptCommand}`);
    process.exit(1);
  }
}

function ensureNodeModules() {
  if (existsSync(pinnedNode) && existsSync(join(root, 'node_modules', 'vitest'))) return;
  console.log('installing npm packages (npm ci) …');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) process.exit(1);
}

const onPinned = process.versions.node.split('.')[0] === '24';
if (!onPinned) {
  ensureDebs();
  ensureNodeModules();
  process.exit(run(pinnedNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)]));
}

ensureDebs();
ensureNodeModules();
const bin = (name) => join(root, 'node_modules', '.bin', name);
const steps = [
  ['build', bin('electron-vite'), ['build']],
  ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['lint', bin('eslint'), ['.']],
];
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  if (run(cmd, args) !== 0) {
    console.error(`✖ ${name} failed`);
    process.exit(1);
  }
}
console.log('\n▶ tests');
mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results', 'vitest.json');
const status = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  console.log(`\n${r.numPassedTests} passed, ${failed} failed`);
  if (r.numTotalTests === 0) process.exit(1);
}
process.exit(status);
