import type { Language } from '../../../core/localized.ts';

const locales: Record<Language, string> = { fr: 'fr-CA', en: 'en-CA' };

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A code from a name: "Centre-Sud Est" → "centre-sud-est", as the code field expects. */
export function codeFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
