import { strToU8, zipSync } from 'fflate';
import type { Language } from '../../../../core/localized.ts';
import type { ShownReport, ShownTable } from '../../../../core/reports/shape.ts';
import { cellValue, exportWords, legendLines, reportFacts } from './words.ts';

/**
 * A report as an Excel workbook, written by hand (SpreadsheetML, zipped with fflate) rather than
 * with another dependency: a first sheet with the report's facts and legend, then one sheet per
 * table. Counts are numbers, "<5" and "×" are text, strings are inline. Style 1 is bold.
 */
type Cell = string | number | null;
type SheetRow = { cells: Cell[]; bold?: boolean };

export function renderReportXlsx(shown: ShownReport, language: Language): Buffer {
  const w = exportWords[language];
  const sheets: { name: string; rows: SheetRow[] }[] = [
    {
      name: w.report,
      rows: [
        { cells: [shown.title[language]], bold: true },
        ...reportFacts(shown, language).map((fact) => ({ cells: [fact.label, fact.value] })),
        { cells: [] },
        { cells: [w.legend], bold: true },
        ...legendLines(shown, language).map((line) => ({ cells: [line.mark, line.meaning] })),
        { cells: [exportWords[language].countsOnly] },
      ],
    },
    ...shown.tables.map((table) => ({
      name: table.title[language],
      rows: tableRows(table, shown.threshold, language),
    })),
  ];
  const names = uniqueSheetNames(sheets.map((sheet) => sheet.name));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
          .map(
            (_, index) =>
              `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('')}</Types>`,
      ),
    ),
    '_rels/.rels': strToU8(
      xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    ),
    'xl/workbook.xml': strToU8(
      xml(
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
          .map((name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
          .join('')}</sheets></workbook>`,
      ),
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
          .map(
            (_, index) =>
              `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
          )
          .join(
            '',
          )}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
      ),
    ),
    'xl/styles.xml': strToU8(
      xml(
        `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`,
      ),
    ),
  };
  sheets.forEach((sheet, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(sheetXml(sheet.rows));
  });
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** A table as a block: its title, the column heads, one line per row, the note under it. */
function tableRows(table: ShownTable, threshold: number, language: Language): SheetRow[] {
  return [
    { cells: [table.title[language]], bold: true },
    { cells: ['', ...table.columns.map((column) => column.label[language])], bold: true },
    ...table.rows.map((row) => ({
      cells: [row.label[language], ...row.cells.map((figure) => cellValue(figure, threshold))],
      bold: row.isTotal,
    })),
    ...(table.note ? [{ cells: [] }, { cells: [table.note[language]] }] : []),
  ];
}

function sheetXml(rows: SheetRow[]): string {
  const body = rows
    .map((row, rowIndex) => {
      const reference = (column: number) => `${columnLetters(column)}${rowIndex + 1}`;
      const style = row.bold ? ' s="1"' : '';
      const cells = row.cells
        .map((cell, column) => {
          if (cell === null || cell === '') return '';
          if (typeof cell === 'number') return `<c r="${reference(column)}"${style}><v>${cell}</v></c>`;
          return `<c r="${reference(column)}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
        })
        .join('');
      return `<row r="${rowIndex + 1}">${cells}</row>`;
    })
    .join('');
  return xml(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="1" width="42" customWidth="1"/><col min="2" max="30" width="16" customWidth="1"/></cols><sheetData>${body}</sheetData></worksheet>`,
  );
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** Excel refuses sheet names over 31 characters, with []:*?/\ or twice the same. */
function uniqueSheetNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base =
      name
        .replace(/[[\]:*?/\\]/g, ' ')
        .trim()
        .slice(0, 28) || 'Sheet';
    let candidate = base;
    for (let suffix = 2; taken.has(candidate.toLowerCase()); suffix++) candidate = `${base} ${suffix}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .split('')
    .filter((character) => {
      // XML 1.0 forbids control characters but tab and line breaks.
      const code = character.charCodeAt(0);
      return code >= 32 || code === 9 || code === 10 || code === 13;
    })
    .join('');
}
