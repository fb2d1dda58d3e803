import i18next from 'i18next';
import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';
import type { Language } from './types';

export { LANGUAGES } from './types';
export type { Language, Messages } from './types';

export const resources = { ko: { translation: ko }, en: { translation: en } } as const;

/** A fresh i18next instance (one per app, one per test), Korean unless told otherwise. */
export function createI18n(language: Language = 'ko'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'ko',
    supportedLngs: ['ko', 'en'],
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'ko' || value === 'en';
}
