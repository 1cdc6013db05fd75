import { queryOptions } from '@tanstack/react-query';
import type { AuditEntry } from '../../../core/contracts/audit.ts';
import type { Team, TeamDetail } from '../../../core/contracts/teams.ts';
import type { User } from '../../../core/contracts/users.ts';
import { api } from './client.ts';

/** Every list the pages read, with one key each, so a change invalidates the right ones. */
export const teamsQuery = queryOptions({
  queryKey: ['teams'],
  queryFn: () => api.get<{ items: Team[] }>('/teams').then((answer) => answer.items),
});

export const teamQuery = (teamId: string) =>
  queryOptions({
    queryKey: ['teams', teamId],
    queryFn: () => api.get<TeamDetail>(`/teams/${encodeURIComponent(teamId)}`),
  });

export type UserFilters = {
  search?: string;
  role?: string;
  active?: 'true' | 'false';
  offset?: number;
  limit?: number;
};

export const usersQuery = (filters: UserFilters) =>
  queryOptions({
    queryKey: ['users', filters],
    queryFn: () => api.get<{ items: User[]; total: number }>('/users', filters),
    placeholderData: (previous) => previous,
  });

export type UserWithPassword = { user: User; temporaryPassword: string };

export type AuditFilters = {
  action?: string;
  entityType?: string;
  actorId?: string;
  personId?: string;
  teamId?: string;
  breakGlass?: 'true';
  from?: string;
  to?: string;
  offset: number;
  limit: number;
};

export const auditQuery = (filters: AuditFilters) =>
  queryOptions({
    queryKey: ['audit', filters],
    queryFn: () => api.get<{ items: AuditEntry[]; total: number }>('/audit', filters),
    placeholderData: (previous) => previous,
  });
