/** The console's languages: French by default (its users' own), English on request. */
export type Language = 'fr' | 'en';

export const LANGUAGES: readonly Language[] = ['fr', 'en'];

/** The Intl locale of a language: France's conventions in French, British ones (day first, 24 h) in English. */
export const intlLocale = (language: Language): string => (language === 'fr' ? 'fr-FR' : 'en-GB');

/** Every time is shown as the French user lives it, whatever the browser's own zone. */
export const PARIS = 'Europe/Paris';
