import type { Language } from '../../../core/localized.ts';

const locales: Record<Language, string> = { fr: 'fr-CA', en: 'en-CA' };

/** How much of a day to write: "25 nov." (short), "25 nov. 2026" (medium), "25 novembre 2026" (long), "25 novembre" (dayMonth), "mercredi 25 novembre 2026" (full). */
const dayStyles = {
  short: { day: 'numeric', month: 'short' },
  medium: { dateStyle: 'medium' },
  long: { dateStyle: 'long' },
  dayMonth: { day: 'numeric', month: 'long' },
  full: { dateStyle: 'full' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DayStyle = keyof typeof dayStyles;

const bareDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * A calendar day ("2026-11-25") or an instant, in words. A bare day is read at noon UTC and written
 * in UTC, so no time zone moves it to the day before (the Americas) or after (Asia).
 */
export function formatDay(value: string, language: Language, style: DayStyle = 'medium'): string {
  const day = bareDay(value);
  return new Intl.DateTimeFormat(locales[language], {
    ...dayStyles[style],
    ...(day ? { timeZone: 'UTC' } : {}),
  }).format(new Date(day ? `${value}T12:00:00Z` : value));
}

/** "25 nov. 2026, 14 h 05": an instant, in the device's time zone. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "14 h 05": the time of an instant, in the device's time zone. */
export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** "14 h 05" for earlier today, "24 nov., 14 h 05" for another day: when something happened, in a list. */
export function formatWhen(iso: string, language: Language): string {
  const date = new Date(iso);
  if (date.toDateString() === new Date().toDateString()) return formatTime(iso, language);
  return new Intl.DateTimeFormat(locales[language], {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
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
