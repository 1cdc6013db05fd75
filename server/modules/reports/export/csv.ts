import { stringify } from 'csv-stringify/sync';
import type { Language } from '../../../../core/localized.ts';
import type { ShownReport } from '../../../../core/reports/shape.ts';
import { cellValue, exportWords, legendLines, reportFacts } from './words.ts';

/**
 * A report as one CSV in long format (table, row, column, value), which any spreadsheet can pivot:
 * first the report's facts and legend as rows of the same four columns, then every cell. UTF-8 with
 * a byte-order mark so Excel reads the accents right.
 */
export function renderReportCsv(shown: ShownReport, language: Language): Buffer {
  const w = exportWords[language];
  const records: (string | number)[][] = [[w.table, w.row, w.column, w.value]];
  for (const fact of reportFacts(shown, language)) records.push([w.report, fact.label, '', fact.value]);
  for (const line of legendLines(shown, language)) records.push([w.legend, line.mark, '', line.meaning]);
  for (const table of shown.tables) {
    for (const row of table.rows) {
      row.cells.forEach((figure, index) => {
        const column = table.columns[index];
        records.push([
          table.title[language],
          row.label[language],
          column ? column.label[language] : '',
          cellValue(figure, shown.threshold),
        ]);
      });
    }
  }
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(stringify(records), 'utf8')]);
}
