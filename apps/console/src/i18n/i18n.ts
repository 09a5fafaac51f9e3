import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../format/locale';
import { labels as deviceLabels } from '../devices/labels';
import { roleLabels } from '../roles/role-labels';
import { commonLabels } from './common.labels';

const STORAGE_KEY = 'connected-health.console.language';

/** The language chosen before, else French. */
export function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'fr';
}

/**
 * i18next with every label bundled (no fetch): `common` for what screens share, `devices` for what the vendor's and the
 * evaluator's screens say of a device, one namespace per role (its folder's labels.ts). Synchronous, so a
 * first render and a unit test both have their labels.
 */
export function initI18n(language: Language = initialLanguage()) {
  const resources = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, { common: commonLabels[lang], devices: deviceLabels[lang], ...Object.fromEntries(Object.entries(roleLabels).map(([ns, labels]) => [ns, labels[lang]])) }]),
  );
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'fr',
    defaultNS: 'common',
    ns: ['common', 'devices', ...Object.keys(roleLabels)],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** The language in force, as the formatters take it. */
export const currentLanguage = (): Language => (i18next.language === 'en' ? 'en' : 'fr');
