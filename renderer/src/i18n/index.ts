// i18next set-up: the two UI languages, how the first one is chosen, and how a choice is applied everywhere.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'fairlead.language';

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language of the first paint, before the workspace preference has loaded: a remembered choice, else the
 * browser's first language (any Chinese → zh-CN, anything else → English), else Chinese.
 */
export function detectInitialLanguage(saved: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  const first = browserLanguages[0];
  if (!first) return 'zh-CN';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function readSavedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Remembers the choice for the next first paint; storage may be unavailable (private mode), which is fine. */
export function rememberLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Nothing to do: the workspace preference still remembers it.
  }
}

/** Keeps what is outside React in step with the language: dayjs and the page's lang attribute. */
export function applyLanguageSideEffects(language: Language): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function createI18n(language?: Language): I18n {
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  const lng = language ?? detectInitialLanguage(readSavedLanguage(), browser);
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'zh-CN',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyLanguageSideEffects(lng);
  instance.on('languageChanged', (next) => {
    if (isLanguage(next)) applyLanguageSideEffects(next);
  });
  return instance;
}

export function currentLanguage(instance: I18n): Language {
  return isLanguage(instance.language) ? instance.language : 'zh-CN';
}
