import type { Language } from '../../../../core/localized.ts';
import type { ShownReport, ShownTable } from '../../../../core/reports/shape.ts';
import { openPdfDocument, pdfColours } from '../../../ops/pdf-document.ts';
import { cellValue, exportWords, legendLines, reportFacts } from './words.ts';

const { ink, muted, rule } = pdfColours;
const bar = '#3b6ea8';

/**
 * A report as a PDF, the house way (diagnostic.pdf.ts): Helvetica, A4, the report's facts and
 * legend first, then each table with its note, and a bar per row above the tables drawn as bars.
 * Hidden cells draw no bar, only their mark. `compress: false` keeps the text readable (tests).
 */
export function renderReportPdf(
  shown: ShownReport,
  language: Language,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const w = exportWords[language];
  const colon = language === 'fr' ? ' : ' : ': ';
  const { doc, done } = openPdfDocument({
    title: shown.title[language],
    language,
    sideMargin: 56,
    compress: options.compress,
  });
  // The built-in fonts speak WinAnsi: French thousands separators (narrow no-break spaces) become spaces.
  const formatted = (value: number | string) =>
    typeof value === 'number'
      ? new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA').format(value).replace(/[\u202f\u00a0]/g, ' ')
      : value;

  doc.font('Helvetica-Bold').fontSize(20).fillColor(ink).text(shown.title[language]);
  doc.moveDown(0.4).font('Helvetica').fontSize(10).fillColor(muted);
  for (const fact of reportFacts(shown, language).slice(1)) doc.text(`${fact.label}${colon}${fact.value}`);
  doc.moveDown(0.5).font('Helvetica-Bold').fillColor(ink).text(w.legend);
  doc.font('Helvetica').fillColor(ink);
  for (const line of legendLines(shown, language)) doc.text(`${line.mark}  ${line.meaning}`, { lineGap: 2 });
  doc.fillColor(muted).text(w.countsOnly);

  for (const table of shown.tables) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 140) doc.addPage();
    doc.moveDown(1).font('Helvetica-Bold').fontSize(13).fillColor(ink).text(table.title[language]);
    if (table.note) doc.font('Helvetica').fontSize(9).fillColor(muted).text(table.note[language]);
    if (table.chart === 'bars') drawBars(doc, table, shown.threshold, language);
    if (table.rows.length === 0) continue;
    doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor(ink);
    doc.table({
      columnStyles: ['*', ...table.columns.map(() => 70)],
      rowStyles: (row) => (row === 0 ? { backgroundColor: '#eef2f6' } : undefined),
      defaultStyle: { border: { bottom: 0.5 }, borderColor: { bottom: rule }, padding: [4, 6] },
      data: [
        ['', ...table.columns.map((column) => column.label[language])].map((text) => ({
          text,
          font: { family: 'Helvetica-Bold' },
          type: 'TH' as const,
        })),
        ...table.rows.map((row) => [
          { text: row.label[language], font: { family: row.isTotal ? 'Helvetica-Bold' : 'Helvetica' } },
          ...row.cells.map((figure) => ({
            text: String(formatted(cellValue(figure, shown.threshold))),
            align: { x: 'right' as const },
          })),
        ]),
      ],
    });
    doc.x = doc.page.margins.left;
  }
  doc.end();
  return done;
}

/** One horizontal bar per row (not totals) for the first column; a hidden cell gets its mark and no bar. */
function drawBars(doc: PDFKit.PDFDocument, table: ShownTable, threshold: number, language: Language) {
  const rows = table.rows.filter((row) => !row.isTotal && row.cells.length > 0);
  const largest = Math.max(1, ...rows.map((row) => row.cells[0]?.value ?? 0));
  const left = doc.page.margins.left;
  const labelWidth = 170;
  const barSpace = doc.page.width - doc.page.margins.right - left - labelWidth - 50;
  doc.moveDown(0.4);
  for (const row of rows) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const top = doc.y;
    const figure = row.cells[0];
    if (!figure) continue;
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(ink)
      .text(row.label[language], left, top, { width: labelWidth - 8, ellipsis: true, height: 12 });
    const length = figure.value === null ? 0 : (figure.value / largest) * barSpace;
    if (length > 0) doc.rect(left + labelWidth, top + 1, length, 9).fill(bar);
    doc
      .fillColor(muted)
      .text(String(cellValue(figure, threshold)), left + labelWidth + length + 4, top, { lineBreak: false });
    doc.x = left;
    doc.y = top + 14;
  }
}
