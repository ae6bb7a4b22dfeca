// Boots the shell's composition root under the Electron stub, with a fresh data dir, settings
// that keep tests off real ports and schedules, and a real HTTP API on loopback.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import { readApiFile } from '../../main/service/apiFile.ts';
import * as electronStub from '../support/electronStub.ts';

export type Stub = typeof electronStub;
export type Answer = { ok: boolean; value: Record<string, unknown> & { path: string; state: string }; error?: { code: string } };

/**
 * Boots the shell with `root` as its data dir ($LULL_HOME), or, with `defaultDataDir`, without
 * $LULL_HOME: the data dir is then <root>/xdg/Lull and Electron's userData <root>/xdg/lull.
 */
export async function bootShell(root: string, args: string[], opts: { granted?: boolean; settings?: Record<string, unknown>; defaultDataDir?: boolean } = {}): Promise<Stub & { home: string }> {
  vi.resetModules();
  const stub = electronStub;
  stub.electron.reset();
  const xdg = join(root, 'xdg');
  const home = opts.defaultDataDir ? join(xdg, 'Lull') : root;
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'config.json'), JSON.stringify({ api: { port: 0 }, sources: { httpInbox: true, desktopBus: false }, timeZone: 'Europe/Stockholm', schedule: [], ...opts.settings }));
  if (opts.defaultDataDir) delete process.env.LULL_HOME;
  else process.env.LULL_HOME = home;
  process.env.XDG_CONFIG_HOME = xdg;
  stub.electron.state.paths = { userData: opts.defaultDataDir ? join(xdg, 'lull') : home, downloads: home };
  stub.electron.state.singleInstance.granted = opts.granted ?? true;
  process.argv = [process.argv[0] ?? 'lull', ...args];
  await import('../../main/app/index.ts');
  stub.app.becomeReady();
  if (opts.granted !== false) await vi.waitFor(() => expect(existsSync(join(home, 'api.json'))).toBe(true), { timeout: 15_000 });
  return { ...stub, home };
}

/** Quits a booted shell and waits until it has closed Lull. */
export async function quitShell(stub: Stub): Promise<void> {
  if (stub.electron.state.quits > 0) return;
  stub.app.quit();
  await vi.waitFor(() => expect(stub.electron.state.quits).toBeGreaterThan(1), { timeout: 15_000 });
}

export const fromApp = { senderFrame: { url: 'lull://app/index.html' } };

export async function invoke(stub: Stub, channel: string, payload?: unknown, event: { senderFrame: { url: string } | null } = fromApp): Promise<Answer> {
  const handler = stub.electron.state.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(event, payload)) as Answer;
}

export async function postNotification(home: string, body: Record<string, unknown>): Promise<Response> {
  const api = readApiFile(home);
  if (!api) throw new Error('the shell wrote no api.json');
  const { port, token } = api;
  return fetch(`http://127.0.0.1:${port}/v1/notifications`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
