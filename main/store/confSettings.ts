// Settings for the headless host: conf, the engine under electron-store, without Electron.
import Conf from 'conf';
import { openSettingsStore, type SettingsHandle } from './settingsStore.ts';

export function openConfSettings(dir: string): SettingsHandle {
  return openSettingsStore({
    dir,
    openConf: ({ cwd, configName }) => new Conf<Record<string, unknown>>({ cwd, configName, clearInvalidConfig: false, configFileMode: 0o600 }),
  });
}
