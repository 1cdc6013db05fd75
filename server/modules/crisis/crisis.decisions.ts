import { and, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { closeBodySchema, decisionBodySchema, prolongationBodySchema } from '../../../core/contracts/crisis.ts';
import {
  addDays,
  daysBetween,
  lastDayOf,
  type MobilisationEventKind,
  maxMobilisationDays,
} from '../../../core/crisis.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import {
  activitySessions,
  crisisMobilisationEvents,
  crisisMobilisationParticipants,
  crisisMobilisations,
  encounters,
  timeEntries,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, invalidField } from '../../http/errors.ts';
import { type Actor, actorOf } from '../../http/request-context.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { awaitsDecision, type MobilisationRow, mayDecide, presentDetail, today } from './crisis.presenter.ts';
import { mobilisationRecord } from './crisis.service.ts';

type Change = Partial<typeof crisisMobilisations.$inferInsert>;

const refusedStep = (fr: string, en: string) => new AppError(403, 'forbidden', text(fr, en));
const wrongState = (fr: string, en: string) => new AppError(409, 'invalid_state', text(fr, en));

async function participantIds(db: Database | Tx, id: string): Promise<string[]> {
  const rows = await db
    .select({ userId: crisisMobilisationParticipants.userId })
    .from(crisisMobilisationParticipants)
    .where(eq(crisisMobilisationParticipants.mobilisationId, id));
  return rows.map((row) => row.userId);
}

/** Those who may prolong or close: its people, the team's coordination, an admin with a reason. */
async function checkMayAct(db: Database, actor: Actor, row: MobilisationRow) {
  if (actor.role === 'admin' || (actor.role === 'coordinator' && actor.teamIds.includes(row.teamId))) return;
  if (row.proposedBy === actor.id || (await participantIds(db, row.id)).includes(actor.id)) return;
  throw refusedStep(
    'Seules les personnes mobilisées et la coordination peuvent prolonger ou clore.',
    'Only the people taking part and the coordination may prolong or close.',
  );
}

/**
 * Work its people logged in [from, to] before the window was validated (backdated starts, a
 * prolongation over days already worked) is tagged now; work untagged by hand is outside this
 * range or stays as its author left it, since only untagged work of those days is touched.
 */
export async function tagLoggedWork(tx: Tx, row: MobilisationRow, from: string, to: string) {
  const people = await participantIds(tx, row.id);
  if (people.length === 0 || to < from) return;
  await tx
    .update(encounters)
    .set({ crisisMobilisationId: row.id })
    .where(
      and(
        eq(encounters.teamId, row.teamId),
        inArray(encounters.createdBy, people),
        isNull(encounters.crisisMobilisationId),
        gte(encounters.occurredAt, new Date(`${from}T00:00:00Z`)),
        sql`${encounters.occurredAt} < ${new Date(`${addDays(to, 1)}T00:00:00Z`)}`,
      ),
    );
  await tx
    .update(activitySessions)
    .set({ crisisMobilisationId: row.id })
    .where(
      and(
        eq(activitySessions.teamId, row.teamId),
        inArray(activitySessions.createdBy, people),
        isNull(activitySessions.crisisMobilisationId),
        gte(activitySessions.onDate, from),
        lte(activitySessions.onDate, to),
      ),
    );
  await tx
    .update(timeEntries)
    .set({ crisisMobilisationId: row.id })
    .where(
      and(
        eq(timeEntries.teamId, row.teamId),
        inArray(timeEntries.workerId, people),
        isNull(timeEntries.crisisMobilisationId),
        gte(timeEntries.onDate, from),
        lte(timeEntries.onDate, to),
      ),
    );
}

