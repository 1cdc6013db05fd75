import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  createObservationBodySchema,
  createSessionBodySchema,
  endSessionBodySchema,
  sessionListQuerySchema,
  tallyIncrementBodySchema,
  updateSessionBodySchema,
} from '../../../core/contracts/fieldwork.ts';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { outreachSessions, places, sessionObservations, sessionTallies } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { actorOf } from '../../http/request-context.ts';
import { activeCodes } from '../taxonomies/taxonomies.service.ts';
import { fieldError, invalidFields, unknownRecord, unknownTerm, VersionConflict } from './fieldwork.errors.ts';
import { scopedRecord, teamFilter, writeTeam } from './fieldwork.policy.ts';
import { presentObservation, presentSession } from './sessions.presenter.ts';
import {
  findSession,
  membersOfTeam,
  observationsOf,
  replaceSessionMembers,
  type SessionRow,
  sessionExtras,
} from './sessions.repo.ts';

const sessionLabel = text('Sortie', 'Outreach session');
export const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);

export async function presentSessions(db: Database | Tx, rows: SessionRow[]) {
  const extras = await sessionExtras(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentSession(row, extras));
}

async function presentOne(db: Database | Tx, row: SessionRow) {
  return (await presentSessions(db, [row]))[0] as ReturnType<typeof presentSession>;
}

export async function listSessions(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof sessionListQuerySchema>,
) {
  const teams = teamFilter(actorOf(request), request, query.teamId);
  if (teams && teams.length === 0) return { items: [], total: 0 };
  const conditions: SQL[] = [];
  if (teams) conditions.push(inArray(outreachSessions.teamId, teams));
  if (query.from) conditions.push(gte(outreachSessions.onDate, query.from));
  if (query.to) conditions.push(lte(outreachSessions.onDate, query.to));
  if (query.status === 'planned') conditions.push(isNull(outreachSessions.startedAt));
  if (query.status === 'running')
    conditions.push(and(isNotNull(outreachSessions.startedAt), isNull(outreachSessions.endedAt)) as SQL);
  if (query.status === 'ended') conditions.push(isNotNull(outreachSessions.endedAt));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(outreachSessions)
      .where(where)
      .orderBy(desc(outreachSessions.onDate), desc(outreachSessions.startedAt), desc(outreachSessions.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(outreachSessions).where(where),
  ]);
  return { items: await presentSessions(db, rows), total: Number(totals[0]?.total ?? 0) };
}

/** The session if the caller may read it; 404 otherwise (403 for an admin without a reason). */
const { readable, writable } = scopedRecord(findSession, sessionLabel);

export async function getSession(db: Database, request: FastifyRequest, id: string) {
  const row = await readable(db, request, id);
  const [session, observations] = await Promise.all([presentOne(db, row), observationsOf(db, id)]);
  if (actorOf(request).role === 'admin')
    await recordAudit(db, request, {
      action: 'read',
      entityType: 'outreach_session',
      entityId: id,
      teamId: row.teamId,
    });
  return { ...session, observations: observations.map(presentObservation) };
}

async function checkPlaceAndMembers(
  db: Database | Tx,
  teamId: string,
  placeId: string | null | undefined,
  memberIds: string[] | undefined,
) {
  const problems = [];
  if (placeId) {
    const [place] = await db.select({ teamId: places.teamId }).from(places).where(eq(places.id, placeId));
    if (!place || place.teamId !== teamId) problems.push(unknownRecord('placeId'));
  }
  if (memberIds?.length) {
    const found = await membersOfTeam(db, teamId, memberIds);
    memberIds.forEach((id, index) => {
      if (!found.has(id))
        problems.push(
          fieldError(`memberIds.${index}`, text('Pas membre de cette équipe.', 'Not a member of this team.')),
        );
    });
  }
  if (problems.length) throw invalidFields(problems);
}

/** Starts (or plans) a session; the caller is always one of its members. */
export async function startSession(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof createSessionBodySchema>,
) {
  const actor = actorOf(request);
  const teamId = writeTeam(actor, body.teamId);
  const memberIds = [...new Set([actor.id, ...body.memberIds])];
  await checkPlaceAndMembers(db, teamId, body.placeId, memberIds);
  const startedAt = body.status === 'running' ? (body.startedAt ? new Date(body.startedAt) : new Date()) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(outreachSessions)
      .values({
        id,
        teamId,
        kind: body.kind,
        onDate: body.onDate ?? dayOf(startedAt ?? new Date()),
        startedAt,
        placeId: body.placeId ?? null,
        zone: body.zone ?? null,
        createdBy: actor.id,
      })
      .returning();
    await replaceSessionMembers(tx, id, memberIds);
    await recordAudit(tx, request, { action: 'create', entityType: 'outreach_session', entityId: id, teamId });
    return presentOne(tx, row as SessionRow);
  });
}

