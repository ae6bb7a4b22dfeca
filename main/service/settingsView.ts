// The settings as Lull shows them (PRODUCT.md §4, §6): a mail account whose password is in the
// secret store says `password: "stored"`. The one place that decorates; the settings file and
// core's schema never hold a password, and what is shown never holds one either.
import { mailName } from '../core/mailSettings.ts';
import type { Settings } from '../core/settings.ts';
import { STORED_PASSWORD, type SettingsView } from '../../preload/contract.ts';


export function settingsView(settings: Settings, hasSecret: (name: string) => boolean): SettingsView {
  const mail = settings.sources.mail.map((account): SettingsView['sources']['mail'][number] => (hasSecret(mailName(account.name)) ? { ...account, password: STORED_PASSWORD } : account));
  return { ...settings, sources: { ...settings.sources, mail } };
}
