import { queryClient } from '../../app/query-client.ts';
import { amendPending, enqueue, inFlight, listOperations, retryOperation } from '../../offline/outbox.ts';
import { readCache, writeCache } from '../../offline/store.ts';
import { activitiesKey, type SessionDraft, waitingSave } from './data.ts';

/**
 * Attendance always goes through the outbox, as field work does: the same path online and
 * offline, so a session taken without network lands exactly like one taken with it.
 */
let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * The version each session will have on the server once this device's saves land: a second save
 * made before the page could read the first one back is then based on the right version.
 */
const expectedVersions = 'activity-session-versions';

/**
 * Saves a session whole. A save still waiting for the same session is replaced (one operation per
 * session, not one per tap); a refused one is corrected and sent again; otherwise a new save is
 * queued from the newest version this device knows.
 */
export function saveAttendance(
  activityId: string,
  sessionId: string,
  draft: SessionDraft,
  serverVersion: number | null,
): Promise<void> {
  return inTurn(async () => {
    const payload: Record<string, unknown> = { activityId, ...draft, note: draft.note?.trim() || null };
    const waiting = waitingSave(await listOperations(), sessionId);
    if (waiting && waiting.status === 'invalid') {
      await retryOperation(waiting.id, payload);
    } else if (
      !(waiting && waiting.status === 'pending' && !inFlight.has(waiting.id)) ||
      !(await amendPending(sessionId, 'activitySession.save', payload))
    ) {
      const versions = (await readCache<Record<string, number>>(expectedVersions)) ?? {};
      const known = Math.max(serverVersion ?? 0, versions[sessionId] ?? 0);
      await enqueue('activitySession.save', sessionId, payload, known > 0 ? known : undefined);
      versions[sessionId] = known + 1;
      await writeCache(expectedVersions, versions);
    }
    void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    void queryClient.invalidateQueries({ queryKey: activitiesKey });
  });
}
