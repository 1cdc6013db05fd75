import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  Committee,
  CommitteeSummary,
  committeeListQuerySchema,
  createCommitteeBodySchema,
  updateCommitteeBodySchema,
} from '../../../core/contracts/committees.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { actors, committeeMeetings, committeeMembers, committees, neighbourhoods } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { checkUsableActors } from '../directory/usable-actors.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { scopedRecord, teamFilter, writeTeam } from '../fieldwork/fieldwork.policy.ts';

type CommitteeRow = typeof committees.$inferSelect;
type MemberInput = z.output<typeof createCommitteeBodySchema>['members'][number];
export const committeeLabel = text('Comité', 'Committee');

export const committeeRecord = scopedRecord(async (db: Database | Tx, id: string) => {
  const [row] = await db.select().from(committees).where(eq(committees.id, id));
  return row;
}, committeeLabel);

/** Member counts, last meeting and open follow-ups of several committees, in one query each. */
async function summariesOf(db: Database | Tx, rows: CommitteeRow[]): Promise<CommitteeSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const members = await db
    .select({ id: committeeMembers.committeeId, n: sql<number>`count(*)::int` })
    .from(committeeMembers)
    .where(inArray(committeeMembers.committeeId, ids))
    .groupBy(committeeMembers.committeeId);
  const meetings = await db
    .select({
      id: committeeMeetings.committeeId,
      last: sql<string | null>`max(${committeeMeetings.heldOn})::text`,
      open: sql<number>`coalesce(sum((select count(*) from jsonb_array_elements(${committeeMeetings.followUps}) f
        where coalesce(f->>'doneOn', '') = '')), 0)::int`,
    })
    .from(committeeMeetings)
    .where(inArray(committeeMeetings.committeeId, ids))
    .groupBy(committeeMeetings.committeeId);
  const memberCount = new Map(members.map((m) => [m.id, m.n]));
  const meetingFigures = new Map(meetings.map((m) => [m.id, m]));
  return rows.map((row) => ({
    id: row.id,
    teamId: row.teamId,
    name: row.name,
    purpose: row.purpose,
    neighbourhoodId: row.neighbourhoodId,
    active: row.active,
    memberCount: memberCount.get(row.id) ?? 0,
    lastMeetingOn: meetingFigures.get(row.id)?.last ?? null,
    openFollowUps: meetingFigures.get(row.id)?.open ?? 0,
    version: row.version,
  }));
}

async function presentCommittee(db: Database | Tx, row: CommitteeRow): Promise<Committee> {
  const [summary] = await summariesOf(db, [row]);
  const members = await db
    .select({
      actorId: committeeMembers.actorId,
      actorName: actors.name,
      role: committeeMembers.role,
      since: committeeMembers.since,
      until: committeeMembers.until,
    })
    .from(committeeMembers)
    .innerJoin(actors, eq(actors.id, committeeMembers.actorId))
    .where(eq(committeeMembers.committeeId, row.id))
    .orderBy(asc(actors.name));
  const meetings = await db
    .select({ id: committeeMeetings.id, heldOn: committeeMeetings.heldOn, version: committeeMeetings.version })
    .from(committeeMeetings)
    .where(eq(committeeMeetings.committeeId, row.id))
    .orderBy(sql`${committeeMeetings.heldOn} desc`, asc(committeeMeetings.id));
  return { ...(summary as CommitteeSummary), members, meetings };
}

export async function listCommittees(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof committeeListQuerySchema>,
) {
  const teams = teamFilter(actorOf(request), request, query.teamId);
  if (teams && teams.length === 0) return { items: [] };
  const conditions = [];
  if (teams) conditions.push(inArray(committees.teamId, teams));
  if (query.includeInactive !== 'true') conditions.push(eq(committees.active, true));
  const rows = await db
    .select()
    .from(committees)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(committees.name), asc(committees.id));
  return { items: await summariesOf(db, rows) };
}

export async function readCommittee(db: Database, request: FastifyRequest, id: string) {
  return presentCommittee(db, await committeeRecord.readable(db, request, id));
}

async function checkNeighbourhood(db: Database | Tx, teamId: string, neighbourhoodId: string | null | undefined) {
  if (!neighbourhoodId) return;
  const [row] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.id, neighbourhoodId));
  if (!row || row.teamId !== teamId)
    throw invalidField(
      'neighbourhoodId',
      text('Ce quartier n’est pas servi par cette équipe.', 'This neighbourhood is not served by this team.'),
    );
}

async function replaceMembers(tx: Tx, committeeId: string, members: MemberInput[]) {
  await tx.delete(committeeMembers).where(eq(committeeMembers.committeeId, committeeId));
  const unique = [...new Map(members.map((m) => [m.actorId, m])).values()];
  if (unique.length === 0) return;
  await tx.insert(committeeMembers).values(
    unique.map((member) => ({
      committeeId,
      actorId: member.actorId,
      role: member.role ?? null,
      since: member.since ?? null,
      until: member.until ?? null,
    })),
  );
}

const memberPaths = (members: MemberInput[]) =>
  members.map((m, k) => ({ path: `members.${k}.actorId`, id: m.actorId }));

export async function createCommittee(
  db: Database,
  request: FastifyRequest,
  body: z.output<typeof createCommitteeBodySchema>,
) {
  const teamId = writeTeam(actorOf(request), body.teamId);
  await checkNeighbourhood(db, teamId, body.neighbourhoodId);
  await checkUsableActors(db, teamId, memberPaths(body.members));
  const id = body.id ?? uuidv7();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(committees)
      .values({
        id,
        teamId,
        name: body.name,
        purpose: body.purpose ?? null,
        neighbourhoodId: body.neighbourhoodId ?? null,
        createdBy: actorOf(request).id,
      })
      .returning();
    await replaceMembers(tx, id, body.members);
    await recordAudit(tx, request, { action: 'create', entityType: 'committee', entityId: id, teamId });
    return presentCommittee(tx, row as CommitteeRow);
  });
}

export async function updateCommittee(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateCommitteeBodySchema>,
) {
  const current = await committeeRecord.writable(db, request, id);
  await checkNeighbourhood(db, current.teamId, body.neighbourhoodId);
  if (body.members) await checkUsableActors(db, current.teamId, memberPaths(body.members));
  const { baseVersion, members, ...fields } = body;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(committees)
      .set({ ...fields, version: sql`${committees.version} + 1`, updatedAt: new Date() })
      .where(and(eq(committees.id, id), eq(committees.version, baseVersion)))
      .returning();
    if (!row) {
      const [now] = await tx.select().from(committees).where(eq(committees.id, id));
      throw new VersionConflict(now ? await presentCommittee(tx, now) : null);
    }
    if (members) await replaceMembers(tx, id, members);
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'committee',
      entityId: id,
      teamId: row.teamId,
      details: { fields: [...Object.keys(fields), ...(members ? ['members'] : [])] },
    });
    return presentCommittee(tx, row);
  });
}
