import { queryOptions } from '@tanstack/react-query';
import type { Mobilisation, MobilisationDetail, ProposeMobilisationBody } from '../../../../core/contracts/crisis.ts';
import { api } from '../../api/client.ts';

/** Reads and writes of crisis mobilisations (issue 7; core/contracts/crisis.ts). */
export const crisisKey = ['crisis-mobilisations'] as const;

export const mobilisationsQuery = queryOptions({
  queryKey: [...crisisKey, 'list'],
  queryFn: () => api.get<{ items: Mobilisation[] }>('/crisis-mobilisations'),
});

export const mobilisationQuery = (id: string) =>
  queryOptions({
    queryKey: [...crisisKey, id],
    queryFn: () => api.get<MobilisationDetail>(`/crisis-mobilisations/${id}`),
  });

export const proposeMobilisation = (body: ProposeMobilisationBody) =>
  api.post<MobilisationDetail>('/crisis-mobilisations', body);

export const decideMobilisation = (m: Mobilisation, decision: 'validate' | 'refuse', note: string) =>
  api.post<MobilisationDetail>(`/crisis-mobilisations/${m.id}/decision`, {
    baseVersion: m.version,
    decision,
    note: note.trim() || undefined,
  });

export const prolongMobilisation = (m: Mobilisation, endsOn: string, note: string) =>
  api.post<MobilisationDetail>(`/crisis-mobilisations/${m.id}/prolongation`, {
    baseVersion: m.version,
    endsOn,
    note: note.trim() || undefined,
  });

export const closeMobilisation = (m: Mobilisation, note: string) =>
  api.post<MobilisationDetail>(`/crisis-mobilisations/${m.id}/close`, {
    baseVersion: m.version,
    note: note.trim() || undefined,
  });

/** Where a mobilisation shows in the list: waiting for a decision, running, or over. */
export function groupOf(m: Mobilisation): 'awaiting' | 'running' | 'past' {
  if (m.status === 'proposed' || m.proposedEndsOn) return 'awaiting';
  if (m.status === 'validated') return 'running';
  return 'past';
}
