// Follows the language setting (or the system's) for strings, dates and numbers, and the
// settings' time zone for every time shown. Sets the page's lang so screen readers speak right.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { resolveLanguage } from '../i18n/language.ts';
import { settingsSelectors } from '../store/slices/settings/selectors.ts';
import { useCommon } from '../store/context.tsx';
import type { TimeContext } from '../format/time.ts';

const LocaleContext = createContext<TimeContext>({ locale: 'en', timeZone: 'UTC' });

export function LocaleProvider({ i18n, systemLanguages, children }: { i18n: i18n; systemLanguages: readonly string[]; children: ReactNode }) {
  const setting = useCommon(settingsSelectors.language);
  const timeZone = useCommon(settingsSelectors.timeZone);
  const { language, locale } = resolveLanguage(setting, systemLanguages);
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  const value = useMemo(() => ({ locale, timeZone }), [locale, timeZone]);
  return (
    <I18nextProvider i18n={i18n}>
      <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>
    </I18nextProvider>
  );
}

export const useLocale = (): TimeContext => useContext(LocaleContext);