type SessionChanges = Partial<typeof outreachSessions.$inferInsert> & { memberIds?: string[] };

/** Applies changes if `baseVersion` is still current (or not given); a conflict otherwise. */
async function changeSession(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  baseVersion: number | undefined,
  changes: SessionChanges,
) {
  const current = await writable(db, request, id);
  const { memberIds, ...fields } = changes;
  await checkPlaceAndMembers(db, current.teamId, fields.placeId, memberIds);
  return db.transaction(async (tx) => {
    const versionCheck = baseVersion === undefined ? undefined : eq(outreachSessions.version, baseVersion);
    const [row] = await tx
      .update(outreachSessions)
      .set({ ...fields, version: sql`${outreachSessions.version} + 1`, updatedAt: new Date() })
      .where(and(eq(outreachSessions.id, id), versionCheck))
      .returning();
    if (!row) throw new VersionConflict(await presentOne(tx, (await findSession(tx, id)) as SessionRow));
    if (memberIds) await replaceSessionMembers(tx, id, [...new Set(memberIds)]);
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'outreach_session',
      entityId: id,
      teamId: row.teamId,
      details: { fields: Object.keys(changes) },
    });
    return presentOne(tx, row);
  });
}

export async function updateSession(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateSessionBodySchema>,
) {
  const { baseVersion, startedAt, endedAt, ...rest } = body;
  return changeSession(db, request, id, baseVersion, {
    ...rest,
    ...(startedAt !== undefined ? { startedAt: startedAt ? new Date(startedAt) : null } : {}),
    ...(endedAt !== undefined ? { endedAt: endedAt ? new Date(endedAt) : null } : {}),
  });
}

/** Ending twice keeps the first end: an offline "end" replayed late changes nothing. */
export async function endSession(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof endSessionBodySchema>,
) {
  const current = await writable(db, request, id);
  if (current.endedAt) return presentOne(db, current);
  const endedAt = body.endedAt ? new Date(body.endedAt) : new Date();
  return changeSession(db, request, id, body.baseVersion, { endedAt, startedAt: current.startedAt ?? endedAt });
}

/**
 * Adds to a counter, never overwrites it: `count = count + delta`, floored at zero. Tallies from
 * two phones add up, and the session's version does not move (no conflict to resolve).
 */
export async function addTally(
  db: Database | Tx,
  request: FastifyRequest,
  sessionId: string,
  body: z.output<typeof tallyIncrementBodySchema>,
) {
  const session = await writable(db, request, sessionId);
  const codes = await activeCodes(db);
  if (!codes.get('tallyKind')?.has(body.kind)) throw invalidFields([unknownTerm('kind', body.kind)]);
  return db.transaction(async (tx) => {
    await tx
      .insert(sessionTallies)
      .values({ sessionId, kind: body.kind, count: Math.max(0, body.delta) })
      .onConflictDoUpdate({
        target: [sessionTallies.sessionId, sessionTallies.kind],
        set: { count: sql`greatest(0, ${sessionTallies.count} + ${body.delta})`, updatedAt: new Date() },
      });
    return presentOne(tx, session);
  });
}

export async function addObservation(
  db: Database | Tx,
  request: FastifyRequest,
  sessionId: string,
  id: string,
  body: z.output<typeof createObservationBodySchema>,
) {
  const session = await writable(db, request, sessionId);
  const codes = await activeCodes(db);
  const problems = body.themes.flatMap((code, index) =>
    codes.get('observationTheme')?.has(code) ? [] : [unknownTerm(`themes.${index}`, code)],
  );
  if (problems.length) throw invalidFields(problems);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sessionObservations)
      .values({
        id,
        sessionId,
        body: body.body,
        themes: body.themes,
        recordedBy: actorOf(request).id,
        recordedAt: body.recordedAt ? new Date(body.recordedAt) : new Date(),
      })
      .returning();
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'session_observation',
      entityId: id,
      teamId: session.teamId,
    });
    return presentObservation(row as typeof sessionObservations.$inferSelect);
  });
}
