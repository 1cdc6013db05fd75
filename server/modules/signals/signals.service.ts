import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  changeNeedSignalBodySchema,
  DetectionResult,
  NeedSignal,
  needSignalListQuerySchema,
} from '../../../core/contracts/signals.ts';
import { type LocalizedText, text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { needSignals, neighbourhoods, taxonomyTerms, teams, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { canWrite, scopedRecord, teamFilter } from '../fieldwork/fieldwork.policy.ts';
import { detectForTeam } from './signals.detect.ts';
import { presentSignal } from './signals.presenter.ts';

const signalLabel = text('Signal de besoin', 'Need signal');
const nobody = '00000000-0000-0000-0000-000000000000';

export async function needLabels(db: Database | Tx): Promise<Map<string, LocalizedText>> {
  const terms = await db.select().from(taxonomyTerms).where(eq(taxonomyTerms.kind, 'need'));
  return new Map(terms.map((t) => [t.code, { fr: t.labelFr, en: t.labelEn }]));
}

export async function signalRows(db: Database | Tx, where: SQL | undefined) {
  return db
    .select({
      signal: needSignals,
      neighbourhoodName: neighbourhoods.name,
      statusChangedByName: users.name,
    })
    .from(needSignals)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, needSignals.neighbourhoodId))
    .leftJoin(users, eq(users.id, needSignals.statusChangedBy))
    .where(where)
    .orderBy(desc(needSignals.lastDetectedAt), needSignals.need);
}

async function present(db: Database | Tx, rows: Awaited<ReturnType<typeof signalRows>>): Promise<NeedSignal[]> {
  const labels = await needLabels(db);
  return rows.map((row) =>
    presentSignal(
      { ...row.signal, neighbourhoodName: row.neighbourhoodName, statusChangedByName: row.statusChangedByName },
      labels,
    ),
  );
}

/** Signals of the caller's teams; an admin reads them only with a stated reason. */
export async function listSignals(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof needSignalListQuerySchema>,
) {
  const readable = teamFilter(actorOf(request), request, query.teamId);
  const statuses =
    query.status === 'open' ? ['new', 'acknowledged'] : query.status === 'all' ? undefined : [query.status];
  const rows = await signalRows(
    db,
    and(
      readable ? inArray(needSignals.teamId, readable.length ? readable : [nobody]) : undefined,
      query.neighbourhoodId ? eq(needSignals.neighbourhoodId, query.neighbourhoodId) : undefined,
      statuses ? inArray(needSignals.status, statuses) : undefined,
    ),
  );
  if (actorOf(request).role === 'admin')
    await recordAudit(db, request, { action: 'read', entityType: 'need_signal', details: { ...query } });
  return { items: await present(db, rows) };
}

/** Open signals of one neighbourhood, as the diagnostic shows them. */
export async function openSignalsOf(db: Database | Tx, neighbourhoodId: string, teamId: string) {
  const rows = await signalRows(
    db,
    and(
      eq(needSignals.neighbourhoodId, neighbourhoodId),
      eq(needSignals.teamId, teamId),
      inArray(needSignals.status, ['new', 'acknowledged']),
    ),
  );
  return present(db, rows);
}

export const scoped = scopedRecord(async (db, id) => {
  const [row] = await db.select().from(needSignals).where(eq(needSignals.id, id));
  return row;
}, signalLabel);

export async function presentOne(db: Database | Tx, id: string): Promise<NeedSignal> {
  const [row] = await present(db, await signalRows(db, eq(needSignals.id, id)));
  if (!row) throw notFound(signalLabel);
  return row;
}

/**
 * A status move by a member of the signal's team: who, when and why are kept on the signal and in
 * the audit log. Based on `baseVersion`; a stale one answers 409 with the signal as it is now.
 * Reopening a closed signal is refused by the open-signal index when another is open (409 too).
 */
export async function changeSignal(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof changeNeedSignalBodySchema>,
) {
  const signal = await scoped.writable(db, request, id);
  if (signal.version !== body.baseVersion) throw new VersionConflict(await presentOne(db, id));
  const actor = actorOf(request);
  return updateSignal(
    db,
    request,
    signal,
    body.baseVersion,
    { status: body.status, statusNote: body.note ?? null, statusChangedBy: actor.id, statusChangedAt: new Date() },
    { from: signal.status, to: body.status, note: Boolean(body.note) },
  );
}

/**
 * The one way a signal's row changes after detection: in a transaction, only if still at
 * `baseVersion` (bumped), with its audit entry. A stale version, or the open-signal index refusing
 * a reopening, answers 409 with the signal as it is now.
 */
export async function updateSignal(
  db: Database,
  request: FastifyRequest,
  signal: { id: string; teamId: string },
  baseVersion: number,
  fields: Partial<typeof needSignals.$inferInsert>,
  details: Record<string, unknown>,
) {
  const { id } = signal;
  try {
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(needSignals)
        .set({ ...fields, version: sql`${needSignals.version} + 1`, updatedAt: new Date() })
        .where(and(eq(needSignals.id, id), eq(needSignals.version, baseVersion)))
        .returning({ id: needSignals.id });
      if (!updated.length) throw new VersionConflict(null);
      await recordAudit(tx, request, {
        action: 'update',
        entityType: 'need_signal',
        entityId: id,
        teamId: signal.teamId,
        details,
      });
    });
  } catch (error) {
    if (error instanceof VersionConflict || isUniqueViolation(error))
      throw new VersionConflict(await presentOne(db, id));
    throw error;
  }
  return presentOne(db, id);
}

export function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

/** Detection on demand for the teams the caller coordinates (or the one named). */
export async function detectNow(
  db: Database,
  request: FastifyRequest,
  teamId: string | undefined,
): Promise<DetectionResult> {
  const actor = actorOf(request);
  const teamIds = teamId ? [teamId] : actor.teamIds;
  const outcome = { created: [] as string[], updated: [] as string[] };
  for (const id of teamIds) {
    if (!canWrite(actor, id)) throw notFound(text('Équipe', 'Team'));
    const result = await detectForTeam(db, request, id);
    outcome.created.push(...result.created);
    outcome.updated.push(...result.updated);
  }
  const ids = [...outcome.created, ...outcome.updated];
  const items = ids.length ? await present(db, await signalRows(db, inArray(needSignals.id, ids))) : [];
  return { created: outcome.created.length, updated: outcome.updated.length, items };
}

/** The team whose settings are read or written: the one named (if the caller is in it) or the caller's only one. */
export async function settingsTeam(db: Database, request: FastifyRequest, teamId: string | undefined): Promise<string> {
  const actor = actorOf(request);
  const id = teamId ?? (actor.teamIds.length === 1 ? actor.teamIds[0] : undefined);
  if (!id) throw invalidField('teamId', text('Choisissez l’équipe.', 'Choose the team.'));
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, id));
  if (!team || (actor.role !== 'admin' && !actor.teamIds.includes(team.id))) throw notFound(text('Équipe', 'Team'));
  return team.id;
}
