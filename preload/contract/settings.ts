// The settings domain: core's settings schema travels as is (PRODUCT.md §4 names the keys), with
// one addition in what is shown: a mail account whose password is in the secret store says
// `password: "stored"` (service/settingsView.ts decorates). A password itself never travels here.
// A patch is checked with core's patch schema but carried as sent: parsing would fill every
// default in, and the core merges what the user changed, not a whole default object.
import { z } from 'zod';
import { mailAccountSchema } from '../../main/core/mailSettings.ts';
import { settingsPatchSchema, settingsSchema, type Settings } from '../../main/core/settings.ts';
import { none } from './common.ts';

/** What a mail account shows when its password is in the secret store. */
export const STORED_PASSWORD = 'stored' as const;

const storedPassword = z
  .literal(STORED_PASSWORD, { error: 'a password is never kept in the settings: store it with PUT /v1/secrets/mail:<name> or `lull secret set mail:<name>`' })
  .optional();

export const mailAccountViewSchema = mailAccountSchema.safeExtend({ password: storedPassword });

/** The settings as every transport shows them: mail accounts may say `password: "stored"`. */
export const settingsViewSchema = settingsSchema.extend({
  sources: settingsSchema.shape.sources.unwrap().extend({ mail: z.array(mailAccountViewSchema).max(20).default([]) }),
});

/** A patch as a window or a script may send it: the mail accounts it was shown, `password: "stored"` included. */
export const settingsViewPatchSchema = z.object(settingsViewSchema.shape).partial().strict();

export type SettingsView = z.output<typeof settingsViewSchema>;
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
export type SettingsViewPatch = z.input<typeof settingsViewPatchSchema>;

/** `value` without the `password: "stored"` of its mail accounts (anything else is left for the schemas to refuse). */
export function withoutStoredPasswords<T>(value: T): T {
  if (typeof value !== 'object' || value === null || !('sources' in value)) return value;
  const sources = value.sources;
  if (typeof sources !== 'object' || sources === null || !('mail' in sources) || !Array.isArray(sources.mail)) return value;
  const mail = sources.mail.map((account: unknown) => {
    if (typeof account !== 'object' || account === null || !('password' in account) || account.password !== STORED_PASSWORD) return account;
    const { password: _stored, ...rest } = account;
    return rest;
  });
  return { ...value, sources: { ...sources, mail } };
}

export const settingsPatchRequest = z
  .custom<SettingsViewPatch>()
  .superRefine((value, ctx) => {
    // The view's patch schema first: a password other than "stored" is named with where to put it.
    const shown = settingsViewPatchSchema.safeParse(value);
    const checked = shown.success ? settingsPatchSchema.safeParse(withoutStoredPasswords(value)) : shown;
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue });
  })
  .transform((value) => withoutStoredPasswords(value) as SettingsPatch);

export const settingsInvokes = {
  'settings:get': { request: none, result: settingsViewSchema },
  'settings:patch': { request: settingsPatchRequest, result: settingsViewSchema },
} as const;

export const settingsEvents = {
  'settings:changed': settingsViewSchema,
  /** The settings file was unreadable: it was moved aside (here) and defaults loaded. */
  'settings:reset': z.object({ movedTo: z.string().nullable() }),
} as const;

export type { Settings };
