import type { Language, LocalizedText } from '../../../../core/localized.ts';
import type { FigureUnit, ShownFigure, ShownRow, ShownTable } from '../../../../core/reports/shape.ts';
import type { ChartSeries, ChartValue } from '../../ui/charts/palette.ts';

/** "<5" for a count under the threshold, "×" for one hidden so that a small one cannot be recovered. */
export function figureText(figure: ShownFigure, unit: FigureUnit, threshold: number, language: Language): string {
  if (figure.value === null) return figure.hidden === 'primary' ? `<${threshold}` : '×';
  return new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    maximumFractionDigits: unit === 'hours' ? 1 : 0,
  }).format(figure.value);
}

export const localized = (value: LocalizedText, language: Language) => value[language];

/**
 * What a chart draws of a table: its rows and columns without the totals (a total drawn beside its
 * parts would dwarf them). A table with a single column keeps it, whatever its key.
 */
export function chartParts(table: ShownTable) {
  const rows = table.rows.filter((row) => !row.isTotal);
  const columnIndexes = table.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => table.columns.length === 1 || column.key !== 'total');
  const totalIndex = table.columns.findIndex((column) => column.key === 'total');
  return { rows, columnIndexes, totalIndex };
}

export function chartValue(
  row: ShownRow,
  index: number,
  table: ShownTable,
  threshold: number,
  language: Language,
): ChartValue {
  const figure = row.cells[index];
  if (!figure) return { value: 0, text: '0' };
  return { value: figure.value, text: figureText(figure, table.unit, threshold, language) };
}

/**
 * Bars: one category per row, one series per column. Lines: rows are the positions along the
 * axis (months), columns the series (contacts, people…).
 */
export function seriesByColumn(table: ShownTable, threshold: number, language: Language): ChartSeries[] {
  const { rows, columnIndexes } = chartParts(table);
  return columnIndexes.map(({ column, index }) => ({
    label: localized(column.label, language),
    values: rows.map((row) => chartValue(row, index, table, threshold, language)),
  }));
}

/** A month row ("2026-03-01") as a short axis label, "mars 26"; any other row by its label. */
export function axisLabel(row: ShownRow, language: Language): string {
  if (!/^\d{4}-\d{2}-01$/.test(row.key)) return localized(row.label, language);
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(`${row.key}T12:00:00Z`));
}
