import { queryOptions } from '@tanstack/react-query';
import type { AttendanceRole } from '../../../../core/collective.ts';
import type { Activity, ActivitySession, ActivitySummary } from '../../../../core/contracts/activities.ts';
import type { AgeBand } from '../../../../core/fieldwork.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { OutboxOperation } from '../../offline/outbox.ts';
import { cachedRead } from '../fieldwork/data.ts';

/**
 * Reads of collective activities, kept (encrypted) on the device so attendance can be taken where
 * the network isn't. Keys sit under `fieldwork`: a sync that reached the server refreshes them.
 */
export const activitiesKey = ['fieldwork', 'activities'] as const;

export const activityListQuery = queryOptions({
  queryKey: [...activitiesKey, 'list'],
  queryFn: () => cachedRead('activities', () => api.get<{ items: ActivitySummary[] }>('/activities')),
});

export const activityQuery = (id: string) =>
  queryOptions({
    queryKey: [...activitiesKey, 'one', id],
    queryFn: () => cachedRead(`activity:${id}`, () => api.get<Activity>(`/activities/${id}`)),
    retry: false,
  });

/**
 * A session the server has, or null when it does not know it (yet: a new one, or one still waiting
 * here), or when neither the server nor this device can say. Never an error: a refetch of a query
 * without data shows the loader again, and the attendance being taken would be thrown away.
 */
export const serverSessionQuery = (id: string) =>
  queryOptions({
    queryKey: [...activitiesKey, 'session', id],
    queryFn: async () => {
      try {
        return await cachedRead(`activity-session:${id}`, async () => {
          try {
            return await api.get<ActivitySession>(`/activity-sessions/${id}`);
          } catch (error) {
            if (error instanceof ApiError && error.status === 404) return null;
            throw error;
          }
        });
      } catch (error) {
        if (error instanceof ApiError && error.status === 0) return null;
        throw error;
      }
    },
    retry: false,
  });

/** A session as the attendance page edits it, and as it waits in the outbox. */
export type SessionDraft = {
  onDate: string;
  headCounts: Partial<Record<AgeBand, number>>;
  attendees: { personId: string; role: AttendanceRole }[];
  note: string | null;
};

/** The saves of this activity's sessions still on this device (waiting, refused or in conflict). */
export function waitingSaves(operations: OutboxOperation[] | undefined, activityId?: string) {
  return (operations ?? []).filter(
    (row) =>
      row.value.item.kind === 'activitySession.save' &&
      (activityId === undefined || row.value.item.payload.activityId === activityId),
  );
}

/** The latest save of one session still on this device, if any: what the page shows first. */
export function waitingSave(operations: OutboxOperation[] | undefined, sessionId: string) {
  return waitingSaves(operations)
    .filter((row) => row.value.item.entityId === sessionId)
    .at(-1);
}

export function draftOf(payload: Record<string, unknown>): SessionDraft {
  return {
    onDate: String(payload.onDate ?? ''),
    headCounts: (payload.headCounts ?? {}) as SessionDraft['headCounts'],
    attendees: (payload.attendees ?? []) as SessionDraft['attendees'],
    note: typeof payload.note === 'string' ? payload.note : null,
  };
}

export const headCountTotal = (headCounts: SessionDraft['headCounts']) =>
  Object.values(headCounts).reduce((sum, count) => sum + (count ?? 0), 0);

/** No network and nothing kept on this device: not the same as "not found". */
export const offline = (error: unknown) => error instanceof ApiError && error.status === 0;
