// The settings as Lull shows them (PRODUCT.md §4, §6): a mail account whose password is in the
// secret store says `password: "stored"`. The one place that decorates; the settings file and
// core's schema never hold a password, and what is shown never holds one either.
import type { Settings } from '../core/settings.ts';
import { STORED_PASSWORD, type SettingsView } from '../../preload/contract.ts';

/** The name a mail account's password is stored under. */
export const mailSecretName = (account: string): string => `mail:${account}`;

export function settingsView(settings: Settings, hasSecret: (name: string) => boolean): SettingsView {
  const mail = settings.sources.mail.map((account): SettingsView['sources']['mail'][number] => (hasSecret(mailSecretName(account.name)) ? { ...account, password: STORED_PASSWORD } : account));
  return { ...settings, sources: { ...settings.sources, mail } };
}
