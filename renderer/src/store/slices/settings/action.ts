// Saving settings: a patch is checked in place with the same schema main uses (so a refusal
// names the field and the reason at once), then sent; main's answer is the new truth.
import { LullApiError } from '../../../../../preload/bridge.ts';
import { applySettingsPatch, describeIssues, rolePreset, type Role, type Settings } from '../../../../../main/core/settings.ts';
import { settingsViewSchema, withoutStoredPasswords, type SettingsViewPatch } from '../../../../../preload/contract.ts';
import { errorMessage, type SliceCreator } from '../../slice.ts';
import type { SessionSlice } from '../session/action.ts';
import { initialSettingsState, type SettingsState } from './initialState.ts';

export interface SettingsAction {
  loadSettings(): Promise<void>;
  /** Settings as main announced them (an event or an answer); unreadable ones are ignored. */
  receiveSettings(value: unknown): void;
  /** Checks and saves a partial update (mail accounts as shown, `password: "stored"` included); true when main took it. */
  saveSettings(patch: SettingsViewPatch): Promise<boolean>;
  /** The first run's role: its preset, and scheduled blocks wait for the choice of when to start. */
  chooseRole(role: Role): Promise<boolean>;
  settingsWereReset(movedTo: string | null): void;
  dismissReset(): void;
}

export type SettingsSlice = SettingsState & SettingsAction;

/** Every error path that a patch of `keys` could have produced, so a fixed field clears its old error. */
const touches = (path: string, keys: readonly string[]): boolean => keys.some((k) => path === k || path.startsWith(`${k}.`));

export const createSettingsSlice: SliceCreator<SettingsSlice, Pick<SessionSlice, 'notify'>> = (set, get, { api }) => ({
  ...initialSettingsState,
  async loadSettings() {
    get().receiveSettings(await api.getSettings());
  },
  receiveSettings(value) {
    const parsed = settingsViewSchema.safeParse(value);
    if (parsed.success) set({ settings: parsed.data });
  },
  async saveSettings(patch) {
    const current = get().settings;
    if (!current) return false;
    const keys = Object.keys(patch);
    const kept = Object.fromEntries(Object.entries(get().fieldErrors).filter(([path]) => !touches(path, keys)));
    // `password: "stored"` is what main shows, not a setting: checked without it, as main does.
    const checked = applySettingsPatch(withoutStoredPasswords(current), withoutStoredPasswords(patch));
    if (!checked.success) {
      set({ fieldErrors: { ...kept, ...Object.fromEntries(describeIssues(checked.error).map((i) => [i.field, i.message])) } });
      return false;
    }
    set({ fieldErrors: kept, savingFields: [...get().savingFields, ...keys] });
    try {
      get().receiveSettings(await api.patchSettings(patch));
      return true;
    } catch (error) {
      if (error instanceof LullApiError && error.fields?.length) {
        set({ fieldErrors: { ...get().fieldErrors, ...Object.fromEntries(error.fields.map((f) => [f.field, f.message])) } });
      } else {
        get().notify({ kind: 'error', message: errorMessage(error) });
      }
      return false;
    } finally {
      set({ savingFields: get().savingFields.filter((k) => !keys.includes(k)) });
    }
  },
  chooseRole: (role) => get().saveSettings({ ...rolePreset(role), scheduleFrom: null }),
  settingsWereReset: (movedTo) => set({ resetMovedTo: movedTo }),
  dismissReset: () => set({ resetMovedTo: undefined }),
});

export type { Settings };
