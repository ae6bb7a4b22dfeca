// Settings on disk: conf in the host, electron-store (a thin skin over conf) in the app. The
// zod schema in core validates every read and write. A file that cannot be read is never
// silently reset: it is moved aside with a timestamp, what is still valid is kept, defaults
// fill the rest, and `recovered` tells the caller so the user can be told.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { applySettingsPatch, defaultSettings, describeIssues, settingsSchema, type Settings } from '../core/settings.ts';
import { settingsMigrations, type SettingsMigration } from './settingsMigrations.ts';

/** What conf and electron-store both are, as far as Lull needs. */
export interface ConfLike {
  store: Record<string, unknown>;
}

export interface OpenConfOptions {
  cwd: string;
  configName: string;
}

export type SettingsPatchResult = { ok: true; settings: Settings } | { ok: false; issues: { field: string; message: string }[] };

export interface SettingsHandle {
  get(): Settings;
  patch(patch: unknown): SettingsPatchResult;
  onChange(listener: (settings: Settings) => void): () => void;
  /** Set when the file on disk was unreadable or invalid and was moved aside. */
  readonly recovered: { movedTo: string; reason: string } | null;
  readonly path: string;
}

export interface SettingsStoreOptions {
  dir: string;
  openConf: (opts: OpenConfOptions) => ConfLike;
  migrations?: readonly SettingsMigration[];
  now?: () => Date;
}

const CONFIG_NAME = 'config';
const VERSION_KEY = '_version';

export function openSettingsStore(opts: SettingsStoreOptions): SettingsHandle {
  const path = join(opts.dir, `${CONFIG_NAME}.json`);
  const migrations = opts.migrations ?? settingsMigrations;
  const read = readSettingsFile(path, migrations);
  let recovered: SettingsHandle['recovered'] = null;
  if (read.problem) {
    const movedTo = join(opts.dir, `${CONFIG_NAME}.corrupt-${(opts.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(path, movedTo);
    recovered = { movedTo, reason: read.problem };
  }
  const conf = opts.openConf({ cwd: opts.dir, configName: CONFIG_NAME });
  let current = read.settings;
  const save = (settings: Settings): void => {
    conf.store = { [VERSION_KEY]: migrations.length, ...settings };
  };
  // Written at start only when it is missing, was migrated or was moved aside: not on every start.
  if (!read.current) save(current);
  const listeners = new Set<(s: Settings) => void>();

  return {
    path,
    recovered,
    get: () => current,
    patch(patch) {
      const result = applySettingsPatch(current, patch);
      if (!result.success) return { ok: false, issues: describeIssues(result.error) };
      current = result.data;
      save(current);
      for (const l of listeners) l(current);
      return { ok: true, settings: current };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reads, migrates and validates the file. Keeps each top-level key that is still valid. */
function readSettingsFile(path: string, migrations: readonly SettingsMigration[]): { settings: Settings; problem: string | null; current: boolean } {
  const unusable = (problem: string | null) => ({ settings: defaultSettings(), problem, current: false });
  // A fresh install: nothing is held by schedule until the user chooses from when (PRODUCT.md §2).
  // A file that exists, even one moved aside as unreadable, belongs to a user who already chose.
  if (!existsSync(path)) return { settings: { ...defaultSettings(), scheduleFrom: null }, problem: null, current: false };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return unusable('the settings file is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return unusable('the settings file does not hold an object');
  const { [VERSION_KEY]: fileVersion, ...values } = raw as Record<string, unknown>;
  const from = typeof fileVersion === 'number' && Number.isInteger(fileVersion) ? fileVersion : 0;
  let migrated: Record<string, unknown> = values;
  try {
    for (let v = from; v < migrations.length; v++) migrated = migrations[v]?.(migrated) ?? migrated;
  } catch {
    return unusable(`the settings file could not be migrated from version ${from}`);
  }
  const whole = settingsSchema.safeParse(migrated);
  if (whole.success) return { settings: whole.data, problem: null, current: from === migrations.length };
  // Salvage: drop the invalid keys, keep the rest.
  const bad = new Set(whole.error.issues.map((i) => String(i.path[0] ?? '')));
  const kept = Object.fromEntries(Object.entries(migrated).filter(([k]) => !bad.has(k) && k in settingsSchema.shape));
  const salvaged = settingsSchema.safeParse(kept);
  const fields = [...bad].filter(Boolean).join(', ') || 'the file';
  return { settings: salvaged.success ? salvaged.data : defaultSettings(), problem: `invalid settings: ${fields}`, current: false };
}
