// The settings domain: core's settings schema travels as is (PRODUCT.md §4 names the keys).
// A patch is checked with core's patch schema but carried as sent: parsing would fill every
// default in, and the core merges what the user changed, not a whole default object.
import { z } from 'zod';
import { settingsPatchSchema, settingsSchema, type Settings } from '../../main/core/settings.ts';
import { none } from './common.ts';

export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const settingsPatchRequest = z.custom<SettingsPatch>().superRefine((value, ctx) => {
  const checked = settingsPatchSchema.safeParse(value);
  if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue });
});

export const settingsInvokes = {
  'settings:get': { request: none, result: settingsSchema },
  'settings:patch': { request: settingsPatchRequest, result: settingsSchema },
} as const;

export const settingsEvents = {
  'settings:changed': settingsSchema,
  /** The settings file was unreadable: it was moved aside (here) and defaults loaded. */
  'settings:reset': z.object({ movedTo: z.string().nullable() }),
} as const;

export type { Settings };
