// The settings as main holds them, and what the window shows about edits in flight: the reason
// each refused field was refused, and which fields are being saved.
import type { SettingsView } from '../../../../../preload/contract.ts';

export interface SettingsState {
  /** As main shows them: a mail account whose password is in the secret store says `password: "stored"`. */
  settings: SettingsView | null;
  /** Field path (as `describeIssues` names it, `batchTimes.2`) → why it was refused. */
  fieldErrors: Record<string, string>;
  savingFields: readonly string[];
  /** The settings file was corrupt: it was moved here and defaults loaded (PRODUCT.md §6). */
  resetMovedTo: string | null | undefined;
}

export const initialSettingsState: SettingsState = { settings: null, fieldErrors: {}, savingFields: [], resetMovedTo: undefined };
