import { queryOptions } from '@tanstack/react-query';
import type { Place } from '../../../../core/contracts/places.ts';
import type {
  Coverage,
  Indicator,
  IndicatorMap,
  NeighbourhoodTerritory,
  Ranking,
  SectorCollection,
} from '../../../../core/contracts/territory.ts';
import { api } from '../../api/client.ts';

/** Territory reads; an import or a save invalidates the whole key, so maps and lists agree. */
export const territoryKey = ['territory'] as const;

export const sectorsQuery = queryOptions({
  queryKey: [...territoryKey, 'sectors'],
  queryFn: () => api.get<SectorCollection>('/territory/sectors'),
  staleTime: 5 * 60_000,
});

export const indicatorsQuery = queryOptions({
  queryKey: [...territoryKey, 'indicators'],
  queryFn: () => api.get<{ items: Indicator[] }>('/territory/indicators').then((answer) => answer.items),
  staleTime: 5 * 60_000,
});

export const indicatorMapQuery = (code: string, year: number) =>
  queryOptions({
    queryKey: [...territoryKey, 'indicator', code, year],
    queryFn: () => api.get<IndicatorMap>(`/territory/indicators/${encodeURIComponent(code)}/${year}`),
    staleTime: 5 * 60_000,
  });

export const neighbourhoodTerritoryQuery = (id: string) =>
  queryOptions({
    queryKey: [...territoryKey, 'neighbourhood', id],
    queryFn: () => api.get<NeighbourhoodTerritory>(`/territory/neighbourhoods/${encodeURIComponent(id)}`),
    retry: false,
  });

export type TerritoryChange = {
  sectorIds?: string[];
  realBorders?: string | null;
  symbolicBorders?: string | null;
  baseVersion?: number;
};

export const saveNeighbourhoodTerritory = (id: string, change: TerritoryChange) =>
  api.patch<NeighbourhoodTerritory>(`/territory/neighbourhoods/${encodeURIComponent(id)}`, change);

export type RankingRequest = {
  criteria: { indicator: string; year: number; weight: number; need: 'higher' | 'lower' }[];
  population: { indicator: string; year: number };
  target: { min: number; max: number };
};

export const rankSectors = (request: RankingRequest) => api.post<Ranking>('/territory/ranking', request);

export type CoverageFilters = { from: string; to: string; by: 'place' | 'neighbourhood' };

export const coverageQuery = (filters: CoverageFilters) =>
  queryOptions({
    queryKey: [...territoryKey, 'coverage', filters],
    queryFn: () => api.get<Coverage>('/territory/coverage', filters),
    placeholderData: (previous) => previous,
  });

export const placesKey = ['places'] as const;

export const placesQuery = (includeInactive: boolean) =>
  queryOptions({
    queryKey: [...placesKey, { includeInactive }],
    queryFn: () =>
      api
        .get<{ items: Place[] }>('/places', { includeInactive: includeInactive ? 'true' : undefined })
        .then((answer) => answer.items),
  });

export type SectorImportRequest = {
  geojson: Record<string, unknown>;
  projection?: string;
  codeProperty?: string;
  source?: string;
  dryRun: boolean;
};
export type SectorImportResult = {
  dryRun: boolean;
  projection: string;
  codeProperty: string;
  nameProperty: string | null;
  created: number;
  updated: number;
};
export const importSectors = (request: SectorImportRequest) =>
  api.post<SectorImportResult>('/territory/sectors/import', request);

export type IndicatorImportResult = {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  indicators: { code: string; years: number[] }[];
};
export const importIndicators = (request: { csv: string; dryRun: boolean }) =>
  api.post<IndicatorImportResult>('/territory/indicators/import', request);
