import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  Meeting,
  meetingBodySchema,
  nominativeCheckBodySchema,
  updateMeetingBodySchema,
} from '../../../core/contracts/committees.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { committeeMeetings } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { actorOf } from '../../http/request-context.ts';
import { checkUsableActors } from '../directory/usable-actors.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { scopedRecord, writeTeam } from '../fieldwork/fieldwork.policy.ts';
import { committeeRecord } from './committees.service.ts';
import { assertNoNominativeData, meetingTexts, nominativeMatches } from './nominative.guard.ts';

type MeetingRow = typeof committeeMeetings.$inferSelect;
type MeetingBody = z.output<typeof meetingBodySchema>;

const meetingRecord = scopedRecord(
  async (db: Database | Tx, id: string) => {
    const [row] = await db.select().from(committeeMeetings).where(eq(committeeMeetings.id, id));
    return row;
  },
  text('Rencontre', 'Meeting'),
);

function presentMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    committeeId: row.committeeId,
    teamId: row.teamId,
    heldOn: row.heldOn,
    agenda: row.agenda,
    minutes: row.minutes,
    situations: row.situations,
    decisions: row.decisions,
    followUps: row.followUps.map((f) => ({
      what: f.what,
      actorId: f.actorId ?? null,
      dueOn: f.dueOn ?? null,
      doneOn: f.doneOn ?? null,
    })),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

type StoredFollowUp = { what: string; actorId: string | null; dueOn: string | null; doneOn: string | null };

/** The stored form of a meeting's content: follow-ups with every key, nulls explicit. */
function contentOf<Body extends Partial<MeetingBody>>(body: Body) {
  const { confirmedNotNames: _confirmed, followUps, ...content } = body;
  const stored: Omit<Body, 'confirmedNotNames' | 'followUps'> & { followUps?: StoredFollowUp[] } = content;
  if (followUps)
    stored.followUps = followUps.map((f) => ({
      what: f.what,
      actorId: f.actorId ?? null,
      dueOn: f.dueOn ?? null,
      doneOn: f.doneOn ?? null,
    }));
  return stored;
}

const followUpActors = (body: Partial<MeetingBody>) =>
  (body.followUps ?? []).flatMap((f, k) => (f.actorId ? [{ path: `followUps.${k}.actorId`, id: f.actorId }] : []));

export async function createMeeting(db: Database, request: FastifyRequest, committeeId: string, body: MeetingBody) {
  const committee = await committeeRecord.writable(db, request, committeeId);
  await checkUsableActors(db, committee.teamId, followUpActors(body));
  const flagged = await assertNoNominativeData(db, committee.teamId, meetingTexts(body), body.confirmedNotNames);
  const id = uuidv7();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(committeeMeetings)
      .values({ id, committeeId, teamId: committee.teamId, createdBy: actorOf(request).id, ...contentOf(body) })
      .returning();
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'committeeMeeting',
      entityId: id,
      teamId: committee.teamId,
      details: { committeeId, confirmedNotNames: flagged },
    });
    return presentMeeting(row as MeetingRow);
  });
}

export async function readMeeting(db: Database, request: FastifyRequest, id: string) {
  return presentMeeting(await meetingRecord.readable(db, request, id));
}

export async function updateMeeting(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateMeetingBodySchema>,
) {
  const current = await meetingRecord.writable(db, request, id);
  const { baseVersion, ...changes } = body;
  await checkUsableActors(db, current.teamId, followUpActors(changes));
  const flagged = await assertNoNominativeData(
    db,
    current.teamId,
    meetingTexts(changes),
    changes.confirmedNotNames ?? [],
  );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(committeeMeetings)
      .set({ ...contentOf(changes), version: sql`${committeeMeetings.version} + 1`, updatedAt: new Date() })
      .where(and(eq(committeeMeetings.id, id), eq(committeeMeetings.version, baseVersion)))
      .returning();
    if (!row) {
      const [now] = await tx.select().from(committeeMeetings).where(eq(committeeMeetings.id, id));
      throw new VersionConflict(now ? presentMeeting(now) : null);
    }
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'committeeMeeting',
      entityId: id,
      teamId: row.teamId,
      details: { fields: Object.keys(contentOf(changes)), confirmedNotNames: flagged },
    });
    return presentMeeting(row);
  });
}

/** The check alone, while the author types: where the known names and phone numbers are. */
export async function checkTexts(
  db: Database,
  request: FastifyRequest,
  body: z.output<typeof nominativeCheckBodySchema>,
) {
  const teamId = writeTeam(actorOf(request), body.teamId);
  const matches = await nominativeMatches(db, teamId, body.texts);
  return { matches: matches.map(({ path, start, end, found, kind }) => ({ path, start, end, found, kind })) };
}
