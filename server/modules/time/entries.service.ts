import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { TimeCategory } from '../../../core/collective.ts';
import type { CreateTimeEntryBody, TimeEntry, timeEntryListQuerySchema } from '../../../core/contracts/time.ts';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { collectiveActivities, timeEntries, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { activeMobilisationFor } from '../crisis/active-mobilisation.ts';
import { fieldError, invalidFields, unknownRecord } from '../fieldwork/fieldwork.errors.ts';
import { writeTeam } from '../fieldwork/fieldwork.policy.ts';
import { criteriaOfTeams, labelOf } from './criteria.service.ts';
import { addDays, isoDay, readTeam, seesWholeTeam } from './time.scope.ts';

type EntryRow = typeof timeEntries.$inferSelect;
const entryLabel = text('Temps saisi', 'Time entry');

export async function presentEntries(db: Database | Tx, rows: EntryRow[]): Promise<TimeEntry[]> {
  if (rows.length === 0) return [];
  const workerIds = [...new Set(rows.map((r) => r.workerId))];
  const names = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, workerIds));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const lists = await criteriaOfTeams(db, [...new Set(rows.map((r) => r.teamId))]);
  return rows.map((row) => ({
    id: row.id,
    teamId: row.teamId,
    workerId: row.workerId,
    workerName: nameOf.get(row.workerId) ?? '—',
    onDate: row.onDate,
    minutes: row.minutes,
    category: row.category as TimeCategory,
    criteria: row.criteria.map((code) => ({ code, label: labelOf(lists.get(row.teamId), row.category, code) })),
    outsideMandate: row.outsideMandate,
    activityId: row.activityId,
    crisisMobilisationId: row.crisisMobilisationId,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** What an entry says must hold for its team: active criteria of its mission, its own activity, no far future. */
async function checkEntry(db: Database | Tx, teamId: string, body: CreateTimeEntryBody): Promise<void> {
  const errors: FieldError[] = [];
  if (body.category === 'hostPartner' && body.criteria.length)
    errors.push(
      fieldError(
        'criteria',
        text('Le temps du partenaire hébergeur n’a pas de critères.', 'Host-partner time has no criteria.'),
      ),
    );
  else if (body.criteria.length) {
    const list = (await criteriaOfTeams(db, [teamId])).get(teamId)?.find((m) => m.mission === body.category);
    const active = new Set(list?.criteria.filter((c) => c.active).map((c) => c.code));
    body.criteria.forEach((code, k) => {
      if (!active.has(code))
        errors.push(
          fieldError(
            `criteria.${k}`,
            text(`Ce critère n’est pas celui de la mission : ${code}.`, `Not a criterion of this mission: ${code}.`),
          ),
        );
    });
  }
  if (body.onDate > addDays(isoDay(new Date()), 1))
    errors.push(fieldError('onDate', text('Ce jour n’est pas encore arrivé.', 'That day has not come yet.')));
  if (body.activityId) {
    const [activity] = await db
      .select({ teamId: collectiveActivities.teamId })
      .from(collectiveActivities)
      .where(eq(collectiveActivities.id, body.activityId));
    if (!activity || activity.teamId !== teamId) errors.push(unknownRecord('activityId'));
  }
  if (errors.length) throw invalidFields(errors);
}

/**
 * Saves the caller's time once under the device's id: sent again (a retry, the sync after the
 * REST route), it answers what was saved. A mission entry meeting none of its criteria is saved
 * and flagged outside the mandate, and the answer says so.
 */
export async function createTimeEntry(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: CreateTimeEntryBody,
): Promise<{ created: boolean; entry: TimeEntry }> {
  const actor = actorOf(request);
  const [existing] = await db.select().from(timeEntries).where(eq(timeEntries.id, id));
  if (existing) {
    if (existing.workerId !== actor.id)
      throw new AppError(
        409,
        'id_taken',
        text('Cet identifiant est déjà pris : réessayez.', 'This id is already taken: try again.'),
      );
    return { created: false, entry: (await presentEntries(db, [existing]))[0] as TimeEntry };
  }
  const teamId = writeTeam(actor, body.teamId);
  await checkEntry(db, teamId, body);
  const outsideMandate = body.category !== 'hostPartner' && body.criteria.length === 0;
  const saved = await db.transaction(async (tx) => {
    // Time given while its author takes part in a validated crisis mobilisation counts for it.
    const crisisMobilisationId = await activeMobilisationFor(tx, { teamId, userId: actor.id, day: body.onDate });
    const [row] = await tx
      .insert(timeEntries)
      .values({
        id,
        teamId,
        workerId: actor.id,
        onDate: body.onDate,
        minutes: body.minutes,
        category: body.category,
        criteria: [...new Set(body.criteria)],
        outsideMandate,
        activityId: body.activityId ?? null,
        note: body.note || null,
        crisisMobilisationId,
      })
      .onConflictDoNothing({ target: timeEntries.id })
      .returning();
    if (row)
      await recordAudit(tx, request, {
        action: 'create',
        entityType: 'timeEntry',
        entityId: id,
        teamId,
        details: { category: body.category, minutes: body.minutes, outsideMandate },
      });
    return row;
  });
  // Sent twice at once: the other request saved it first.
  if (!saved) return createTimeEntry(db, request, id, body);
  return { created: true, entry: (await presentEntries(db, [saved]))[0] as TimeEntry };
}

/** A worker sees their own entries; coordination those of the whole team (or of one worker). */
export async function listTimeEntries(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof timeEntryListQuerySchema>,
) {
  const actor = actorOf(request);
  const teamId = readTeam(request, query.teamId);
  const conditions = [eq(timeEntries.teamId, teamId)];
  if (!seesWholeTeam(actor)) conditions.push(eq(timeEntries.workerId, actor.id));
  else if (query.workerId) conditions.push(eq(timeEntries.workerId, query.workerId));
  if (query.from) conditions.push(gte(timeEntries.onDate, query.from));
  if (query.to) conditions.push(lte(timeEntries.onDate, query.to));
  const rows = await db
    .select()
    .from(timeEntries)
    .where(and(...conditions))
    .orderBy(desc(timeEntries.onDate), desc(timeEntries.createdAt), asc(timeEntries.id))
    .limit(500);
  return { items: await presentEntries(db, rows) };
}

/** A worker takes back their own entry (a mistake); coordination may remove any of its team's. */
export async function deleteTimeEntry(db: Database, request: FastifyRequest, id: string) {
  const actor = actorOf(request);
  const [row] = await db.select().from(timeEntries).where(eq(timeEntries.id, id));
  const allowed =
    row && actor.teamIds.includes(row.teamId) && (row.workerId === actor.id || actor.role === 'coordinator');
  if (!row || !allowed) throw notFound(entryLabel);
  await db.transaction(async (tx) => {
    await tx.delete(timeEntries).where(eq(timeEntries.id, id));
    await recordAudit(tx, request, {
      action: 'delete',
      entityType: 'timeEntry',
      entityId: id,
      teamId: row.teamId,
      details: { workerId: row.workerId, minutes: row.minutes, onDate: row.onDate },
    });
  });
  return { ok: true as const };
}
