import type { Language } from '../../../../core/localized.ts';

const locales: Record<Language, string> = { fr: 'fr-CA', en: 'en-CA' };

export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'long' }).format(
    new Date(`${day}T12:00:00`),
  );
}

export function formatWhen(iso: string, language: Language): string {
  const date = new Date(iso);
  const today = new Date();
  const sameDay = date.toDateString() === today.toDateString();
  return sameDay
    ? formatTime(iso, language)
    : new Intl.DateTimeFormat(locales[language], {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(date);
}
