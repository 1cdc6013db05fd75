import { queryOptions } from '@tanstack/react-query';
import type { ReportTemplate, SaveReportTemplate, UpdateReportTemplate } from '../../../../core/contracts/reports.ts';
import type { Language } from '../../../../core/localized.ts';
import type { ShownReport } from '../../../../core/reports/shape.ts';
import { api } from '../../api/client.ts';
import type { PeriodSearch } from './period.ts';

/** Reads and writes of report templates and reports (issue 8). */
export const reportsKey = ['reports'] as const;

export const templatesQuery = queryOptions({
  queryKey: [...reportsKey, 'templates'],
  queryFn: () => api.get<{ items: ReportTemplate[] }>('/reports/templates').then((answer) => answer.items),
  staleTime: 60_000,
});

/** Where a report is about: one team, one of its neighbourhoods, or (for organizers) every team. */
export type ScopeSearch = { teamId?: string; neighbourhoodId?: string };
export type RunSearch = PeriodSearch & ScopeSearch;

export const runQuery = (templateId: string, search: RunSearch) =>
  queryOptions({
    queryKey: [...reportsKey, 'run', templateId, search],
    queryFn: () => api.get<ShownReport>('/reports/run', { templateId, ...search }),
    placeholderData: (previous) => previous,
  });

export const exportFormats = ['pdf', 'xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The same report as a file: a plain link, so the browser downloads it the usual way. */
export function exportUrl(templateId: string, search: RunSearch, format: ExportFormat, language: Language): string {
  const params = new URLSearchParams({ templateId, format, language });
  for (const [key, value] of Object.entries(search))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return `/api/reports/export?${params.toString()}`;
}

export const saveTemplate = (body: SaveReportTemplate) => api.post<ReportTemplate>('/reports/templates', body);
export const updateTemplate = (id: string, body: UpdateReportTemplate) =>
  api.patch<ReportTemplate>(`/reports/templates/${encodeURIComponent(id)}`, body);
export const deleteTemplate = (id: string, version: number) =>
  api.delete<{ ok: true }>(`/reports/templates/${encodeURIComponent(id)}?version=${version}`);
