import type { Language } from '../../../../core/localized.ts';

/** A calendar day as people write it ("18 nov. 2026"), the same in every time zone. */
export function formatDay(iso: string, language: Language, style: 'medium' | 'full' = 'medium'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-CA' : 'fr-CA', {
    dateStyle: style,
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
}
