import type { ComputedReport, FigureUnit, Relation, ReportTable, ShownReport } from './shape.ts';
import { protectedUnits } from './shape.ts';

/**
 * Hand-built reports for the suppression and export tests: a one-dimension table (parts and their
 * total) and a two-dimension one (rows × columns with row, column and grand totals), with the
 * relations a reports engine would declare for them.
 */
const text = (label: string) => ({ fr: label, en: label });

export function oneWayTable(
  id: string,
  parts: number[],
  options: { unit?: FigureUnit; totalId?: string; total?: number } = {},
): { table: ReportTable; relations: Relation[] } {
  const totalId = options.totalId ?? `${id}.total`;
  const total = options.total ?? parts.reduce((sum, value) => sum + value, 0);
  const rows = parts.map((value, index) => ({
    key: `r${index}`,
    label: text(`${id} ${index + 1}`),
    cells: [{ id: `${id}.r${index}`, value }],
  }));
  rows.push({ key: 'total', label: text('Total'), cells: [{ id: totalId, value: total }], isTotal: true } as never);
  return {
    table: {
      id,
      title: text(id),
      unit: options.unit ?? 'people',
      columns: [{ key: 'count', label: text('Count') }],
      rows,
      chart: 'bars',
    },
    relations: [{ total: totalId, parts: parts.map((_, index) => `${id}.r${index}`) }],
  };
}

/** `cells[r][c]`; the last column holds row totals, the last row column totals and the grand total. */
export function twoWayTable(
  id: string,
  cells: number[][],
  options: { grandTotalId?: string } = {},
): { table: ReportTable; relations: Relation[] } {
  const columnCount = cells[0]?.length ?? 0;
  const cellId = (row: number, column: number) => `${id}.r${row}c${column}`;
  const rowTotalId = (row: number) => `${id}.r${row}.total`;
  const columnTotalId = (column: number) => `${id}.c${column}.total`;
  const grandTotalId = options.grandTotalId ?? `${id}.total`;
  const columnTotals = Array.from({ length: columnCount }, (_, column) =>
    cells.reduce((sum, row) => sum + (row[column] as number), 0),
  );
  const grandTotal = columnTotals.reduce((sum, value) => sum + value, 0);
  const rows = cells.map((row, rowIndex) => ({
    key: `r${rowIndex}`,
    label: text(`${id} row ${rowIndex + 1}`),
    cells: [
      ...row.map((value, column) => ({ id: cellId(rowIndex, column), value })),
      { id: rowTotalId(rowIndex), value: row.reduce((sum, value) => sum + value, 0) },
    ],
  }));
  const totalRow = {
    key: 'total',
    label: text('Total'),
    isTotal: true,
    cells: [
      ...columnTotals.map((value, column) => ({ id: columnTotalId(column), value })),
      { id: grandTotalId, value: grandTotal },
    ],
  };
  const columnIndexes = Array.from({ length: columnCount }, (_, column) => column);
  const relations: Relation[] = [
    ...cells.map((row, rowIndex) => ({
      total: rowTotalId(rowIndex),
      parts: row.map((_, column) => cellId(rowIndex, column)),
    })),
    ...columnIndexes.map((column) => ({
      total: columnTotalId(column),
      parts: cells.map((_, rowIndex) => cellId(rowIndex, column)),
    })),
    { total: grandTotalId, parts: cells.map((_, rowIndex) => rowTotalId(rowIndex)) },
    { total: grandTotalId, parts: columnIndexes.map(columnTotalId) },
  ];
  return {
    table: {
      id,
      title: text(id),
      unit: 'encounters',
      columns: [
        ...columnIndexes.map((column) => ({ key: `c${column}`, label: text(`Col ${column + 1}`) })),
        { key: 'total', label: text('Total') },
      ],
      rows: [...rows, totalRow],
      chart: 'stackedBars',
    },
    relations,
  };
}

export function reportOf(parts: { table: ReportTable; relations: Relation[] }[], threshold = 5): ComputedReport {
  return {
    templateId: 'test',
    title: { fr: 'Rapport d’essai', en: 'Test report' },
    period: { type: 'calendarYear', from: '2026-01-01', to: '2026-12-31', label: { fr: '2026', en: '2026' } },
    scope: { fr: 'Équipe Nord', en: 'North team' },
    generatedAt: '2026-11-26T01:00:00.000Z',
    threshold,
    tables: parts.map((part) => part.table),
    relations: parts.flatMap((part) => part.relations),
  };
}

/** Every figure's true value, by id. */
export function truthOf(report: ComputedReport): Map<string, number> {
  return new Map(
    report.tables.flatMap((table) => table.rows.flatMap((row) => row.cells.map((cell) => [cell.id, cell.value]))),
  );
}

/** How each figure id is shown: its number, or "primary" / "secondary". */
export function shownById(shown: ShownReport): Map<string, number | 'primary' | 'secondary'> {
  return new Map(
    shown.tables.flatMap((table) =>
      table.rows.flatMap((row) =>
        row.cells.map((cell) => [cell.id, cell.value === null ? cell.hidden : cell.value] as const),
      ),
    ),
  );
}

/** The primary pass alone: what showReport returned before secondary suppression. */
export function primaryOnly(report: ComputedReport): ShownReport {
  const { relations: _relations, ...rest } = report;
  return {
    ...rest,
    tables: report.tables.map((table) => ({
      ...table,
      rows: table.rows.map((row) => ({
        ...row,
        cells: row.cells.map((cell) =>
          protectedUnits.includes(table.unit) && cell.value < report.threshold
            ? { id: cell.id, value: null, hidden: 'primary' as const }
            : cell,
        ),
      })),
    })),
  };
}
