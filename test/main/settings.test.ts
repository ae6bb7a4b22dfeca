import { settingsMigrations } from '../../main/store/settingsMigrations.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../main/core/settings.ts';
import { openAppSettings } from '../../main/app/settings.ts';
import { electron } from '../support/electronStub.ts';
import { useTempDirs } from '../support/tempDir.ts';

vi.mock('electron', () => import('../support/electronStub.ts'));

describe('settings in the app (the real electron-store over the Electron stub)', () => {
  const tempDirs = useTempDirs();
  // electron-store asks Electron for userData even when given its own folder.
  const tempDir = (): string => {
    const dir = tempDirs();
    electron.state.paths = { userData: dir };
    return dir;
  };

  it('keeps a valid change across a restart, in the file the host reads too', () => {
    const dir = tempDir();
    expect(openAppSettings(dir).patch({ batchTimes: ['10:30'], language: 'sv' }).ok).toBe(true);
    expect(openAppSettings(dir).get()).toMatchObject({ batchTimes: ['10:30'], language: 'sv' });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toMatchObject({ _version: settingsMigrations.length, batchTimes: ['10:30'] });
  });

  it('moves a corrupt file aside, loads defaults and says so', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{ "batchTimes": [ "09:00" ');
    const settings = openAppSettings(dir);
    expect(settings.get()).toEqual(defaultSettings());
    expect(settings.recovered?.reason).toBe('the settings file is not valid JSON');
    expect(readFileSync(settings.recovered!.movedTo, 'utf8')).toBe('{ "batchTimes": [ "09:00" ');
  });
});
