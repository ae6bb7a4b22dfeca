// Lull's words, one i18next resource set per language (en.ts, sv.ts), namespaced by surface:
// windows (the renderer), tray, digest, cli, printable (the PDF report), and estimate and units
// that several share. Pure: the renderer, the shell, the host and the CLI all import it.
import i18next, { type i18n, type InitOptions, type Module, type TFunction } from 'i18next';
import { en, type Strings } from './en.ts';
import { sv } from './sv.ts';
import type { DurationUnits } from './time.ts';

export type Language = 'en' | 'sv';
export type Namespace = keyof Strings;

export const resources = { en, sv } as const;

function options(language: Language, defaultNS: Namespace): InitOptions {
  return {
    resources,
    ns: Object.keys(en),
    defaultNS,
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}

/** A fresh instance (a window's own, to switch language in place), with plugins such as react-i18next. */
export function createI18n(language: Language, defaultNS: Namespace, plugins: readonly Module[] = []): i18n {
  const instance = i18next.createInstance();
  for (const plugin of plugins) instance.use(plugin);
  void instance.init(options(language, defaultNS));
  return instance;
}

// The shell, digests and CLI only read: one shared instance, created on first use.
let shared: i18n | undefined;

/** `t` for one language and surface: translator('sv', 'tray')('held', { n: 3 }) → "3 väntar". */
export function translator(language: Language, ns: Namespace): TFunction {
  shared ??= createI18n('en', 'windows');
  return shared.getFixedT(language, ns);
}

/** The terse unit words of a language ("h"/"tim", "min") for duration(). */
export function terseUnits(language: Language): DurationUnits {
  return resources[language].units;
}

export { en, sv, type Strings };

/** A BCP 47 tag from a POSIX locale ("sv_SE.UTF-8@euro" → "sv-SE"); undefined for C, POSIX or nonsense. */
export function localeFromPosix(value: string | undefined): string | undefined {
  const tag = value?.split(/[.@]/)[0]?.replace(/_/g, '-');
  if (!tag || tag === 'C' || tag === 'POSIX') return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
