import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ShownReport } from '../../../../core/reports/shape.ts';
import { showReport } from '../../../../core/reports/suppression.ts';
import { oneWayTable, reportOf, twoWayTable } from '../../../../core/reports/test-reports.ts';
import { pdfText } from '../../../test-support/pdf-text.ts';
import { renderReport } from './index.ts';
import { columnLetters } from './xlsx.ts';

const computed = reportOf([
  twoWayTable('grid', [
    [3, 12, 18],
    [9, 26, 11],
    [14, 7, 31],
  ]),
  oneWayTable('channel', [1, 44, 17, 23]),
  oneWayTable('hours', [2, 38], { unit: 'hours' }),
]);
const shown = showReport(computed);

/** Every cell as the reader should see it: [table title, row label, column label, text]. */
function expectedCells(
  report: ShownReport,
): { table: string; row: string; column: string; text: string; hidden: boolean }[] {
  return report.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      row.cells.map((cell, index) => ({
        table: table.title.fr,
        row: row.label.fr,
        column: table.columns[index]?.label.fr ?? '',
        text: cell.value !== null ? String(cell.value) : cell.hidden === 'primary' ? '<5' : '×',
        hidden: cell.value === null,
      })),
    ),
  );
}

describe('report exports', () => {
  const cells = expectedCells(shown);

  it('has something to hide, both ways', () => {
    expect(cells.some((cell) => cell.text === '<5')).toBe(true);
    expect(cells.some((cell) => cell.text === '×')).toBe(true);
    // Hours are not people: 2 hours stay 2.
    expect(cells.find((cell) => cell.table === 'hours' && cell.row === 'hours 1')?.text).toBe('2');
  });

  it('writes a CSV in long format with a BOM, the facts, the legend and every cell', async () => {
    const rendered = await renderReport(shown, 'csv', 'fr');
    expect(rendered.contentType).toBe('text/csv; charset=utf-8');
    expect(rendered.fileName).toBe('rapport-d-essai-2026-01-01-2026-12-31.csv');
    expect([...rendered.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(rendered.body.subarray(3).toString('utf8'));
    expect(records[0]).toEqual(['Tableau', 'Ligne', 'Colonne', 'Valeur']);
    const facts = records.filter((record) => record[0] === 'Rapport').map((record) => record[1]);
    expect(facts).toEqual(['Titre', 'Période', 'Périmètre', 'Seuil de protection', 'Produit le']);
    expect(records.filter((record) => record[0] === 'Légende').map((record) => record[1])).toEqual(['<5', '×']);
    const body = records.filter((record) => !['Tableau', 'Rapport', 'Légende'].includes(record[0] as string));
    expect(body).toEqual(cells.map((cell) => [cell.table, cell.row, cell.column, cell.text]));
  });

  it('speaks English when asked', async () => {
    const csv = (await renderReport(shown, 'csv', 'en')).body.toString('utf8');
    expect(csv).toContain('Table,Row,Column,Value');
    expect(csv).toContain('Protection threshold');
    expect(csv).toContain('cannot be recovered by subtracting');
  });

  it('writes an XLSX whose sheets hold numbers as numbers and hidden cells as text', async () => {
    const rendered = await renderReport(shown, 'xlsx', 'fr');
    expect(rendered.fileName.endsWith('.xlsx')).toBe(true);
    const files = unzipSync(new Uint8Array(rendered.body));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet4.xml',
      ]),
    );
    expect(strFromU8(files['xl/workbook.xml'] as Uint8Array)).toContain('name="Rapport"');
    const front = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(front).toContain('Seuil de protection');
    expect(front).toContain('<t xml:space="preserve">&lt;5</t>');
    shown.tables.forEach((table, tableIndex) => {
      const sheet = strFromU8(files[`xl/worksheets/sheet${tableIndex + 2}.xml`] as Uint8Array);
      table.rows.forEach((row, rowIndex) => {
        row.cells.forEach((cell, column) => {
          const reference = `${columnLetters(column + 1)}${rowIndex + 3}`;
          const match = sheet.match(new RegExp(`<c r="${reference}"[^>]*>(.*?)</c>`));
          const expected =
            cell.value !== null
              ? `<v>${cell.value}</v>`
              : `<is><t xml:space="preserve">${cell.hidden === 'primary' ? '&lt;5' : '×'}</t></is>`;
          expect(match?.[1], `${table.id} ${reference}`).toBe(expected);
        });
      });
    });
  });

  it('writes a PDF with the facts, the legend and every cell in its row', async () => {
    const rendered = await renderReport(shown, 'pdf', 'fr', { compress: false });
    expect(rendered.contentType).toBe('application/pdf');
    const lines = pdfText(rendered.body).split('\n');
    const text = lines.join('\n');
    expect(text).toContain('Seuil de protection : 5');
    expect(text).toContain('Périmètre : Équipe Nord');
    expect(text).toContain('×  caché pour qu’on ne puisse pas retrouver');
    for (const table of shown.tables) {
      for (const row of table.rows) {
        const texts = expectedCells({ ...shown, tables: [{ ...table, rows: [row] }] }).map((cell) => cell.text);
        const found = lines.some(
          (line, index) => line === row.label.fr && texts.every((value, offset) => lines[index + 1 + offset] === value),
        );
        expect(found, `${table.id} ${row.key}: ${texts.join(' ')}`).toBe(true);
      }
    }
  });
});
