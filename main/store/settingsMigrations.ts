// Migrations of the settings file, by version: entry n turns a version-n object into version n+1.
// Version 0 is a file without `_version` (written before versioning); its keys are already the
// version-1 keys, so it only gains the version marker. New entries go at the end, never edited.
export type SettingsMigration = (raw: Record<string, unknown>) => Record<string, unknown>;

export const settingsMigrations: readonly SettingsMigration[] = [
  (raw) => raw,
  // 1 → 2: repeat escalation counts attempts, not messages (`count` → `attempts`). The old default
  // (3 messages in 10 minutes) becomes the new one (3 attempts in 30 minutes); a value the user set
  // keeps its numbers. A file written by an older version has already chosen when to hold.
  (raw) => {
    const out = { ...raw };
    const breakthrough = raw.breakthrough;
    if (isObject(breakthrough) && isObject(breakthrough.repeatEscalation)) {
      const { count, ...rest } = breakthrough.repeatEscalation;
      const repeat = count === 3 && rest.minutes === 10 ? { attempts: 3, minutes: 30 } : count === undefined ? rest : { attempts: count, ...rest };
      out.breakthrough = { ...breakthrough, repeatEscalation: repeat };
    }
    return out;
  },
];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