/** Writes one step: the row if its version is still `baseVersion` (else 409), its event, its audit line. */
async function applyStep(
  db: Database,
  request: FastifyRequest,
  row: MobilisationRow,
  baseVersion: number,
  change: Change,
  events: { kind: MobilisationEventKind; endsOn?: string | null; note?: string | null }[],
  afterwards?: (tx: Tx, updated: MobilisationRow) => Promise<void>,
) {
  const actor = actorOf(request);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(crisisMobilisations)
      .set({ ...change, version: sql`${crisisMobilisations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(crisisMobilisations.id, row.id), eq(crisisMobilisations.version, baseVersion)))
      .returning();
    if (!updated) {
      const [now] = await tx.select().from(crisisMobilisations).where(eq(crisisMobilisations.id, row.id));
      throw new VersionConflict(now ? await presentDetail(tx, actor, now) : null);
    }
    const at = Date.now();
    await tx.insert(crisisMobilisationEvents).values(
      events.map((event, k) => ({
        id: uuidv7(),
        mobilisationId: row.id,
        kind: event.kind,
        endsOn: event.endsOn ?? null,
        note: event.note ?? null,
        byUser: actor.id,
        // Steps written together keep their order in the history.
        at: new Date(at + k),
      })),
    );
    if (afterwards) await afterwards(tx, updated);
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'crisisMobilisation',
      entityId: row.id,
      teamId: row.teamId,
      details: { steps: events.map((event) => event.kind) },
    });
    return presentDetail(tx, actor, updated);
  });
}

/** The coordination validates or refuses what waits: the proposal, or a prolongation. */
export async function decide(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof decisionBodySchema>,
) {
  const actor = actorOf(request);
  const row = await mobilisationRecord.readable(db, request, id);
  if (!awaitsDecision(row)) throw wrongState('Rien n’attend de décision ici.', 'Nothing here waits for a decision.');
  if (!mayDecide(actor, row))
    throw refusedStep(
      row.pendingBy === actor.id
        ? 'Vous ne pouvez pas valider ce que vous avez vous-même proposé : la coordination s’en charge.'
        : 'Seule la coordination de l’équipe valide ou refuse une mobilisation.',
      row.pendingBy === actor.id
        ? 'You cannot validate what you proposed yourself: the coordination does.'
        : 'Only the team’s coordination validates or refuses a mobilisation.',
    );
  const note = body.note || null;
  const validate = body.decision === 'validate';
  if (row.status === 'proposed')
    return applyStep(
      db,
      request,
      row,
      body.baseVersion,
      { status: validate ? 'validated' : 'refused', decisionNote: note, pendingBy: null },
      [{ kind: validate ? 'validated' : 'refused', endsOn: row.endsOn, note }],
      validate ? (tx, updated) => tagLoggedWork(tx, updated, updated.startsOn, updated.endsOn) : undefined,
    );
  const newEnd = row.proposedEndsOn as string;
  return applyStep(
    db,
    request,
    row,
    body.baseVersion,
    validate
      ? { endsOn: newEnd, proposedEndsOn: null, pendingBy: null, decisionNote: note }
      : { proposedEndsOn: null, pendingBy: null, decisionNote: note },
    [{ kind: validate ? 'prolongationValidated' : 'prolongationRefused', endsOn: newEnd, note }],
    validate ? (tx, updated) => tagLoggedWork(tx, updated, addDays(row.endsOn, 1), newEnd) : undefined,
  );
}

/**
 * A new end date, validated again: a coordinator who does not take part decides it at once (the
 * coordination asking itself would be a formality); anyone else's waits for the coordination.
 */
export async function prolong(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof prolongationBodySchema>,
) {
  const actor = actorOf(request);
  const row = await mobilisationRecord.readable(db, request, id);
  await checkMayAct(db, actor, row);
  if (row.status !== 'validated')
    throw wrongState('Seule une mobilisation validée se prolonge.', 'Only a validated mobilisation can be prolonged.');
  if (body.endsOn <= row.endsOn)
    throw invalidField(
      'endsOn',
      text('La nouvelle fin doit suivre la fin actuelle.', 'The new end must come after the current one.'),
    );
  if (daysBetween(row.endsOn, body.endsOn) > maxMobilisationDays)
    throw invalidField(
      'endsOn',
      text(
        `Une prolongation ajoute au plus ${maxMobilisationDays / 7} semaines.`,
        `A prolongation adds at most ${maxMobilisationDays / 7} weeks.`,
      ),
    );
  const note = body.note || null;
  const decidesNow =
    mayDecide(actor, { ...row, pendingBy: null }) && !(await participantIds(db, row.id)).includes(actor.id);
  if (decidesNow)
    return applyStep(
      db,
      request,
      row,
      body.baseVersion,
      { endsOn: body.endsOn, proposedEndsOn: null, pendingBy: null, decisionNote: note },
      [{ kind: 'prolongationValidated', endsOn: body.endsOn, note }],
      (tx, updated) => tagLoggedWork(tx, updated, addDays(row.endsOn, 1), body.endsOn),
    );
  return applyStep(db, request, row, body.baseVersion, { proposedEndsOn: body.endsOn, pendingBy: actor.id }, [
    { kind: 'prolongationProposed', endsOn: body.endsOn, note },
  ]);
}

/** Closes a validated mobilisation: today if it is still running, at its end if that has passed. */
export async function close(db: Database, request: FastifyRequest, id: string, body: z.output<typeof closeBodySchema>) {
  const actor = actorOf(request);
  const row = await mobilisationRecord.readable(db, request, id);
  await checkMayAct(db, actor, row);
  if (row.status !== 'validated')
    throw wrongState('Seule une mobilisation validée se clôt.', 'Only a validated mobilisation can be closed.');
  const endedOn = lastDayOf({ endsOn: row.endsOn, endedOn: today() });
  const note = body.note || null;
  return applyStep(
    db,
    request,
    row,
    body.baseVersion,
    { status: 'ended', endedOn, proposedEndsOn: null, pendingBy: null },
    [{ kind: 'ended', endsOn: endedOn, note }],
  );
}
