import { queryOptions } from '@tanstack/react-query';
import type { Encounter } from '../../../../core/contracts/fieldwork.ts';
import type { Person, PersonSummary, timelineTypes } from '../../../../core/contracts/people.ts';
import { api } from '../../api/client.ts';
import { cachedRead } from '../fieldwork/data.ts';

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ['fieldwork', 'person', id],
    queryFn: () => cachedRead(`person:${id}`, () => api.get<Person>(`/people/${encodeURIComponent(id)}`)),
    retry: false,
  });

type TimelineItemType = (typeof timelineTypes)[number];

export type TimelineItem = {
  type: TimelineItemType;
  at: string;
  id: string;
  summary: Record<string, unknown>;
};

export const timelineQuery = (id: string) =>
  queryOptions({
    queryKey: ['fieldwork', 'person', id, 'timeline'],
    queryFn: () =>
      cachedRead(`timeline:${id}`, () =>
        api.get<{ items: TimelineItem[] }>(`/people/${encodeURIComponent(id)}/timeline`),
      ),
    retry: false,
  });

export const peopleSearchQuery = (search: string) =>
  queryOptions({
    queryKey: ['fieldwork', 'people', search],
    queryFn: () =>
      api.get<{ items: PersonSummary[]; total: number }>('/people', { search: search || undefined, limit: 30 }),
    retry: false,
    placeholderData: (previous) => previous,
  });

/** The caller's recent contacts still anonymous: candidates to attach to a person. */
export const anonymousEncountersQuery = queryOptions({
  queryKey: ['fieldwork', 'encounters', 'mine-anonymous'],
  queryFn: async () =>
    (await api.get<{ items: Encounter[] }>('/encounters', { mine: 'true', identification: 'anonymous', limit: 30 }))
      .items,
});
