import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';
import { importMessages } from '../files/i18n-import';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'desk.language';

/** The language is a preference of this machine, read before the database opens so nothing flickers. */
export function storedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return (languages as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'zh-CN';
}

export function setLanguage(lang: Language): Promise<unknown> {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  return i18n.changeLanguage(lang);
}

/** Each feature folder owns its keys in `i18n.ts` ({ zh, en }), found here under the folder's name. */
const features = import.meta.glob<{ zh: object; en: object }>('../features/*/i18n.ts', { eager: true });
const featureKeys = (lang: 'zh' | 'en') =>
  Object.fromEntries(Object.entries(features).map(([path, mod]) => [path.split('/').at(-2)!, mod[lang]]));

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: { ...zh, ...importMessages.zh, ...featureKeys('zh') } },
    'en-US': { translation: { ...en, ...importMessages.en, ...featureKeys('en') } },
  },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
