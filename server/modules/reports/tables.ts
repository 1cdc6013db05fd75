import type { LocalizedText } from '../../../core/localized.ts';
import type { Indicator } from '../../../core/reports/catalogue.ts';
import { totalLabel } from '../../../core/reports/labels.ts';
import type { Figure, Relation, ReportColumn, ReportTable } from '../../../core/reports/shape.ts';

/**
 * Turns counts into a report table with report-wide figure ids and its additive relations.
 * A figure's id says what it counts, never where it is shown: `encounters|identification=anonymous|all`,
 * `encounters|total|team:<id>`. The same count in two tables (the period's encounters as the total
 * of "by identification" and of "by channel") therefore has one id, and is suppressed alike.
 */
export type Built = { table: ReportTable; relations: Relation[] };
export type RowSpec = { key: string; label: LocalizedText };

export const allColumn = 'all';

export type TableSpec = {
  indicator: Indicator;
  /** Stable table id within the template; the indicator code by default. */
  id?: string;
  title?: LocalizedText;
  note?: LocalizedText;
  chart: ReportTable['chart'];
  /** What the figures count, the first part of their ids (`encounters`, `people`, `referrals`…). */
  family: string;
  /** The dimension of the rows (`identification`, `need`, `month`…). */
  dimension: string;
  /** The group columns (teams, neighbourhoods, missions); empty for none. `all` is added. */
  groups: ReportColumn[];
  rows: RowSpec[];
  value: (column: string, row: string) => number;
  /** The total row: its value by column; omitted when the table has none. */
  total?: (column: string) => number;
  /** The rows add up to the total (single-valued dimension, exact counts). */
  rowsAdd: boolean;
  /** The group columns add up to `all` (each record in exactly one group). */
  columnsAdd: boolean;
};

export const figureId = (family: string, dimension: string, row: string, column: string) =>
  dimension === 'total' ? `${family}|total|${column}` : `${family}|${dimension}=${row}|${column}`;

export function buildTable(spec: TableSpec): Built {
  const columns: ReportColumn[] = [...spec.groups, { key: allColumn, label: totalLabel }];
  const keys = columns.map((column) => column.key);
  const cell = (dimension: string, row: string, column: string, value: number): Figure => ({
    id: figureId(spec.family, dimension, row, column),
    value,
  });
  const rows = spec.rows.map((row) => ({
    key: row.key,
    label: row.label,
    cells: keys.map((column) => cell(spec.dimension, row.key, column, spec.value(column, row.key))),
  }));
  const total = spec.total;
  const totalRow = total
    ? [
        {
          key: 'total',
          label: totalLabel,
          isTotal: true,
          cells: keys.map((column) => cell('total', '', column, total(column))),
        },
      ]
    : [];
  const relations: Relation[] = [];
  // A table with no rows relates nothing: "total = (nothing)" would only tell that the total is 0,
  // and no other figure could hide it (secondary suppression would give up and hide everything).
  if (spec.rowsAdd && total && spec.rows.length > 0)
    for (const column of keys)
      relations.push({
        total: figureId(spec.family, 'total', '', column),
        parts: spec.rows.map((row) => figureId(spec.family, spec.dimension, row.key, column)),
      });
  if (spec.columnsAdd && spec.groups.length > 1)
    for (const row of [...spec.rows, ...(total ? [{ key: '' }] : [])]) {
      const dimension = row.key === '' && total ? 'total' : spec.dimension;
      relations.push({
        total: figureId(spec.family, dimension, row.key, allColumn),
        parts: spec.groups.map((group) => figureId(spec.family, dimension, row.key, group.key)),
      });
    }
  return {
    table: {
      id: spec.id ?? spec.indicator.code,
      title: spec.title ?? spec.indicator.title,
      ...((spec.note ?? spec.indicator.note) ? { note: spec.note ?? spec.indicator.note } : {}),
      unit: spec.indicator.unit,
      columns,
      rows: [...rows, ...totalRow],
      chart: spec.chart,
    },
    relations,
  };
}

/** The rows of a dimension: the fixed list first (in its order), then what else was counted, biggest first. */
export function rowsFor(
  present: Map<string, number>,
  label: (value: string) => LocalizedText,
  fixed: readonly string[] = [],
): RowSpec[] {
  const others = [...present.entries()]
    .filter(([value, n]) => !fixed.includes(value) && n !== 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value]) => value);
  return [...fixed, ...others].map((key) => ({ key, label: label(key) }));
}
