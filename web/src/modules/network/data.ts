import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActorSummary } from '../../../../core/contracts/directory.ts';
import type {
  ActorRef,
  Interaction,
  Network,
  NetworkEdge,
  networkCompareSchema,
  Tie,
} from '../../../../core/contracts/network.ts';
import { derivedTieKinds, type InteractionKind, tieKinds } from '../../../../core/network.ts';
import { api } from '../../api/client.ts';

/** Every read of the maillage sits under this key: a new tie or interaction refreshes them all. */
export const networkKey = ['network'] as const;

export type EdgeKind = NetworkEdge['kind'];
export const allEdgeKinds: readonly EdgeKind[] = [...tieKinds, ...derivedTieKinds];
export type NetworkNode = Network['nodes'][number];
export type NetworkComparison = z.infer<typeof networkCompareSchema>;

/** What the graph shows: the date, the kinds of tie, a neighbourhood, ties derived from activity or not. */
export type NetworkFilters = {
  at?: string;
  kinds?: EdgeKind[];
  neighbourhoodId?: string;
  derived: boolean;
};

/** The kinds the server is asked for: undefined means all of them. */
function requestedKinds(filters: Pick<NetworkFilters, 'kinds' | 'derived'>): string | undefined {
  const chosen = filters.kinds?.length ? filters.kinds : allEdgeKinds;
  const kept = chosen.filter((kind) => filters.derived || !(derivedTieKinds as readonly string[]).includes(kind));
  if (kept.length === allEdgeKinds.length) return undefined;
  // No kind left (derived ties off and only derived kinds chosen): the hand-made ones, not everything.
  return (kept.length ? kept : tieKinds).join(',');
}

export const networkQuery = (filters: NetworkFilters) =>
  queryOptions({
    queryKey: [...networkKey, 'graph', filters],
    queryFn: () =>
      api.get<Network>('/network', {
        at: filters.at,
        kinds: requestedKinds(filters),
        neighbourhoodId: filters.neighbourhoodId,
      }),
    placeholderData: (previous) => previous,
  });

export const compareQuery = (from: string, to: string, filters: Omit<NetworkFilters, 'at'>) =>
  queryOptions({
    queryKey: [...networkKey, 'compare', from, to, filters],
    queryFn: () =>
      api.get<NetworkComparison>('/network/compare', {
        from,
        to,
        kinds: requestedKinds(filters),
        neighbourhoodId: filters.neighbourhoodId,
      }),
    enabled: from < to,
    placeholderData: (previous) => previous,
  });

export const actorTiesQuery = (actorId: string) =>
  queryOptions({
    queryKey: [...networkKey, 'ties', actorId],
    queryFn: () => api.get<{ items: Tie[]; actors: ActorRef[] }>('/ties', { actorId }),
  });

type InteractionFilters = { actorId?: string; kind?: InteractionKind; page: number };
export const interactionsPageSize = 20;

export const interactionsQuery = (filters: InteractionFilters) =>
  queryOptions({
    queryKey: [...networkKey, 'interactions', filters],
    queryFn: () =>
      api.get<{ items: Interaction[]; total: number; actors: ActorRef[] }>('/actor-interactions', {
        actorId: filters.actorId,
        kind: filters.kind,
        limit: interactionsPageSize,
        offset: (filters.page - 1) * interactionsPageSize,
      }),
    placeholderData: (previous) => previous,
  });

/** Actors to tie or to name at an interaction: organisations and the team's key persons. */
export const actorSearchQuery = (search: string) =>
  queryOptions({
    queryKey: [...networkKey, 'actor-search', search.trim()],
    queryFn: () =>
      api.get<{ items: ActorSummary[]; total: number }>('/actors', { search: search.trim() || undefined, limit: 20 }),
    placeholderData: (previous) => previous,
  });

/** The name of an actor a list mentions, or a neutral word while it is unknown. */
export function nameOf(actors: readonly { id: string; name: string }[], id: string): string {
  return actors.find((actor) => actor.id === id)?.name ?? '…';
}
