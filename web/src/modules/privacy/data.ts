import { queryOptions } from '@tanstack/react-query';
import type { AccessGrant } from '../../../../core/contracts/access-grants.ts';
import type { AuditEntry } from '../../../../core/contracts/audit.ts';
import { api } from '../../api/client.ts';
import type { AuditFilters } from '../../api/queries.ts';

export type BreakGlassMatch = {
  personId: string;
  nickname: string;
  ageBand: string | null;
  teamId: string;
  teamName: string;
};
export type PersonAccessHistory = {
  personId: string;
  teamId: string;
  nickname: string | null;
  total: number;
  items: AuditEntry[];
  grants: AccessGrant[];
};

export const grantsKey = ['access-grants'] as const;

/** Live grants: those I hold, and for a coordinator those on their teams' people. */
export const liveGrantsQuery = queryOptions({
  queryKey: [...grantsKey, 'live'],
  queryFn: () => api.get<{ items: AccessGrant[] }>('/access-grants', { state: 'live' }),
  // A grant ends on its own: look again every minute so the card does not show a closed one.
  refetchInterval: 60_000,
});

export const accessHistoryQuery = (personId: string, page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['access-history', personId, page],
    queryFn: () =>
      api.get<PersonAccessHistory>(`/audit/people/${personId}`, { limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: (previous) => previous,
  });

export const searchAcrossTeams = (body: { reason: string; search: string }) =>
  api.post<{ items: BreakGlassMatch[] }>('/access-grants/search', body);
export const createGrant = (body: { personId: string; reason: string; minutes: number }) =>
  api.post<AccessGrant>('/access-grants', body);
export const revokeGrant = (id: string) => api.post<AccessGrant>(`/access-grants/${id}/revoke`);

/** The same filters as the page, without paging: the server streams every matching entry. */
export function exportUrl(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== '' && key !== 'limit' && key !== 'offset') params.set(key, String(value));
  const query = params.toString();
  return `/api/audit/export.csv${query ? `?${query}` : ''}`;
}
