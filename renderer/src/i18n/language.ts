// Which language and locale a window uses: the setting, or the system's language when it says
// "system" (core's languageFor, as the tray and the digests choose). Dates and numbers follow
// the locale (and so its 12/24-hour habit).
import { languageFor } from '../../../main/core/settings.ts';
import type { Language } from '../../../main/i18n/index.ts';

export type { Language };

export function resolveLanguage(setting: 'system' | Language, system: readonly string[]): { language: Language; locale: string } {
  const systemLocale = system[0] ?? 'en';
  const wanted = languageFor(setting, systemLocale);
  // Keep the system's regional habits when they are of the same language (en-GB: 24-hour).
  const locale = systemLocale.toLowerCase().startsWith(wanted) ? systemLocale : wanted === 'sv' ? 'sv-SE' : 'en';
  return { language: wanted, locale };
}
