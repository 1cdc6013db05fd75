import { parse } from 'csv-parse/sync';
import { type LocalizedText, text } from '../../../core/localized.ts';

/**
 * Indicator tables as publishers and teams keep them (issue 6): one row per sector, indicator and
 * year — `sector, indicator, year, value, source` — with French or English headers, comma or
 * semicolon separators, and decimal commas. The whole table is refused when a row is wrong.
 */
export type IndicatorRow = {
  sectorCode: string;
  indicator: string;
  year: number;
  value: number;
  source: string | null;
};
export type RowProblem = { row: number | null; column: string | null; message: LocalizedText };
export type ReadIndicators = { ok: true; rows: IndicatorRow[] } | { ok: false; problems: RowProblem[] };

const headers: Record<keyof IndicatorRow, string[]> = {
  sectorCode: ['sector', 'secteur', 'sector_code', 'code_secteur', 'code', 'cd_sector', 'dauid'],
  indicator: ['indicator', 'indicateur', 'variable'],
  year: ['year', 'annee', 'année'],
  value: ['value', 'valeur'],
  source: ['source'],
};

const fold = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * A cell as a number: "12 345,6" and "0,18" in a semicolon table (the French spreadsheet habit,
 * where the comma is the decimal mark), "12,345.6" in a comma table; null when it is not one.
 */
export function numberOf(raw: string, decimalComma: boolean): number | null {
  let value = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (value === '') return null;
  if (decimalComma) value = value.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  else value = value.replace(/,/g, '');
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

const MAX_PROBLEMS = 20;

/** Reads the table; `knownSectors` (codes already imported) lets a row name an unknown sector. */
export function readIndicators(content: string, knownSectors?: Set<string>): ReadIndicators {
  const firstLine = content.slice(0, content.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(content.replace(/^\uFEFF/, ''), { delimiter, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    const message = (error as Error).message;
    return {
      ok: false,
      problems: [
        {
          row: null,
          column: null,
          message: text(`Fichier CSV illisible : ${message}`, `Unreadable CSV file: ${message}`),
        },
      ],
    };
  }
  const [head, ...body] = records;
  if (!head || body.length === 0)
    return {
      ok: false,
      problems: [{ row: null, column: null, message: text('Le tableau est vide.', 'The table is empty.') }],
    };
  const folded = head.map(fold);
  const position = Object.fromEntries(
    (Object.keys(headers) as (keyof IndicatorRow)[]).map((key) => [
      key,
      folded.findIndex((h) => headers[key].includes(h)),
    ]),
  ) as Record<keyof IndicatorRow, number>;
  const missing = (['sectorCode', 'indicator', 'year', 'value'] as const).filter((key) => position[key] < 0);
  if (missing.length)
    return {
      ok: false,
      problems: missing.map((key) => ({
        row: null,
        column: headers[key][0]!,
        message: text(
          `Colonne manquante : ${headers[key][1] ?? headers[key][0]} (en-têtes lus : ${head.join(', ')}).`,
          `Missing column: ${headers[key][0]} (headers read: ${head.join(', ')}).`,
        ),
      })),
    };
  const problems: RowProblem[] = [];
  const rows: IndicatorRow[] = [];
  const seen = new Set<string>();
  for (const [index, record] of body.entries()) {
    if (problems.length >= MAX_PROBLEMS) break;
    const row = index + 2; // as a spreadsheet numbers it, the header being row 1
    const cell = (key: keyof IndicatorRow) => (position[key] >= 0 ? (record[position[key]] ?? '').trim() : '');
    const sectorCode = cell('sectorCode');
    const indicator = cell('indicator');
    const year = Number(cell('year'));
    const value = numberOf(cell('value'), delimiter === ';');
    const fail = (column: string, fr: string, en: string) => problems.push({ row, column, message: text(fr, en) });
    if (!sectorCode) {
      fail('sector', 'Code de secteur vide.', 'Empty sector code.');
      continue;
    }
    if (knownSectors && !knownSectors.has(sectorCode)) {
      fail('sector', `Secteur inconnu : ${sectorCode}.`, `Unknown sector: ${sectorCode}.`);
      continue;
    }
    if (!indicator) {
      fail('indicator', 'Indicateur vide.', 'Empty indicator.');
      continue;
    }
    if (!Number.isInteger(year) || year < 1900 || year > 2100) {
      fail('year', `Année invalide : ${cell('year')}.`, `Invalid year: ${cell('year')}.`);
      continue;
    }
    if (value === null) {
      fail('value', `Valeur non numérique : ${cell('value')}.`, `Not a number: ${cell('value')}.`);
      continue;
    }
    const key = `${sectorCode}\u0000${indicator}\u0000${year}`;
    if (seen.has(key)) {
      fail(
        'indicator',
        `${indicator} ${year} est donné deux fois pour ${sectorCode}.`,
        `${indicator} ${year} is given twice for ${sectorCode}.`,
      );
      continue;
    }
    seen.add(key);
    rows.push({ sectorCode, indicator, year, value, source: cell('source') || null });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
