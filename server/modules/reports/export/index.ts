import type { Language } from '../../../../core/localized.ts';
import type { ShownReport } from '../../../../core/reports/shape.ts';
import { renderReportCsv } from './csv.ts';
import { renderReportPdf } from './pdf.ts';
import { reportFileName } from './words.ts';
import { renderReportXlsx } from './xlsx.ts';

export const reportExportFormats = ['csv', 'xlsx', 'pdf'] as const;
export type ReportExportFormat = (typeof reportExportFormats)[number];

export type RenderedReport = { body: Buffer; contentType: string; fileName: string };

const contentTypes: Record<ReportExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/**
 * A shown report (after `showReport`: counts only, small and recoverable cells hidden) as a file to
 * download. Takes a `ShownReport`, never a `ComputedReport`, so nothing unsuppressed can be exported.
 */
export async function renderReport(
  shown: ShownReport,
  format: ReportExportFormat,
  language: Language,
  options: { compress?: boolean } = {},
): Promise<RenderedReport> {
  const body =
    format === 'csv'
      ? renderReportCsv(shown, language)
      : format === 'xlsx'
        ? renderReportXlsx(shown, language)
        : await renderReportPdf(shown, language, options);
  return { body, contentType: contentTypes[format], fileName: reportFileName(shown, language, format) };
}
