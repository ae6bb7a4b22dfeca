// Migrations of the settings file, by version: entry n turns a version-n object into version n+1.
// Version 0 is a file without `_version` (written before versioning); its keys are already the
// version-1 keys, so it only gains the version marker. New entries go at the end, never edited.
export type SettingsMigration = (raw: Record<string, unknown>) => Record<string, unknown>;

export const settingsMigrations: readonly SettingsMigration[] = [(raw) => raw];
