import { useTranslation } from 'react-i18next';
import type { Language } from '../format/locale';

/** The language in force, re-rendering its users when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'fr';
}
