import { queryOptions } from '@tanstack/react-query';
import type { Diagnostic, DiagnosticFigures, DiagnosticVersion } from '../../../../core/contracts/diagnostic.ts';
import type {
  AdvocacyTheme,
  DetectionResult,
  NeedSignal,
  NeedSignalSettings,
} from '../../../../core/contracts/signals.ts';
import { api } from '../../api/client.ts';

/** Reads and writes of need signals and diagnostics (issue 6). */
export const signalsKey = ['need-signals'] as const;
export const diagnosticsKey = ['diagnostics'] as const;

export const signalFilters = ['open', 'new', 'acknowledged', 'takenUp', 'dismissed', 'all'] as const;
export type SignalFilter = (typeof signalFilters)[number];
export type DiagnosticListItem = {
  neighbourhoodId: string;
  neighbourhoodName: string;
  teamId: string;
  diagnosticId: string | null;
  currentVersion: number;
  status: 'draft' | 'published' | null;
  savedAt: string | null;
};

export const signalsQuery = (status: SignalFilter, neighbourhoodId?: string) =>
  queryOptions({
    queryKey: [...signalsKey, status, neighbourhoodId ?? ''],
    queryFn: () => api.get<{ items: NeedSignal[] }>('/need-signals', { status, neighbourhoodId }),
  });

export const signalSettingsQuery = (teamId: string) =>
  queryOptions({
    queryKey: [...signalsKey, 'settings', teamId],
    queryFn: () => api.get<NeedSignalSettings>('/need-signal-settings', { teamId }),
  });

export const diagnosticListQuery = queryOptions({
  queryKey: [...diagnosticsKey, 'list'],
  queryFn: () => api.get<{ items: DiagnosticListItem[] }>('/diagnostics'),
});

export const diagnosticQuery = (neighbourhoodId: string) =>
  queryOptions({
    queryKey: [...diagnosticsKey, neighbourhoodId],
    queryFn: () => api.get<Diagnostic>(`/diagnostics/neighbourhoods/${neighbourhoodId}`),
  });

export const versionQuery = (diagnosticId: string, number: number) =>
  queryOptions({
    queryKey: [...diagnosticsKey, 'version', diagnosticId, number],
    queryFn: () => api.get<DiagnosticVersion>(`/diagnostics/${diagnosticId}/versions/${number}`),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const figuresQuery = (neighbourhoodId: string, from: string, to: string) =>
  queryOptions({
    queryKey: [...diagnosticsKey, neighbourhoodId, 'figures', from, to],
    queryFn: () => api.get<DiagnosticFigures>(`/diagnostics/neighbourhoods/${neighbourhoodId}/figures`, { from, to }),
  });

export const detectSignals = () => api.post<DetectionResult>('/need-signals/detect', {});

export const changeSignal = (signal: NeedSignal, status: NeedSignal['status'], note: string) =>
  api.patch<NeedSignal>(`/need-signals/${signal.id}`, {
    baseVersion: signal.version,
    status,
    note: note.trim() ? note.trim() : null,
  });

export const saveThresholds = (body: Omit<NeedSignalSettings, 'saved' | 'teamId'> & { teamId: string }) =>
  api.patch<NeedSignalSettings>('/need-signal-settings', body);

export type VersionDraft = {
  baseVersion: number;
  title: string;
  sections: DiagnosticVersion['sections'];
  priorities: { id?: string; title: string; detail: string | null }[];
  periodFrom: string;
  periodTo: string;
  publish: boolean;
};

export const saveDiagnosticVersion = (neighbourhoodId: string, draft: VersionDraft) =>
  api.post<Diagnostic>(`/diagnostics/neighbourhoods/${neighbourhoodId}/versions`, draft);

export const pdfUrl = (diagnosticId: string, version: number, language: 'fr' | 'en') =>
  `/api/diagnostics/${diagnosticId}/pdf?version=${version}&lang=${language}`;

export const setAdvocacy = (signal: NeedSignal, themes: AdvocacyTheme[], structuralProblem: string) =>
  api.patch<NeedSignal>(`/need-signals/${signal.id}/advocacy`, {
    baseVersion: signal.version,
    themes,
    structuralProblem: themes.length && structuralProblem.trim() ? structuralProblem.trim() : null,
  });

export const advocacySummaryUrl = (format: 'csv' | 'pdf', from: string, to: string, language: 'fr' | 'en') =>
  `/api/need-signals/advocacy-summary?${new URLSearchParams({ format, from, to, lang: language })}`;
