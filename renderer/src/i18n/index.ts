// One i18next instance per window over Lull's shared words (main/i18n), with English and Swedish
// bundled (no loading at run time); views read the "windows" namespace by default.
import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { createI18n as createShared } from '../../../main/i18n/index.ts';
import type { Language } from './language.ts';

export function createI18n(language: Language): i18n {
  return createShared(language, 'windows', [initReactI18next]);
}
