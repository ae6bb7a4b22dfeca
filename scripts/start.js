#!/usr/bin/env node
// `npm start`: builds, then launches the Electron app. Where Electron's binary cannot be had
// (offline: it is downloaded on first use) or there is no display, it says why in one line
// and starts the headless host instead, which opens the dashboard in the default browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` };
const args = process.argv.slice(2);

// LULL_START_NO_BUILD=1 skips the build (the test suite builds once, up front).
if (!process.env.LULL_START_NO_BUILD && spawnSync(bin('electron-vite'), ['build', '--logLevel', 'warn'], { cwd: root, env, stdio: 'inherit' }).status !== 0) {
  console.error('npm start: the build failed (see above)');
  process.exit(1);
}

/** The Electron binary's path, downloading it on first use; null with the reason when it cannot be had. */
function electronBinary() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], { cwd: root, env, encoding: 'utf8', timeout: 180_000 });
  const path = probe.stdout?.trim();
  if (probe.status === 0 && path && existsSync(path)) return { path };
  return { reason: "Electron's binary could not be downloaded (offline?)" };
}

function startHost(reason) {
  console.log(`Lull: ${reason}; starting the headless host instead.`);
  const host = spawn(process.execPath, [join(root, 'bin', 'lull-host.js'), ...args], { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
  host.on('exit', (code) => process.exit(code ?? 1));
}

const electron = electronBinary();
if (!electron.path) startHost(electron.reason);
else {
  const app = spawn(electron.path, [root, ...args], { cwd: root, env, stdio: 'inherit' });
  app.on('error', () => startHost('Electron could not be started'));
  app.on('exit', (code) => process.exit(code ?? 0));
}
