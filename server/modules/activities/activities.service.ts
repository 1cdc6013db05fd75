import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ActivityKind, GroupType, Mission } from '../../../core/collective.ts';
import type {
  Activity,
  ActivitySummary,
  activityListQuerySchema,
  createActivityBodySchema,
  updateActivityBodySchema,
} from '../../../core/contracts/activities.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { activityPartners, activitySessions, actors, collectiveActivities } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { actorOf } from '../../http/request-context.ts';
import { checkUsableActors } from '../directory/usable-actors.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { teamFilter, writeTeam } from '../fieldwork/fieldwork.policy.ts';
import { activityRecord } from './activity.record.ts';
import { checkTeamReferences } from './activity.references.ts';
import { sessionsOf } from './sessions.service.ts';

type ActivityRow = typeof collectiveActivities.$inferSelect;
type CreateBody = z.output<typeof createActivityBodySchema>;

async function summariesOf(db: Database | Tx, rows: ActivityRow[]): Promise<ActivitySummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const partners = await db
    .select({ activityId: activityPartners.activityId, id: actors.id, name: actors.name })
    .from(activityPartners)
    .innerJoin(actors, eq(actors.id, activityPartners.actorId))
    .where(inArray(activityPartners.activityId, ids))
    .orderBy(asc(actors.name));
  const sessions = await db
    .select({
      activityId: activitySessions.activityId,
      count: sql<number>`count(*)::int`,
      last: sql<string | null>`max(${activitySessions.onDate})::text`,
    })
    .from(activitySessions)
    .where(inArray(activitySessions.activityId, ids))
    .groupBy(activitySessions.activityId);
  const sessionFigures = new Map(sessions.map((s) => [s.activityId, s]));
  return rows.map((row) => ({
    id: row.id,
    teamId: row.teamId,
    neighbourhoodId: row.neighbourhoodId,
    title: row.title,
    kind: row.kind as ActivityKind,
    groupType: row.groupType as GroupType,
    mission: row.mission as Mission | null,
    themes: row.themes,
    languages: row.languages,
    placeId: row.placeId,
    description: row.description,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    active: row.active,
    partners: partners.filter((p) => p.activityId === row.id).map(({ id, name }) => ({ id, name })),
    sessionCount: sessionFigures.get(row.id)?.count ?? 0,
    lastSessionOn: sessionFigures.get(row.id)?.last ?? null,
    version: row.version,
  }));
}

async function presentActivity(db: Database | Tx, row: ActivityRow): Promise<Activity> {
  const [summary] = await summariesOf(db, [row]);
  const sessionRows = await db
    .select()
    .from(activitySessions)
    .where(eq(activitySessions.activityId, row.id))
    .orderBy(desc(activitySessions.onDate), asc(activitySessions.id))
    .limit(50);
  return { ...(summary as ActivitySummary), sessions: await sessionsOf(db, sessionRows) };
}

export async function listActivities(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof activityListQuerySchema>,
) {
  const teams = teamFilter(actorOf(request), request, query.teamId);
  if (teams && teams.length === 0) return { items: [] };
  const conditions = [];
  if (teams) conditions.push(inArray(collectiveActivities.teamId, teams));
  if (query.includeInactive !== 'true') conditions.push(eq(collectiveActivities.active, true));
  const rows = await db
    .select()
    .from(collectiveActivities)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(collectiveActivities.title), asc(collectiveActivities.id));
  return { items: await summariesOf(db, rows) };
}

/** An activity and its recent sessions; who attended is personal data, so the read is logged. */
export async function readActivity(db: Database, request: FastifyRequest, id: string) {
  const row = await activityRecord.readable(db, request, id);
  const activity = await presentActivity(db, row);
  const named = activity.sessions.reduce((sum, s) => sum + s.attendees.length, 0);
  if (named > 0)
    await recordAudit(db, request, {
      action: 'read',
      entityType: 'activity',
      entityId: id,
      teamId: row.teamId,
      details: { attendees: named },
    });
  return activity;
}

async function replacePartners(tx: Tx, activityId: string, partnerIds: string[]) {
  await tx.delete(activityPartners).where(eq(activityPartners.activityId, activityId));
  const unique = [...new Set(partnerIds)];
  if (unique.length) await tx.insert(activityPartners).values(unique.map((actorId) => ({ activityId, actorId })));
}

const partnerPaths = (ids: string[]) => ids.map((id, k) => ({ path: `partnerIds.${k}`, id }));

export async function createActivity(db: Database, request: FastifyRequest, body: CreateBody) {
  const teamId = writeTeam(actorOf(request), body.teamId);
  await checkTeamReferences(db, teamId, body);
  await checkUsableActors(db, teamId, partnerPaths(body.partnerIds));
  const { id: givenId, teamId: _team, partnerIds, ...fields } = body;
  const id = givenId ?? uuidv7();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(collectiveActivities)
      .values({ id, teamId, ...fields, createdBy: actorOf(request).id })
      .returning();
    await replacePartners(tx, id, partnerIds);
    await recordAudit(tx, request, { action: 'create', entityType: 'activity', entityId: id, teamId });
    return presentActivity(tx, row as ActivityRow);
  });
}

export async function updateActivity(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateActivityBodySchema>,
) {
  const current = await activityRecord.writable(db, request, id);
  await checkTeamReferences(db, current.teamId, body);
  if (body.partnerIds) await checkUsableActors(db, current.teamId, partnerPaths(body.partnerIds));
  const { baseVersion, partnerIds, ...fields } = body;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(collectiveActivities)
      .set({ ...fields, version: sql`${collectiveActivities.version} + 1`, updatedAt: new Date() })
      .where(and(eq(collectiveActivities.id, id), eq(collectiveActivities.version, baseVersion)))
      .returning();
    if (!row) {
      const [now] = await tx.select().from(collectiveActivities).where(eq(collectiveActivities.id, id));
      throw new VersionConflict(now ? await presentActivity(tx, now) : null);
    }
    if (partnerIds) await replacePartners(tx, id, partnerIds);
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'activity',
      entityId: id,
      teamId: row.teamId,
      details: { fields: [...Object.keys(fields), ...(partnerIds ? ['partnerIds'] : [])] },
    });
    return presentActivity(tx, row);
  });
}
