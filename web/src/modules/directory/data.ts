import { queryOptions } from '@tanstack/react-query';
import type { Actor, ActorSummary, Service, ServiceStatus } from '../../../../core/contracts/directory.ts';
import type { DirectorySearchResult, PrintableDirectory } from '../../../../core/contracts/directory-search.ts';
import type { Availability } from '../../../../core/directory.ts';
import type { Language } from '../../../../core/localized.ts';
import { api } from '../../api/client.ts';

/** Directory reads; every write invalidates the whole key, so lists and pages agree. */
export const directoryKey = ['directory'] as const;

export type DirectoryFilters = {
  q?: string;
  need?: string;
  language?: string;
  neighbourhoodId?: string;
  openNow?: boolean;
  availability?: Availability[];
};

export const directorySearchQuery = (filters: DirectoryFilters) =>
  queryOptions({
    queryKey: [...directoryKey, 'search', filters],
    queryFn: () =>
      api.get<DirectorySearchResult>('/directory/search', {
        q: filters.q,
        need: filters.need,
        language: filters.language,
        neighbourhoodId: filters.neighbourhoodId,
        openNow: filters.openNow ? 'true' : undefined,
        availability: filters.availability?.length ? filters.availability.join(',') : undefined,
        limit: 40,
      }),
    placeholderData: (previous) => previous,
  });

export const serviceQuery = (id: string) =>
  queryOptions({
    queryKey: [...directoryKey, 'service', id],
    queryFn: () => api.get<Service>(`/services/${encodeURIComponent(id)}`),
    retry: false,
  });

export const statusHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: [...directoryKey, 'service', id, 'statuses'],
    queryFn: () => api.get<{ items: ServiceStatus[] }>(`/services/${encodeURIComponent(id)}/statuses`),
  });

export const actorQuery = (id: string) =>
  queryOptions({
    queryKey: [...directoryKey, 'actor', id],
    queryFn: () => api.get<Actor>(`/actors/${encodeURIComponent(id)}`),
    retry: false,
  });

export const organisationsQuery = (search: string) =>
  queryOptions({
    queryKey: [...directoryKey, 'organisations', search],
    queryFn: () =>
      api.get<{ items: ActorSummary[]; total: number }>('/actors', {
        kind: 'organisation',
        search: search || undefined,
        limit: 30,
      }),
    placeholderData: (previous) => previous,
  });

export type NeighbourhoodRef = { id: string; name: string; teamId: string };
export const neighbourhoodsQuery = queryOptions({
  queryKey: ['neighbourhoods'],
  queryFn: () => api.get<{ items: NeighbourhoodRef[] }>('/neighbourhoods'),
  staleTime: 5 * 60_000,
});

export const printQuery = (language: Language) =>
  queryOptions({
    queryKey: [...directoryKey, 'print', language],
    queryFn: () => api.get<PrintableDirectory>('/directory/print', { language }),
  });

/** "fr, EN , ar" → ["fr", "en", "ar"]. */
export function languageList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\s]+/)
        .map((code) => code.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** A language code as people read it, in the interface's language ("ar" → "arabe"). */
export function languageName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
