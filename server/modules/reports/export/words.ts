import type { Language } from '../../../../core/localized.ts';
import type { ShownFigure, ShownReport } from '../../../../core/reports/shape.ts';

/** What every export of a report says around its tables, in the reader's language. */
export const exportWords = {
  fr: {
    report: 'Rapport',
    title: 'Titre',
    period: 'Période',
    scope: 'Périmètre',
    threshold: 'Seuil de protection',
    generatedAt: 'Produit le',
    legend: 'Légende',
    table: 'Tableau',
    row: 'Ligne',
    column: 'Colonne',
    value: 'Valeur',
    countsOnly: 'Ce rapport ne contient que des nombres : aucun nom, aucune donnée sur une personne.',
    primary: (threshold: number) =>
      `moins de ${threshold} (de 0 à ${threshold - 1}) : caché pour que personne ne puisse être reconnu.`,
    secondary: (threshold: number) =>
      `caché pour qu’on ne puisse pas retrouver un « <${threshold} » en soustrayant des totaux (ce nombre-là n’est pas petit).`,
  },
  en: {
    report: 'Report',
    title: 'Title',
    period: 'Period',
    scope: 'Scope',
    threshold: 'Protection threshold',
    generatedAt: 'Generated on',
    legend: 'Legend',
    table: 'Table',
    row: 'Row',
    column: 'Column',
    value: 'Value',
    countsOnly: 'This report holds counts only: no names, no data about any person.',
    primary: (threshold: number) =>
      `fewer than ${threshold} (0 to ${threshold - 1}): hidden so that nobody can be recognised.`,
    secondary: (threshold: number) =>
      `hidden so that a "<${threshold}" cannot be recovered by subtracting from totals (this number is not small).`,
  },
} satisfies Record<Language, unknown>;

/** The mark of a primary cell: "<5" at the default threshold. */
export const primaryMark = (threshold: number) => `<${threshold}`;
export const secondaryMark = '×';

/** A cell as the reader sees it: its number, "<5" or "×". */
export function cellValue(figure: ShownFigure, threshold: number): number | string {
  if (figure.value !== null) return figure.value;
  return figure.hidden === 'primary' ? primaryMark(threshold) : secondaryMark;
}

/** The lines every export opens with: title, period, scope, threshold, generation date; then the legend. */
export function reportFacts(shown: ShownReport, language: Language): { label: string; value: string }[] {
  const w = exportWords[language];
  return [
    { label: w.title, value: shown.title[language] },
    { label: w.period, value: `${shown.period.label[language]} (${shown.period.from} – ${shown.period.to})` },
    { label: w.scope, value: shown.scope[language] },
    { label: w.threshold, value: String(shown.threshold) },
    { label: w.generatedAt, value: formatDateTime(shown.generatedAt, language) },
  ];
}

export function legendLines(shown: ShownReport, language: Language): { mark: string; meaning: string }[] {
  const w = exportWords[language];
  return [
    { mark: primaryMark(shown.threshold), meaning: w.primary(shown.threshold) },
    { mark: secondaryMark, meaning: w.secondary(shown.threshold) },
  ];
}

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  })
    .format(new Date(iso))
    .concat(' UTC');
}

/** A file name without accents or spaces: `rapport-d-activite-2026-01-01-2026-12-31.csv`. */
export function reportFileName(shown: ShownReport, language: Language, extension: string): string {
  const slug = shown.title[language]
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'rapport'}-${shown.period.from}-${shown.period.to}.${extension}`;
}
