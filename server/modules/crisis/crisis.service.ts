import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { mobilisationListQuerySchema, proposeMobilisationBodySchema } from '../../../core/contracts/crisis.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import {
  crisisMobilisationEvents,
  crisisMobilisationParticipants,
  crisisMobilisations,
  teamMemberships,
  users,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { fieldError, invalidFields } from '../fieldwork/fieldwork.errors.ts';
import { scopedRecord, teamFilter, writeTeam } from '../fieldwork/fieldwork.policy.ts';
import { type MobilisationRow, presentDetail, presentMobilisations } from './crisis.presenter.ts';

export const mobilisationLabel = text('Mobilisation de crise', 'Crisis mobilisation');

export const mobilisationRecord = scopedRecord(async (db: Database | Tx, id: string) => {
  const [row] = await db.select().from(crisisMobilisations).where(eq(crisisMobilisations.id, id));
  return row;
}, mobilisationLabel);

export async function listMobilisations(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof mobilisationListQuerySchema>,
) {
  const teams = teamFilter(actorOf(request), request, query.teamId);
  if (teams && teams.length === 0) return { items: [] };
  const rows = await db
    .select()
    .from(crisisMobilisations)
    .where(teams ? inArray(crisisMobilisations.teamId, teams) : undefined)
    .orderBy(desc(crisisMobilisations.startsOn), desc(crisisMobilisations.id))
    .limit(200);
  return { items: await presentMobilisations(db, actorOf(request), rows) };
}

/** An admin's read names the workers involved: it is logged with the reason they gave. */
export async function readMobilisation(db: Database, request: FastifyRequest, id: string) {
  const actor = actorOf(request);
  const row = await mobilisationRecord.readable(db, request, id);
  if (actor.role === 'admin')
    await recordAudit(db, request, {
      action: 'read',
      entityType: 'crisisMobilisation',
      entityId: id,
      teamId: row.teamId,
    });
  return presentDetail(db, actor, row);
}

/** Who takes part must be on the team (workers, organizers, coordinators), one error per stranger. */
async function checkParticipants(db: Database | Tx, teamId: string, ids: string[]) {
  if (ids.length === 0) return;
  const members = await db
    .select({ userId: teamMemberships.userId })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(teamMemberships.teamId, teamId), inArray(teamMemberships.userId, ids)));
  const known = new Set(members.map((m) => m.userId));
  const errors = ids.flatMap((id, k) =>
    known.has(id)
      ? []
      : [
          fieldError(
            `participantIds.${k}`,
            text('Cette personne ne fait pas partie de l’équipe.', 'This person is not on the team.'),
          ),
        ],
  );
  if (errors.length) throw invalidFields(errors);
}

export async function proposeMobilisation(
  db: Database,
  request: FastifyRequest,
  body: z.output<typeof proposeMobilisationBodySchema>,
) {
  const actor = actorOf(request);
  const teamId = writeTeam(actor, body.teamId);
  await checkParticipants(db, teamId, body.participantIds);
  const id = body.id ?? uuidv7();
  const [existing] = await db
    .select({ id: crisisMobilisations.id })
    .from(crisisMobilisations)
    .where(eq(crisisMobilisations.id, id));
  if (existing)
    throw new AppError(
      409,
      'already_exists',
      text('Cette mobilisation existe déjà.', 'This mobilisation already exists.'),
      [{ path: 'id', message: text('Déjà utilisé.', 'Already in use.') }],
    );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(crisisMobilisations)
      .values({
        id,
        teamId,
        title: body.title,
        reason: body.reason,
        sharePercent: body.sharePercent,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        status: 'proposed',
        proposedBy: actor.id,
        pendingBy: actor.id,
      })
      .returning();
    const participantIds = [...new Set([actor.id, ...body.participantIds])];
    await tx
      .insert(crisisMobilisationParticipants)
      .values(participantIds.map((userId) => ({ mobilisationId: id, userId })));
    await tx.insert(crisisMobilisationEvents).values({
      id: uuidv7(),
      mobilisationId: id,
      kind: 'proposed',
      endsOn: body.endsOn,
      note: body.reason,
      byUser: actor.id,
    });
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'crisisMobilisation',
      entityId: id,
      teamId,
      details: { participants: participantIds.length },
    });
    return presentDetail(tx, actor, row as MobilisationRow);
  });
}
