import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, languages } from '../../../core/localized.ts';
import { type FieldTerms, type VocabularyPreset, vocabularyTerms } from '../../../core/vocabulary.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

const storageKey = 'relais.language';

function storedLanguage(): Language | null {
  const value = localStorage.getItem(storageKey);
  return languages.includes(value as Language) ? (value as Language) : null;
}

/**
 * Each field word comes in two forms: `terms.worker` mid-sentence and `terms.Worker` at the start
 * of a sentence or a title. The base resources name the words through `$t(terms.…)` only.
 */
function withCapitals(terms: FieldTerms): Record<string, string> {
  const all: Record<string, string> = { ...terms };
  for (const [key, word] of Object.entries(terms)) {
    all[key.charAt(0).toUpperCase() + key.slice(1)] = word.charAt(0).toUpperCase() + word.slice(1);
  }
  return all;
}

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: storedLanguage() ?? 'fr',
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
  // Re-render when a vocabulary preset is laid over the base words.
  react: { bindI18nStore: 'added' },
});
applyVocabulary('sherbrooke');
document.documentElement.lang = i18n.language;

/** Lays the deployment's field words over the base French and English resources. */
export function applyVocabulary(preset: VocabularyPreset): void {
  for (const language of languages) {
    i18n.addResourceBundle(
      language,
      'translation',
      { terms: withCapitals(vocabularyTerms[preset][language]) },
      true,
      true,
    );
  }
}

/** Before sign-in the choice lives on this device; after, the account keeps it (PATCH /auth/me). */
export function chooseLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The device's own choice wins over the deployment's default until someone signs in. */
export function applyDefaultLanguage(defaultLanguage: Language): void {
  if (!storedLanguage() && i18n.language !== defaultLanguage) {
    void i18n.changeLanguage(defaultLanguage);
    document.documentElement.lang = defaultLanguage;
  }
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'fr';
}
