import type { ComputedReport, ShownFigure, ShownReport } from './shape.ts';
import { protectedUnits } from './shape.ts';

/**
 * What of a computed report may leave the server: every protected count under the threshold is
 * hidden ("<5"). Secondary suppression (hiding what would let a hidden cell be recovered from
 * totals) is added in this same function by the suppression work of issue 8.
 */
export function showReport(report: ComputedReport): ShownReport {
  const { relations: _relations, tables, ...rest } = report;
  return {
    ...rest,
    tables: tables.map((table) => ({
      ...table,
      rows: table.rows.map((row) => ({
        ...row,
        cells: row.cells.map(
          (figure): ShownFigure =>
            protectedUnits.includes(table.unit) && figure.value < report.threshold
              ? { id: figure.id, value: null, hidden: 'primary' }
              : figure,
        ),
      })),
    })),
  };
}
