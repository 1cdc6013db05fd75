import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type AttendanceRole, attendanceRoleToPersonRole } from '../../../core/collective.ts';
import type { ActivitySession, saveSessionBodySchema } from '../../../core/contracts/activities.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { activityAttendance, activitySessions, people, personRoles } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { actorOf } from '../../http/request-context.ts';
import { tagNewWork } from '../crisis/tag-on-create.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { scopedRecord } from '../fieldwork/fieldwork.policy.ts';
import { activityRecord } from './activity.record.ts';
import { checkTeamReferences } from './activity.references.ts';

type SessionRow = typeof activitySessions.$inferSelect;
export type SaveSessionBody = z.output<typeof saveSessionBodySchema>;

const sessionRecord = scopedRecord(
  async (db: Database | Tx, id: string) => {
    const [row] = await db.select().from(activitySessions).where(eq(activitySessions.id, id));
    return row;
  },
  text('Séance', 'Session'),
);

/** Sessions with their named attendees (by nickname) and the day's total. */
export async function sessionsOf(db: Database | Tx, rows: SessionRow[]): Promise<ActivitySession[]> {
  if (rows.length === 0) return [];
  const attendance = await db
    .select({
      sessionId: activityAttendance.sessionId,
      personId: activityAttendance.personId,
      nickname: people.nickname,
      role: activityAttendance.role,
    })
    .from(activityAttendance)
    .innerJoin(people, eq(people.id, activityAttendance.personId))
    .where(
      inArray(
        activityAttendance.sessionId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(people.nickname));
  return rows.map((row) => {
    const attendees = attendance
      .filter((a) => a.sessionId === row.id)
      .map(({ personId, nickname, role }) => ({ personId, nickname, role: role as AttendanceRole }));
    const counted = Object.values(row.headCounts).reduce((sum, n) => sum + n, 0);
    return {
      id: row.id,
      activityId: row.activityId,
      teamId: row.teamId,
      onDate: row.onDate,
      placeId: row.placeId,
      headCounts: row.headCounts,
      attendees,
      total: attendees.length + counted,
      note: row.note,
      version: row.version,
      crisisMobilisationId: row.crisisMobilisationId,
    };
  });
}

/**
 * A day's role feeds the person's trajectory: a volunteer with no volunteer role open gets one
 * from that day (co-facilitating starts a helper role). Roles already open are left as they are.
 */
async function feedRoleTrajectories(
  tx: Tx,
  request: FastifyRequest,
  attendees: { personId: string; role: AttendanceRole }[],
  onDate: string,
  title: string,
) {
  if (attendees.length === 0) return;
  const open = await tx
    .select({ personId: personRoles.personId, role: personRoles.role })
    .from(personRoles)
    .where(
      and(
        inArray(
          personRoles.personId,
          attendees.map((a) => a.personId),
        ),
        isNull(personRoles.endedOn),
      ),
    );
  const already = new Set(open.map((r) => `${r.personId}:${r.role}`));
  const started = attendees
    .map((a) => ({ personId: a.personId, role: attendanceRoleToPersonRole[a.role] }))
    .filter((a) => !already.has(`${a.personId}:${a.role}`));
  if (started.length === 0) return;
  await tx.insert(personRoles).values(
    started.map((a) => ({
      id: uuidv7(),
      personId: a.personId,
      role: a.role,
      startedOn: onDate,
      note: title,
      createdBy: actorOf(request).id,
    })),
  );
}

/** A new session run by a worker in a crisis mobilisation that day is tagged with it (modules/crisis). */
async function taggedSession(tx: Tx, row: typeof activitySessions.$inferInsert) {
  await tagNewWork(tx, [row], (session) => session.onDate);
  return row;
}

/**
 * Saves a whole session as the device keeps it: created on first save (the id is the device's),
 * replaced after (attendance included) when `baseVersion` is the current one, else 409 with the
 * current session. The same for the REST route and for the sync.
 */
export async function saveSession(
  db: Database | Tx,
  request: FastifyRequest,
  activityId: string,
  body: SaveSessionBody,
): Promise<{ created: boolean; session: ActivitySession }> {
  const activity = await activityRecord.writable(db, request, activityId);
  const survivors = await checkTeamReferences(db, activity.teamId, {
    placeId: body.placeId,
    personIds: body.attendees.map((a) => a.personId),
  });
  const attendees = [
    ...new Map(body.attendees.map((a) => [survivors.get(a.personId) ?? a.personId, a.role])).entries(),
  ].map(([personId, role]) => ({ personId, role }));
  const run = async (tx: Tx) => {
    const [existing] = await tx.select().from(activitySessions).where(eq(activitySessions.id, body.id));
    if (existing && (existing.activityId !== activityId || existing.teamId !== activity.teamId))
      throw new VersionConflict(null);
    const content = {
      onDate: body.onDate,
      placeId: body.placeId ?? activity.placeId ?? null,
      headCounts: body.headCounts as Record<string, number>,
      note: body.note ?? null,
    };
    let row: SessionRow | undefined;
    if (!existing) {
      [row] = await tx
        .insert(activitySessions)
        .values(
          await taggedSession(tx, {
            id: body.id,
            activityId,
            teamId: activity.teamId,
            createdBy: actorOf(request).id,
            ...content,
          }),
        )
        .returning();
    } else {
      [row] = await tx
        .update(activitySessions)
        .set({ ...content, version: sql`${activitySessions.version} + 1`, updatedAt: new Date() })
        .where(and(eq(activitySessions.id, body.id), eq(activitySessions.version, body.baseVersion ?? 0)))
        .returning();
      if (!row) throw new VersionConflict((await sessionsOf(tx, [existing]))[0]);
      await tx.delete(activityAttendance).where(eq(activityAttendance.sessionId, body.id));
    }
    if (attendees.length)
      await tx.insert(activityAttendance).values(attendees.map((a) => ({ sessionId: body.id, ...a })));
    await feedRoleTrajectories(tx, request, attendees, body.onDate, activity.title);
    await recordAudit(tx, request, {
      action: existing ? 'update' : 'create',
      entityType: 'activitySession',
      entityId: body.id,
      teamId: activity.teamId,
      details: { activityId, attendees: attendees.length },
    });
    return { created: !existing, session: (await sessionsOf(tx, [row as SessionRow]))[0] as ActivitySession };
  };
  return db.transaction(run);
}

export async function readSession(db: Database, request: FastifyRequest, id: string) {
  const row = await sessionRecord.readable(db, request, id);
  const [session] = await sessionsOf(db, [row]);
  if (session?.attendees.length)
    await recordAudit(db, request, {
      action: 'read',
      entityType: 'activitySession',
      entityId: id,
      teamId: row.teamId,
      details: { attendees: session.attendees.length },
    });
  return session as ActivitySession;
}
