import { queryOptions } from '@tanstack/react-query';
import type { Committee, CommitteeSummary, Meeting } from '../../../../core/contracts/committees.ts';
import { api } from '../../api/client.ts';

/** Reads of committees: online only, as their meetings are written at a desk, not in the street. */
export const committeesKey = ['committees'] as const;

export const committeeListQuery = queryOptions({
  queryKey: [...committeesKey, 'list'],
  queryFn: () => api.get<{ items: CommitteeSummary[] }>('/committees'),
});

export const committeeQuery = (id: string) =>
  queryOptions({
    queryKey: [...committeesKey, 'one', id],
    queryFn: () => api.get<Committee>(`/committees/${id}`),
    retry: false,
  });

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: [...committeesKey, 'meeting', id],
    queryFn: () => api.get<Meeting>(`/committee-meetings/${id}`),
    retry: false,
  });
