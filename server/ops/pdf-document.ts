import PDFDocument from 'pdfkit';
import type { Language } from '../../core/localized.ts';

/** The house colours of Relais's printed documents: body ink, muted notes, table rules. */
export const pdfColours = { ink: '#1f2a37', muted: '#5b6675', rule: '#c9d1db' };

/**
 * An A4 document the house way (Helvetica, built into every PDF reader; the reader's language
 * declared), and the whole file once `doc.end()` is called. `compress: false` leaves the text
 * readable in the file, for the tests that read it.
 */
export function openPdfDocument(options: {
  title: string;
  language: Language;
  sideMargin: number;
  compress?: boolean;
}): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: options.sideMargin, right: options.sideMargin },
    compress: options.compress ?? true,
    info: { Title: options.title, Author: 'Relais' },
    lang: options.language === 'fr' ? 'fr-CA' : 'en-CA',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
