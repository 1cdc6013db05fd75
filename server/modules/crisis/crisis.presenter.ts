import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Mobilisation, MobilisationDetail } from '../../../core/contracts/crisis.ts';
import type { MobilisationEventKind, MobilisationStatus } from '../../../core/crisis.ts';
import { addDays, endReminderDays } from '../../../core/crisis.ts';
import { suppressed } from '../../../core/small-cells.ts';
import type { Database, Tx } from '../../db/client.ts';
import {
  activitySessions,
  crisisMobilisationEvents,
  crisisMobilisationParticipants,
  type crisisMobilisations,
  encounters,
  timeEntries,
  users,
} from '../../db/schema/index.ts';
import type { Actor } from '../../http/request-context.ts';
import { myWorkIn } from './crisis.my-work.ts';

export type MobilisationRow = typeof crisisMobilisations.$inferSelect;

export const today = () => new Date().toISOString().slice(0, 10);

/** Something waits for a decision: the proposal itself, or a prolongation of a validated one. */
export const awaitsDecision = (row: MobilisationRow) =>
  row.status === 'proposed' || (row.status === 'validated' && row.proposedEndsOn !== null);

/**
 * The team's coordinator decides, or an admin who stated a reason (the route's guard asks for it);
 * never the person who asked for the step that waits (decision 0024).
 */
export function mayDecide(actor: Actor, row: MobilisationRow): boolean {
  if (row.pendingBy === actor.id) return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'coordinator' && actor.teamIds.includes(row.teamId);
}

function reminderOf(row: MobilisationRow, day: string): Mobilisation['reminder'] {
  if (row.status !== 'validated' || row.endsOn > addDays(day, endReminderDays)) return null;
  return row.endsOn < day ? 'endPassed' : 'endingSoon';
}

/** Several mobilisations with their proposer and participants' names, in two queries. */
export async function presentMobilisations(
  db: Database | Tx,
  actor: Actor,
  rows: MobilisationRow[],
): Promise<Mobilisation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const participants = await db
    .select({ mobilisationId: crisisMobilisationParticipants.mobilisationId, userId: users.id, name: users.name })
    .from(crisisMobilisationParticipants)
    .innerJoin(users, eq(users.id, crisisMobilisationParticipants.userId))
    .where(inArray(crisisMobilisationParticipants.mobilisationId, ids))
    .orderBy(asc(users.name));
  const proposerIds = rows.flatMap((row) => (row.proposedBy ? [row.proposedBy] : []));
  const proposers = proposerIds.length
    ? await db.select({ userId: users.id, name: users.name }).from(users).where(inArray(users.id, proposerIds))
    : [];
  const day = today();
  return rows.map((row) => ({
    id: row.id,
    teamId: row.teamId,
    title: row.title,
    reason: row.reason,
    sharePercent: row.sharePercent,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status as MobilisationStatus,
    proposedEndsOn: row.proposedEndsOn,
    endedOn: row.endedOn,
    decisionNote: row.decisionNote,
    proposedBy: proposers.find((p) => p.userId === row.proposedBy) ?? null,
    participants: participants.filter((p) => p.mobilisationId === row.id).map(({ userId, name }) => ({ userId, name })),
    reminder: reminderOf(row, day),
    canDecide: awaitsDecision(row) && mayDecide(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** How many encounters and activity sessions carry this mobilisation's tag, and the time given to it (partial indexes). */
async function taggedCounts(db: Database | Tx, id: string) {
  const count = sql<number>`count(*)::int`;
  const [contacts] = await db
    .select({ n: count })
    .from(encounters)
    .where(and(isNotNull(encounters.crisisMobilisationId), eq(encounters.crisisMobilisationId, id)));
  const [sessions] = await db
    .select({ n: count })
    .from(activitySessions)
    .where(and(isNotNull(activitySessions.crisisMobilisationId), eq(activitySessions.crisisMobilisationId, id)));
  const [time] = await db
    .select({ minutes: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)::int` })
    .from(timeEntries)
    .where(and(isNotNull(timeEntries.crisisMobilisationId), eq(timeEntries.crisisMobilisationId, id)));
  return {
    encounters: suppressed(contacts?.n ?? 0),
    activitySessions: suppressed(sessions?.n ?? 0),
    minutes: time?.minutes ?? 0,
  };
}

/** One mobilisation with its history and the work tagged with it (small counts shown "<5"). */
export async function presentDetail(
  db: Database | Tx,
  actor: Actor,
  row: MobilisationRow,
): Promise<MobilisationDetail> {
  const [summary] = await presentMobilisations(db, actor, [row]);
  const history = await db
    .select({
      kind: crisisMobilisationEvents.kind,
      at: crisisMobilisationEvents.at,
      by: users.name,
      endsOn: crisisMobilisationEvents.endsOn,
      note: crisisMobilisationEvents.note,
    })
    .from(crisisMobilisationEvents)
    .leftJoin(users, eq(users.id, crisisMobilisationEvents.byUser))
    .where(eq(crisisMobilisationEvents.mobilisationId, row.id))
    .orderBy(asc(crisisMobilisationEvents.at), asc(crisisMobilisationEvents.id));
  return {
    ...(summary as Mobilisation),
    history: history.map((event) => ({
      ...event,
      kind: event.kind as MobilisationEventKind,
      at: event.at.toISOString(),
      by: event.by ?? null,
    })),
    myWork: await myWorkIn(db, actor, row),
    tagged: await taggedCounts(db, row.id),
  };
}
