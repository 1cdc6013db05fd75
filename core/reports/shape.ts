import type { LocalizedText } from '../localized.ts';

/**
 * The shape of a computed report, between the engine that counts (server/modules/reports) and what
 * decides what may leave the server (core/reports/suppression.ts) and the files it is exported to
 * (CSV, XLSX, PDF). Kept free of Zod so the web app can import it.
 *
 * A report is a list of tables of figures. Every figure has an id that is unique in the report:
 * the same count shown in two tables (the year's encounters as the total of "by identification"
 * and of "by channel") carries the same id, so it is suppressed alike everywhere, and an attacker
 * cannot read in one table what another hides.
 */

/** The period kinds a template may use. Québec's fiscal year starts on 1 April; Brussels reports by calendar year. */
export const periodTypes = ['fiscalYear', 'calendarYear', 'quarter', 'month', 'custom'] as const;
export type PeriodType = (typeof periodTypes)[number];

/** What a count counts. Only counts of people or of their contacts are protected by suppression. */
export const figureUnits = [
  'encounters',
  'people',
  'referrals',
  'attendances',
  'sessions',
  'projects',
  'hours',
] as const;
export type FigureUnit = (typeof figureUnits)[number];
export const protectedUnits: readonly FigureUnit[] = ['encounters', 'people', 'referrals', 'attendances'];

/** One number of the report. `id` is unique in the report; equal ids are the same figure. */
export type Figure = { id: string; value: number };

export type ReportColumn = { key: string; label: LocalizedText };
export type ReportRow = { key: string; label: LocalizedText; cells: Figure[]; isTotal?: boolean };

export type ReportTable = {
  /** Stable within a template, e.g. `encountersByIdentification`. */
  id: string;
  title: LocalizedText;
  /** What the reader must know to read it right ("a contact may carry several needs"). */
  note?: LocalizedText;
  unit: FigureUnit;
  /** The columns of every row, in order; `cells[i]` of a row belongs to `columns[i]`. */
  columns: ReportColumn[];
  rows: ReportRow[];
  /** How the table is best drawn; the numbers are always one click away. */
  chart: 'bars' | 'stackedBars' | 'line' | 'none';
};

/**
 * A sum that holds between figures: `total = parts[0] + parts[1] + …`. These are the equations an
 * attacker would use to recover a hidden cell by subtraction; secondary suppression reads them.
 * Only exact, additive relations belong here (not "needs", where a contact carries several).
 */
export type Relation = { total: string; parts: string[] };

export type ReportPeriod = { type: PeriodType; from: string; to: string; label: LocalizedText };

export type ComputedReport = {
  templateId: string;
  title: LocalizedText;
  period: ReportPeriod;
  /** The teams and neighbourhoods counted, by name: the report's scope as the reader sees it. */
  scope: LocalizedText;
  generatedAt: string;
  /** Cells under this many are suppressed; at least 5 (configurable upward only). */
  threshold: number;
  tables: ReportTable[];
  relations: Relation[];
};

/**
 * A figure as it may leave the server: its value, or hidden.
 * `primary`: under the threshold, shown as "<5". `secondary`: hidden so that a primary one
 * cannot be recovered by subtraction from totals, shown as "×" with a legend.
 */
export type ShownFigure = { id: string; value: number } | { id: string; value: null; hidden: 'primary' | 'secondary' };

export type ShownRow = Omit<ReportRow, 'cells'> & { cells: ShownFigure[] };
export type ShownTable = Omit<ReportTable, 'rows'> & { rows: ShownRow[] };
export type ShownReport = Omit<ComputedReport, 'tables' | 'relations'> & { tables: ShownTable[] };
