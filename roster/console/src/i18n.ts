import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, zh } from './messages';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'console.language';

export function storedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(storageKey);
  return (languages as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'zh-CN';
}

export function setLanguage(lang: Language): Promise<unknown> {
  globalThis.localStorage?.setItem(storageKey, lang);
  document.documentElement.lang = lang;
  return i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zh }, 'en-US': { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
