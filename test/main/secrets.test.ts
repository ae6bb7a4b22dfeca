// The app's secret store: safeStorage seals each secret (the Electron stub's stand-in), kept
// base64 in <data dir>/secrets.app.json, mode 0600; without an encryption key nothing is stored.
// The shell passes it to openLull, so `secrets:set` over IPC lands there, never in the host's file.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_SECRETS_FILE, openAppSecrets } from '../../main/app/secrets.ts';
import { electron, safeStorage } from '../support/electronStub.ts';
import { useTempDirs } from '../support/tempDir.ts';
import { bootShell, invoke, quitShell, type Stub } from './bootShell.ts';

vi.mock('electron', () => import('../support/electronStub.ts'));
vi.mock('node-notifier', () => ({ default: { notify: () => {} } }));

const tempDir = useTempDirs();
const SECRET = 'correct horse battery staple';

describe('the app secret store over safeStorage', () => {
  afterEach(() => electron.reset());

  it('seals each secret: the file holds base64 of what safeStorage made, mode 0600, never the secret', async () => {
    const dir = tempDir();
    const secrets = openAppSecrets(dir, safeStorage);
    const told: string[] = [];
    secrets.onChange((name) => told.push(name));
    await secrets.set('mail:work', SECRET);
    const path = join(dir, APP_SECRETS_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(SECRET);
    const stored = (JSON.parse(text) as Record<string, string>)['mail:work']!;
    expect(safeStorage.decryptString(Buffer.from(stored, 'base64'))).toBe(SECRET);
    expect(await openAppSecrets(dir, safeStorage).get('mail:work')).toBe(SECRET);
    expect(secrets.names()).toEqual(['mail:work']);
    expect(await secrets.delete('mail:work')).toBe(true);
    expect(told).toEqual(['mail:work', 'mail:work']);
    expect(existsSync(join(dir, 'secrets.json'))).toBe(false);
  });

  it('refuses to store without an encryption key, and writes nothing', async () => {
    const dir = tempDir();
    electron.state.encryptionAvailable = false;
    const error = await openAppSecrets(dir, safeStorage).set('mail:work', SECRET).then(() => null, (e: unknown) => e as Error & { code?: string });
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error?.message).toMatch(/no encryption key .* use a passwordCommand instead/);
    expect(error?.message).not.toContain(SECRET);
    expect(existsSync(join(dir, APP_SECRETS_FILE))).toBe(false);
  });

  it('names a secret it cannot open (another key, a damaged value), never its text', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, APP_SECRETS_FILE), JSON.stringify({ 'mail:work': Buffer.from(SECRET).toString('base64') }), { mode: 0o644 });
    const secrets = openAppSecrets(dir, safeStorage);
    expect(statSync(join(dir, APP_SECRETS_FILE)).mode & 0o777).toBe(0o600);
    const error = await secrets.get('mail:work').then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toBe(`${join(dir, APP_SECRETS_FILE)}: the secret "mail:work" could not be read back; set it again`);
  });
});

describe('the shell', () => {
  const env = { home: process.env.LULL_HOME, xdg: process.env.XDG_CONFIG_HOME };
  const argv = process.argv;
  let running: Stub | null = null;
  afterEach(async () => {
    if (running) await quitShell(running);
    running = null;
    process.argv = argv;
    for (const [name, value] of [['LULL_HOME', env.home], ['XDG_CONFIG_HOME', env.xdg]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('stores what secrets:set gets over IPC with safeStorage, lists names only, and refuses without a key', async () => {
    const stub = (running = await bootShell(tempDir(), ['--login']));
    const set = await invoke(stub, 'secrets:set', { name: 'mail:work', secret: SECRET });
    expect(set).toEqual({ ok: true, value: { name: 'mail:work', stored: true } });
    expect(readFileSync(join(stub.home, APP_SECRETS_FILE), 'utf8')).not.toContain(SECRET);
    expect(existsSync(join(stub.home, 'secrets.json'))).toBe(false);
    expect(await invoke(stub, 'secrets:list')).toEqual({ ok: true, value: { names: ['mail:work'] } });
    stub.electron.state.encryptionAvailable = false;
    const refused = await invoke(stub, 'secrets:set', { name: 'mail:home', secret: SECRET });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(refused)).not.toContain(SECRET);
    expect(await invoke(stub, 'secrets:list')).toEqual({ ok: true, value: { names: ['mail:work'] } });
  });
});
