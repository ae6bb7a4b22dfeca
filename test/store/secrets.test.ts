// The headless host's secret store: <data dir>/secrets.json, mode 0600; a damaged file is named
// in the error, its text (secrets) never is; a looser file is made the owner's alone; whoever
// listens hears each name that was set or deleted.
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSecrets } from '../../main/store/secrets.ts';
import { useTempDirs } from '../support/tempDir.ts';

const tempDir = useTempDirs();

describe('file secrets', () => {
  it('has none until one is set, keeps each by name, in a file only its owner can read', async () => {
    const dir = tempDir();
    const secrets = fileSecrets(dir);
    expect(await secrets.get('mail/work')).toBeNull();
    await secrets.set('mail/work', 'hunter2');
    await secrets.set('calendar', 's3cret');
    expect(await secrets.get('mail/work')).toBe('hunter2');
    expect(await fileSecrets(dir).get('calendar')).toBe('s3cret');
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))).toEqual({ 'mail/work': 'hunter2', calendar: 's3cret' });
  });

  it('names a damaged file without quoting it', async () => {
    const dir = tempDir();
    for (const text of ['{"mail": "hunter2"', '{"mail": 42, "x": "hunter2"}', '["hunter2"]']) {
      writeFileSync(join(dir, 'secrets.json'), text);
      const error = await fileSecrets(dir).get('mail').then(() => null, (e: unknown) => e as Error);
      expect(error?.message).toBe(`${join(dir, 'secrets.json')} is not a JSON object of names and secrets`);
      expect(error?.message).not.toContain('hunter2');
    }
  });

  it('deletes and lists by name, and tells each change to whoever listens until it unsubscribes', async () => {
    const dir = tempDir();
    const secrets = fileSecrets(dir);
    const told: string[] = [];
    const off = secrets.onChange((name) => told.push(name));
    await secrets.set('mail:work', 'hunter2');
    await secrets.set('calendar:home', 'two words');
    expect(secrets.names()).toEqual(['mail:work', 'calendar:home']);
    expect([secrets.has('mail:work'), secrets.has('mail:home'), secrets.has('toString')]).toEqual([true, false, false]);
    expect(await secrets.delete('mail:work')).toBe(true);
    expect(await secrets.delete('mail:work')).toBe(false); // nothing to delete: nobody is told
    expect(await secrets.get('mail:work')).toBeNull();
    expect(await secrets.get('calendar:home')).toBe('two words');
    expect(told).toEqual(['mail:work', 'calendar:home', 'mail:work']);
    off();
    await secrets.set('mail:work', 'again');
    expect(told).toHaveLength(3);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))).toEqual({ 'calendar:home': 'two words', 'mail:work': 'again' });
  });

  it('makes a file others may read its owner\'s alone when it opens, and writes 0600 over a stale temp file', async () => {
    const dir = tempDir();
    const path = join(dir, 'secrets.json');
    writeFileSync(path, '{"mail:work": "hunter2"}\n');
    chmodSync(path, 0o644);
    const secrets = fileSecrets(dir);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // A temp file a crash left behind keeps its mode when opened again: the write sets it.
    writeFileSync(`${path}.${process.pid}.tmp`, 'old');
    chmodSync(`${path}.${process.pid}.tmp`, 0o666);
    await secrets.set('mail:home', 's3cret');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await secrets.get('mail:work')).toBe('hunter2');
  });

  it('a listener that throws does not undo the change or stop the others', async () => {
    const secrets = fileSecrets(tempDir());
    const told: string[] = [];
    secrets.onChange(() => {
      throw new Error('boom');
    });
    secrets.onChange((name) => told.push(name));
    await secrets.set('mail:work', 'hunter2');
    expect(told).toEqual(['mail:work']);
    expect(await secrets.get('mail:work')).toBe('hunter2');
  });
});
