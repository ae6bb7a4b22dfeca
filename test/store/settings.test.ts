import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, SCHEDULE_ALWAYS } from '../../main/core/settings.ts';
import { settingsMigrations } from '../../main/store/settingsMigrations.ts';
import { openConfSettings } from '../../main/store/confSettings.ts';
import { openSettingsStore } from '../../main/store/settingsStore.ts';
import { openLull } from '../../main/service/lull.ts';
import Conf from 'conf';
import { useTempDirs } from '../support/tempDir.ts';
import { FakeClock } from '../support/fakeClock.ts';

describe('settings store (conf)', () => {
  const tempDir = useTempDirs();

  it('starts from defaults, writes a versioned file and keeps a valid patch across reopen', () => {
    const dir = tempDir();
    const s = openConfSettings(dir);
    // A fresh install has not chosen when scheduled blocks may hold: written as null, kept on reopen.
    expect(s.get()).toEqual({ ...defaultSettings(), scheduleFrom: null });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).scheduleFrom).toBeNull();
    expect(s.recovered).toBeNull();
    const result = s.patch({ batchTimes: ['16:00', '10:00'], breakthrough: { keywords: ['outage'] } });
    expect(result.ok).toBe(true);
    const again = openConfSettings(dir);
    expect(again.get().batchTimes).toEqual(['10:00', '16:00']);
    expect(again.get().breakthrough).toMatchObject({ keywords: ['outage'], urgent: true });
    expect(again.get().scheduleFrom).toBeNull();
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))._version).toBe(settingsMigrations.length);
  });

  it('refuses an invalid patch naming each field, and changes nothing', () => {
    const s = openConfSettings(tempDir());
    const heard: unknown[] = [];
    s.onChange((x) => heard.push(x));
    const result = s.patch({ batchTimes: ['25:00'], maxHoldMinutes: -1, nonsense: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field).sort()).toEqual(['batchTimes.0', 'maxHoldMinutes', 'nonsense']);
    expect(s.get()).toEqual({ ...defaultSettings(), scheduleFrom: null });
    expect(heard).toEqual([]);
  });

  it('moves a corrupt file aside with a timestamp, keeps it, and loads defaults', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{"batchTimes": ["09:00",');
    const s = openSettingsStore({ dir, openConf: (o) => new Conf({ ...o, clearInvalidConfig: false }), now: () => new Date('2026-11-24T10:00:00Z') });
    expect(s.get()).toEqual(defaultSettings());
    expect(s.recovered?.movedTo).toBe(join(dir, 'config.corrupt-2026-11-24T10-00-00-000Z.json'));
    expect(readFileSync(s.recovered!.movedTo, 'utf8')).toBe('{"batchTimes": ["09:00",');
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).batchTimes).toEqual(defaultSettings().batchTimes);
  });

  it('keeps what is still valid in a file with invalid values, and keeps the original aside', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ _version: 1, batchTimes: ['10:00'], maxHoldMinutes: 'lots' }));
    const s = openConfSettings(dir);
    expect(s.get().batchTimes).toEqual(['10:00']);
    expect(s.get().maxHoldMinutes).toBe(180);
    expect(s.recovered?.reason).toBe('invalid settings: maxHoldMinutes');
    expect(readdirSync(dir).filter((f) => f.startsWith('config.corrupt-'))).toHaveLength(1);
  });

  it('runs migrations from the file’s version onwards', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ _version: 1, holdLimit: 90 }));
    const s = openSettingsStore({
      dir,
      openConf: (o) => new Conf(o),
      migrations: [(raw) => raw, ({ holdLimit, ...rest }) => ({ ...rest, maxHoldMinutes: holdLimit })],
    });
    expect(s.get().maxHoldMinutes).toBe(90);
    expect(s.recovered).toBeNull();
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toMatchObject({ _version: 2, maxHoldMinutes: 90 });
  });

  it('reports a reset as an event, and loses no held item', async () => {
    const dir = tempDir();
    const clock = new FakeClock('2026-12-05T12:00:00Z'); // a Saturday: no scheduled block is running
    const first = openLull({ dataDir: dir, openSettings: openConfSettings, clock });
    first.engine.startFocus({ minutes: 30 });
    await first.engine.ingest({ source: 's', title: 'kept' });
    await first.close();
    writeFileSync(join(dir, 'config.json'), '\u0000garbage');
    const lull = openLull({ dataDir: dir, openSettings: openConfSettings, clock });
    const events: { channel: string; payload: unknown }[] = [];
    lull.onContractEvent((channel, payload) => events.push({ channel, payload }));
    await Promise.resolve();
    expect(events).toEqual([{ channel: 'settings:reset', payload: { movedTo: lull.settings.recovered?.movedTo } }]);
    expect(existsSync(lull.settings.recovered!.movedTo)).toBe(true);
    expect(lull.engine.status().held).toBe(1);
    await lull.close();
  });
});

describe('settings migrations', () => {
  const tempDir = useTempDirs();
  const write = (dir: string, raw: object): void => writeFileSync(join(dir, 'config.json'), JSON.stringify(raw));

  it('turns repeat escalation by messages into attempts: the old default becomes the new one', () => {
    const dir = tempDir();
    write(dir, { _version: 1, breakthrough: { keywords: ['outage'], repeatEscalation: { count: 3, minutes: 10 } } });
    const s = openConfSettings(dir);
    expect(s.recovered).toBeNull();
    expect(s.get().breakthrough.repeatEscalation).toEqual({ attempts: 3, minutes: 30 });
    expect(s.get().breakthrough.keywords).toEqual(['outage']);
    const onDisk = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    expect(onDisk._version).toBe(settingsMigrations.length);
    expect(onDisk.breakthrough.repeatEscalation).toEqual({ attempts: 3, minutes: 30 });
  });

  it('keeps the numbers a user chose, and an older file has already chosen when to hold', () => {
    const dir = tempDir();
    write(dir, { breakthrough: { repeatEscalation: { count: 5, minutes: 20 } } });
    const s = openConfSettings(dir);
    expect(s.get().breakthrough.repeatEscalation).toEqual({ attempts: 5, minutes: 20 });
    expect(s.get().scheduleFrom).toBe(SCHEDULE_ALWAYS);
  });
});
