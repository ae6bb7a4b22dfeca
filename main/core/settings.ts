// The settings schema: one zod schema validates the settings file, the API's PATCH and IPC.
// Roles only pre-fill values (PRODUCT.md §2).
import { z } from 'zod';
import { mailAccountsSchema } from './mailSettings.ts';
import { languageSettingSchema, reviewAtSchema, storageModeSchema, type languageSchema } from './vocabulary.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
const weekday = z.number().int().min(1).max(7);
const weekdays = z.array(weekday).max(7).transform((d) => [...new Set(d)].sort((a, b) => a - b));

export const scheduleRuleSchema = z
  .object({ weekdays: weekdays.pipe(z.array(weekday).min(1)), start: hhmm, end: hhmm })
  .refine((r) => r.start !== r.end, { message: 'start and end must differ', path: ['end'] });

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** `scheduleFrom` for a user who chose before this setting existed: every scheduled block runs. */
export const SCHEDULE_ALWAYS = '1970-01-01T00:00:00.000Z';

export const roles = ['maker', 'manager', 'customer-facing', 'new-hire'] as const;
export type Role = (typeof roles)[number];

export const settingsSchema = z.object({
  role: z.enum(roles).nullable().default(null),
  /**
   * Consent before holding (PRODUCT.md §2): scheduled blocks that start at or after this instant
   * run by themselves; null means the user has not chosen yet, and no scheduled block starts. A
   * fresh install writes null; a file without the key (an older version, a test) has chosen long ago.
   */
  scheduleFrom: z.iso.datetime({ offset: true }).nullable().default(SCHEDULE_ALWAYS),
  batchTimes: z
    .array(hhmm)
    .max(48)
    .default(['09:00', '12:00', '15:00', '18:00'])
    .transform((t) => [...new Set(t)].sort()),
  batchWeekdays: weekdays.default([1, 2, 3, 4, 5]),
  releaseAtBlockEnd: z.boolean().default(true),
  maxHoldMinutes: z.number().int().min(5).max(24 * 60).default(180),
  schedule: z.array(scheduleRuleSchema).max(50).default([{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' }]),
  timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone').default(systemTimeZone),
  breakthrough: z
    .object({
      urgent: z.boolean().default(true),
      vipSenders: z.array(z.string().trim().min(1).max(256)).max(500).default([]),
      keywords: z.array(z.string().trim().min(1).max(64)).max(200).default([]),
      allowedApps: z.array(z.string().trim().min(1).max(128)).max(200).default([]),
      /** Sources whose items never break through by any rule, urgent included (a CI feed, a chatty bot). */
      neverBreaksThrough: z.array(z.string().trim().min(1).max(64)).max(200).default([]),
      /**
       * The `attempts`-th separate attempt (a moment of arrivals, PRODUCT.md §2) from one sender
       * within `minutes` breaks through; 0 turns repeat escalation off.
       */
      repeatEscalation: z
        .object({ attempts: z.number().int().min(0).max(20).default(3), minutes: z.number().int().min(1).max(240).default(30) })
        .strict()
        .default({ attempts: 3, minutes: 30 }),
    })
    .default({ urgent: true, vipSenders: [], keywords: [], allowedApps: [], neverBreaksThrough: [], repeatEscalation: { attempts: 3, minutes: 30 } }),
  refocusMinutes: z.number().int().min(0).max(120).default(23),
  reviewAt: reviewAtSchema.default('block-end'),
  storage: z
    .object({ mode: storageModeSchema.default('full'), retentionDays: z.number().int().min(1).max(3650).default(30) })
    .default({ mode: 'full', retentionDays: 30 }),
  sources: z
    // compat: the doors for the tools people already have (ntfy, Gotify, Apprise, Alertmanager webhooks).
    .object({
      httpInbox: z.boolean().default(true),
      compat: z.boolean().default(true),
      desktopBus: z.boolean().default(true),
      mail: mailAccountsSchema.default([]),
    })
    .default({ httpInbox: true, compat: true, desktopBus: true, mail: [] }),
  api: z
    .object({
      port: z.number().int().min(0).max(65535).default(47615),
      rateLimitPerMinute: z.number().int().min(0).max(10_000_000).default(60_000),
    })
    .default({ port: 47615, rateLimitPerMinute: 60_000 }),
  launchAtLogin: z.boolean().default(false),
  shortcut: z.string().max(64).default('CommandOrControl+Alt+F'),
  language: languageSettingSchema.default('system'),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const defaultSettings = (): Settings => settingsSchema.parse({});

/** A partial update: every top-level key optional, nested objects replaced whole after a merge. */
export const settingsPatchSchema = z.object(settingsSchema.shape).partial().strict();

/** Deep-merges a validated patch into current settings, then validates the whole. */
export function applySettingsPatch(current: Settings, patch: unknown): z.ZodSafeParseResult<Settings> {
  const shallow = settingsPatchSchema.safeParse(patch);
  if (!shallow.success) return shallow as z.ZodSafeParseResult<Settings>;
  const raw = patch as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(raw)) {
    const prev = (current as Record<string, unknown>)[key];
    merged[key] = isPlainObject(prev) && isPlainObject(value) ? deepMerge(prev, value) : value;
  }
  return settingsSchema.safeParse(merged);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isPlainObject(a[k]) && isPlainObject(v) ? deepMerge(a[k], v) : v;
  return out;
}

/** The language Lull's own words are in: the setting, or the system's locale when it says "system". */
export function languageFor(setting: Settings['language'], locale: string): z.output<typeof languageSchema> {
  if (setting !== 'system') return setting;
  return locale.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

/** What each role pre-fills (PRODUCT.md §2). */
export function rolePreset(role: Role): Partial<SettingsInput> {
  const weekdays = [1, 2, 3, 4, 5];
  switch (role) {
    case 'maker':
      return { role, batchTimes: ['09:00', '12:00', '15:00', '18:00'], schedule: [{ weekdays, start: '09:00', end: '12:00' }, { weekdays, start: '13:00', end: '16:00' }] };
    case 'manager':
      return { role, batchTimes: ['09:00', '11:00', '13:00', '15:00', '17:00'], schedule: [{ weekdays, start: '09:00', end: '10:30' }, { weekdays, start: '14:00', end: '15:30' }] };
    case 'customer-facing':
      return { role, batchTimes: ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00'], schedule: [{ weekdays, start: '09:00', end: '11:00' }], maxHoldMinutes: 60 };
    case 'new-hire':
      return { role, batchTimes: ['09:00', '11:00', '13:00', '15:00', '17:00'], schedule: [{ weekdays, start: '10:00', end: '11:00' }], maxHoldMinutes: 120 };
  }
}

/** Names each invalid field of a failed parse: `breakthrough.keywords.0: Too small`; an unknown key by its own name. */
export function describeIssues(error: z.ZodError): { field: string; message: string }[] {
  const name = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(root)';
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => ({ field: name([...i.path, k]), message: 'unknown field' })) : [{ field: name(i.path), message: i.message }],
  );
}
