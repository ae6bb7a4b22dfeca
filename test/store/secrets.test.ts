// The headless host's secret store: <data dir>/secrets.json, mode 0600; a damaged file is named
// in the error, its text (secrets) never is.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
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
});
