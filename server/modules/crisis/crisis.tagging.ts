import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { tagBodySchema } from '../../../core/contracts/crisis.ts';
import { lastDayOf } from '../../../core/crisis.ts';
import { text } from '../../../core/localized.ts';
import type { Database } from '../../db/client.ts';
import {
  activitySessions,
  crisisMobilisationParticipants,
  crisisMobilisations,
  encounters,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { canWrite } from '../fieldwork/fieldwork.policy.ts';

type TagBody = z.output<typeof tagBodySchema>;

/** The tagged record as tagging needs it: its team, author and day. */
async function loadWork(db: Database, body: TagBody) {
  if (body.kind === 'encounter') {
    const [row] = await db
      .select({ teamId: encounters.teamId, createdBy: encounters.createdBy, at: encounters.occurredAt })
      .from(encounters)
      .where(eq(encounters.id, body.id));
    return row && { teamId: row.teamId, createdBy: row.createdBy, day: row.at.toISOString().slice(0, 10) };
  }
  const [row] = await db
    .select({ teamId: activitySessions.teamId, createdBy: activitySessions.createdBy, day: activitySessions.onDate })
    .from(activitySessions)
    .where(eq(activitySessions.id, body.id));
  return row;
}

const outside = () =>
  invalidField(
    'mobilisationId',
    text(
      'Ce travail n’a pas eu lieu pendant cette mobilisation validée, ou son auteur·rice n’y participait pas.',
      'This work did not happen during this validated mobilisation, or its author was not taking part.',
    ),
  );

/**
 * Untags (null) or retags one encounter or activity session. A team member may do it; the new
 * tag must be a validated (or ended) mobilisation of the same team that the author took part in
 * on that day, so the counts of a mobilisation stay the work done in it.
 */
export async function tagWork(db: Database, request: FastifyRequest, body: TagBody) {
  const actor = actorOf(request);
  const work = await loadWork(db, body);
  if (!work || !canWrite(actor, work.teamId))
    throw notFound(body.kind === 'encounter' ? text('Contact', 'Encounter') : text('Séance', 'Session'));
  if (body.mobilisationId) {
    const [mobilisation] = await db
      .select()
      .from(crisisMobilisations)
      .where(and(eq(crisisMobilisations.id, body.mobilisationId), eq(crisisMobilisations.teamId, work.teamId)));
    if (!mobilisation || (mobilisation.status !== 'validated' && mobilisation.status !== 'ended')) throw outside();
    if (work.day < mobilisation.startsOn || work.day > lastDayOf(mobilisation)) throw outside();
    const [takesPart] = work.createdBy
      ? await db
          .select()
          .from(crisisMobilisationParticipants)
          .where(
            and(
              eq(crisisMobilisationParticipants.mobilisationId, mobilisation.id),
              eq(crisisMobilisationParticipants.userId, work.createdBy),
            ),
          )
      : [];
    if (!takesPart) throw outside();
  }
  const table = body.kind === 'encounter' ? encounters : activitySessions;
  // The version stays: no device edits the tag offline, so changing it must not make a pending edit stale.
  await db.transaction(async (tx) => {
    await tx.update(table).set({ crisisMobilisationId: body.mobilisationId }).where(eq(table.id, body.id));
    await recordAudit(tx, request, {
      action: 'update',
      entityType: body.kind,
      entityId: body.id,
      teamId: work.teamId,
      details: { crisisMobilisationId: body.mobilisationId },
    });
  });
  return { kind: body.kind, id: body.id, mobilisationId: body.mobilisationId };
}
