// Named reads of the settings: the refusal reasons that belong to one field.
import { systemTimeZone } from '../../../../../main/core/settings.ts';
import type { SettingsState } from './initialState.ts';

export const settingsSelectors = {
  timeZone: (s: SettingsState): string => s.settings?.timeZone ?? systemTimeZone(),
  language: (s: SettingsState) => s.settings?.language ?? 'system',
  /** The reason a field (or anything under it) was refused, or undefined. */
  errorFor: (path: string) => (s: SettingsState): string | undefined => {
    for (const [field, message] of Object.entries(s.fieldErrors)) if (field === path || field.startsWith(`${path}.`)) return message;
    return undefined;
  },
  /** The reason for `path` itself, not for anything under it. */
  exactErrorFor: (path: string) => (s: SettingsState): string | undefined => s.fieldErrors[path],
};
