import { and, desc, eq, gte, isNull, lt, or } from 'drizzle-orm';
import type { MyWorkItem } from '../../../core/contracts/crisis.ts';
import { addDays, lastDayOf } from '../../../core/crisis.ts';
import type { Database, Tx } from '../../db/client.ts';
import {
  activitySessions,
  collectiveActivities,
  crisisMobilisationParticipants,
  encounters,
} from '../../db/schema/index.ts';
import type { Actor } from '../../http/request-context.ts';
import type { MobilisationRow } from './crisis.presenter.ts';

const shown = 30;

/**
 * The caller's own encounters and activity sessions inside the mobilisation's window, tagged with
 * it or with nothing, so they can untag what was not crisis work or retag what was. Only their
 * own work, and no person in it: a contact shows as its time.
 */
export async function myWorkIn(db: Database | Tx, actor: Actor, row: MobilisationRow): Promise<MyWorkItem[]> {
  if (row.status !== 'validated' && row.status !== 'ended') return [];
  const [takesPart] = await db
    .select()
    .from(crisisMobilisationParticipants)
    .where(
      and(
        eq(crisisMobilisationParticipants.mobilisationId, row.id),
        eq(crisisMobilisationParticipants.userId, actor.id),
      ),
    );
  if (!takesPart) return [];
  const lastDay = lastDayOf(row);
  const contacts = await db
    .select({ id: encounters.id, at: encounters.occurredAt, tag: encounters.crisisMobilisationId })
    .from(encounters)
    .where(
      and(
        eq(encounters.teamId, row.teamId),
        eq(encounters.createdBy, actor.id),
        or(eq(encounters.crisisMobilisationId, row.id), isNull(encounters.crisisMobilisationId)),
        gte(encounters.occurredAt, new Date(`${row.startsOn}T00:00:00Z`)),
        lt(encounters.occurredAt, new Date(`${addDays(lastDay, 1)}T00:00:00Z`)),
      ),
    )
    .orderBy(desc(encounters.occurredAt))
    .limit(shown);
  const sessions = await db
    .select({
      id: activitySessions.id,
      on: activitySessions.onDate,
      title: collectiveActivities.title,
      tag: activitySessions.crisisMobilisationId,
    })
    .from(activitySessions)
    .innerJoin(collectiveActivities, eq(collectiveActivities.id, activitySessions.activityId))
    .where(
      and(
        eq(activitySessions.teamId, row.teamId),
        eq(activitySessions.createdBy, actor.id),
        or(eq(activitySessions.crisisMobilisationId, row.id), isNull(activitySessions.crisisMobilisationId)),
        gte(activitySessions.onDate, row.startsOn),
        lt(activitySessions.onDate, addDays(lastDay, 1)),
      ),
    )
    .orderBy(desc(activitySessions.onDate))
    .limit(shown);
  const items: MyWorkItem[] = [
    ...contacts.map((c) => ({
      kind: 'encounter' as const,
      id: c.id,
      at: c.at.toISOString(),
      label: null,
      tagged: c.tag === row.id,
    })),
    ...sessions.map((s) => ({
      kind: 'activitySession' as const,
      id: s.id,
      at: s.on,
      label: s.title,
      tagged: s.tag === row.id,
    })),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, shown);
}
