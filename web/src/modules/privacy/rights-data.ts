import { queryOptions } from '@tanstack/react-query';
import type { ConsentLine, ErasureResult, PrivacyIncident } from '../../../../core/contracts/rights.ts';
import { api } from '../../api/client.ts';

/** Reads and writes of people's rights: the registers, the access request, the erasure (issue 8). */
export const rightsKey = ['rights'] as const;

export type RegisterFilter = { teamId: string; from?: string; to?: string };

const query = (filter: RegisterFilter) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params.toString();
};

export const consentRegisterQuery = (filter: RegisterFilter) =>
  queryOptions({
    queryKey: [...rightsKey, 'consents', filter],
    queryFn: () => api.get<{ items: ConsentLine[] }>('/consent-register', filter),
  });

export const incidentsQuery = (filter: RegisterFilter) =>
  queryOptions({
    queryKey: [...rightsKey, 'incidents', filter],
    queryFn: () => api.get<{ items: PrivacyIncident[] }>('/privacy-incidents', filter),
  });

/** Downloads are plain links: the browser saves the file the server names. */
export const consentCsvUrl = (filter: RegisterFilter) => `/api/consent-register.csv?${query(filter)}`;
export const incidentsCsvUrl = (filter: RegisterFilter) => `/api/privacy-incidents.csv?${query(filter)}`;
export const accessRequestUrl = (personId: string, format: 'html' | 'json') =>
  `/api/people/${personId}/access-request?format=${format}`;

export const erasePerson = (personId: string, body: { reason: string; requestedBy: string; confirmNickname: string }) =>
  api.post<ErasureResult>(`/people/${personId}/erasure`, body);

export const createIncident = (body: Record<string, unknown>) => api.post<PrivacyIncident>('/privacy-incidents', body);
export const updateIncident = (id: string, body: Record<string, unknown>) =>
  api.patch<PrivacyIncident>(`/privacy-incidents/${id}`, body);

/** Today, as the device sees it (YYYY-MM-DD). */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
