// Settings in the app: electron-store, a thin skin over the same conf the host uses, behind the
// one settings handle (zod-validated, migrated, a corrupt file moved aside and reported).
import ElectronStore from 'electron-store';
import { openSettingsStore, type SettingsHandle } from '../store/settingsStore.ts';

export function openAppSettings(dir: string): SettingsHandle {
  return openSettingsStore({ dir, openConf: ({ cwd, configName }) => new ElectronStore<Record<string, unknown>>({ cwd, name: configName, clearInvalidConfig: false }) });
}
