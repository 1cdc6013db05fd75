import { queryOptions } from '@tanstack/react-query';
import type { Encounter, MyDay, Session } from '../../../../core/contracts/fieldwork.ts';
import type { PersonSummary } from '../../../../core/contracts/people.ts';
import type { ReferenceData } from '../../../../core/contracts/sync.ts';
import type { Term } from '../../../../core/contracts/taxonomies.ts';
import type { TaxonomyKind } from '../../../../core/fieldwork.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { listOperations, type OutboxEntry } from '../../offline/outbox.ts';
import { readCache, writeCache } from '../../offline/store.ts';

/**
 * Reads for field work: from the server when it answers (and then kept, encrypted, for later),
 * from the device's cache when it does not. Writes go through the outbox (actions.ts).
 */
export async function cachedRead<T>(cacheName: string, read: () => Promise<T>): Promise<T> {
  try {
    const fresh = await read();
    await writeCache(cacheName, fresh).catch(() => undefined);
    return fresh;
  } catch (error) {
    if (error instanceof ApiError && error.status === 0) {
      const kept = await readCache<T>(cacheName);
      if (kept !== undefined) return kept;
    }
    throw error;
  }
}

export const fieldworkKey = ['fieldwork'] as const;

export const referenceQuery = queryOptions({
  queryKey: [...fieldworkKey, 'reference'],
  queryFn: () => cachedRead('reference', () => api.get<ReferenceData>('/sync/reference')),
  staleTime: 5 * 60_000,
});

/** Today in the worker's own time zone, as the server expects it. */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const myDayQuery = queryOptions({
  queryKey: [...fieldworkKey, 'my-day'],
  queryFn: async () => {
    const day = await cachedRead('my-day', () => api.get<MyDay>('/my-day', { date: localDay() }));
    // A round ended on a teammate's phone stops running here too (actions.ts imports this file).
    void import('./actions.ts').then((actions) => actions.settleEndedSessions(day.sessions));
    return day;
  },
});

/** What is waiting in the outbox, readable by the pages (a new person, a contact not yet sent). */
export const outboxQuery = queryOptions({
  queryKey: ['outbox'],
  queryFn: () => listOperations(),
  networkMode: 'always',
});

export function activeTerms(reference: ReferenceData | undefined, kind: TaxonomyKind): Term[] {
  return (reference?.taxonomies ?? [])
    .filter((term) => term.kind === kind && term.active)
    .sort((a, b) => a.sortOrder - b.sortOrder);
}

export function termLabel(
  reference: ReferenceData | undefined,
  kind: TaxonomyKind,
  code: string,
  language: 'fr' | 'en',
): string {
  return reference?.taxonomies.find((term) => term.kind === kind && term.code === code)?.label[language] ?? code;
}

// ---- what waits in the outbox, shown as if it were there already ----

type Operation = { id: string; status: string; value: OutboxEntry };

export function pendingPeople(operations: Operation[] | undefined, teamId: string | null): PersonSummary[] {
  return (operations ?? [])
    .filter((row) => row.value.item.kind === 'person.create')
    .map((row) => ({
      id: row.value.item.entityId,
      teamId: teamId ?? '',
      nickname: String(row.value.item.payload.nickname ?? ''),
      ageBand: (row.value.item.payload.ageBand as PersonSummary['ageBand']) ?? null,
      languages: [],
      identified: false,
      lastEncounterAt: row.value.createdAt,
    }));
}

export function pendingEncounters(operations: Operation[] | undefined): Encounter[] {
  return (operations ?? [])
    .filter((row) => row.value.item.kind === 'encounter.create')
    .map((row) => {
      const payload = row.value.item.payload as Partial<Encounter> & { note?: string | null };
      return {
        id: row.value.item.entityId,
        teamId: '',
        sessionId: payload.sessionId ?? null,
        personId: payload.personId ?? null,
        occurredAt: payload.occurredAt ?? row.value.createdAt,
        placeId: payload.placeId ?? null,
        zone: payload.zone ?? null,
        initiator: payload.initiator ?? null,
        channel: payload.channel ?? null,
        identification: payload.identification ?? (payload.personId ? 'pseudonymous' : 'anonymous'),
        ageBand: payload.ageBand ?? null,
        gender: payload.gender ?? null,
        language: payload.language ?? null,
        needs: payload.needs ?? [],
        actions: payload.actions ?? [],
        nonRecours: payload.nonRecours ?? [],
        durationMinutes: payload.durationMinutes ?? null,
        followUpOn: payload.followUpOn ?? null,
        followUpWhat: payload.followUpWhat ?? null,
        followUpDoneAt: null,
        hasNote: Boolean(payload.note),
        createdBy: null,
        version: 0,
        createdAt: row.value.createdAt,
        updatedAt: row.value.createdAt,
      };
    });
}

/**
 * People to offer first in a quick contact: those this device met lately, then the team's by last
 * encounter. Waiting creations count as met just now.
 */
export function recentPeople(
  reference: ReferenceData | undefined,
  myDay: MyDay | undefined,
  operations: Operation[] | undefined,
  metHere: Record<string, string>,
): PersonSummary[] {
  const byId = new Map<string, PersonSummary>();
  for (const person of [
    ...pendingPeople(operations, null),
    ...(myDay?.recentPeople ?? []),
    ...(reference?.people ?? []),
  ])
    if (!byId.has(person.id)) byId.set(person.id, person);
  const when = (person: PersonSummary) =>
    Math.max(Date.parse(metHere[person.id] ?? '') || 0, Date.parse(person.lastEncounterAt ?? '') || 0);
  return [...byId.values()].sort((a, b) => when(b) - when(a));
}

// ---- the session this device runs ----

/** A session as this device knows it: enough to show the running screen offline. */
export type LocalSession = {
  id: string;
  kind: Session['kind'];
  placeId: string | null;
  startedAt: string;
  endedAt: string | null;
  tallies: Record<string, number>;
  observations: { id: string; body: string; themes: string[]; recordedAt: string }[];
  version: number | null;
};

export const localSessionsQuery = queryOptions({
  queryKey: ['local-sessions'],
  queryFn: async () => (await readCache<Record<string, LocalSession>>('local-sessions')) ?? {},
  networkMode: 'always',
});

export const metHereQuery = queryOptions({
  queryKey: ['met-here'],
  queryFn: async () => (await readCache<Record<string, string>>('met-here')) ?? {},
  networkMode: 'always',
});

export function runningSession(sessions: Record<string, LocalSession> | undefined): LocalSession | null {
  const running = Object.values(sessions ?? {}).filter((session) => !session.endedAt);
  return running.sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0] ?? null;
}

export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: [...fieldworkKey, 'session', id],
    queryFn: () => api.get<Session & { observations: LocalSession['observations'] }>(`/sessions/${id}`),
    retry: false,
  });
