import { and, asc, count, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  ActorRef,
  createInteractionBodySchema,
  createTieBodySchema,
  Interaction,
  interactionListQuerySchema,
  Tie,
  tieListQuerySchema,
  updateTieBodySchema,
} from '../../../core/contracts/network.ts';
import { text } from '../../../core/localized.ts';
import type { InteractionKind, TieKind } from '../../../core/network.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { actorInteractionActors, actorInteractions, actors, ties } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { actorOf } from '../../http/request-context.ts';
import { checkUsableActors } from '../directory/usable-actors.ts';
import { fieldError, invalidFields, VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { scopedRecord, teamFilter, writeTeam } from '../fieldwork/fieldwork.policy.ts';

type TieRow = typeof ties.$inferSelect;
const tieLabel = text('Lien', 'Tie');

function presentTie(row: TieRow): Tie {
  return {
    id: row.id,
    teamId: row.teamId,
    actorAId: row.actorAId,
    actorBId: row.actorBId,
    kind: row.kind as TieKind,
    strength: row.strength,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    note: row.note,
    version: row.version,
  };
}

const tieRecord = scopedRecord(async (db: Database | Tx, id: string) => {
  const [row] = await db.select().from(ties).where(eq(ties.id, id));
  return row;
}, tieLabel);

/** Names of the actors a list mentions (organisations and the team's own key persons only). */
async function actorRefs(db: Database | Tx, ids: string[]): Promise<ActorRef[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const rows = await db
    .select({ id: actors.id, name: actors.name, kind: actors.kind, category: actors.category })
    .from(actors)
    .where(inArray(actors.id, unique))
    .orderBy(asc(actors.name));
  return rows.map((row) => ({ ...row, kind: row.kind as ActorRef['kind'] }));
}

export async function listTies(db: Database, request: FastifyRequest, query: z.infer<typeof tieListQuerySchema>) {
  const teams = teamFilter(actorOf(request), request, query.teamId);
  if (teams && teams.length === 0) return { items: [], actors: [] };
  const conditions = [];
  if (teams) conditions.push(inArray(ties.teamId, teams));
  if (query.actorId) conditions.push(or(eq(ties.actorAId, query.actorId), eq(ties.actorBId, query.actorId)));
  const rows = await db
    .select()
    .from(ties)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(ties.updatedAt), asc(ties.id))
    .limit(5000);
  return {
    items: rows.map(presentTie),
    actors: await actorRefs(
      db,
      rows.flatMap((r) => [r.actorAId, r.actorBId]),
    ),
  };
}

export async function createTie(db: Database, request: FastifyRequest, body: z.output<typeof createTieBodySchema>) {
  const actor = actorOf(request);
  const teamId = writeTeam(actor, body.teamId);
  await checkUsableActors(db, teamId, [
    { path: 'actorAId', id: body.actorAId },
    { path: 'actorBId', id: body.actorBId },
  ]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ties)
      .values({
        id: uuidv7(),
        teamId,
        actorAId: body.actorAId,
        actorBId: body.actorBId,
        kind: body.kind,
        strength: body.strength,
        startedOn: body.startedOn ?? null,
        endedOn: body.endedOn ?? null,
        note: body.note ?? null,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, request, { action: 'create', entityType: 'tie', entityId: row!.id, teamId });
    return presentTie(row!);
  });
}

export async function updateTie(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateTieBodySchema>,
) {
  const current = await tieRecord.writable(db, request, id);
  const { baseVersion, ...fields } = body;
  const startedOn = fields.startedOn === undefined ? current.startedOn : fields.startedOn;
  const endedOn = fields.endedOn === undefined ? current.endedOn : fields.endedOn;
  if (startedOn && endedOn && endedOn < startedOn)
    throw invalidFields([
      fieldError('endedOn', text('La fin vient avant le début.', 'The end comes before the start.')),
    ]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(ties)
      .set({ ...fields, version: sql`${ties.version} + 1`, updatedAt: new Date() })
      .where(and(eq(ties.id, id), eq(ties.version, baseVersion)))
      .returning();
    if (!row) throw new VersionConflict(presentTie((await tieRecord.readable(tx, request, id)) ?? current));
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'tie',
      entityId: id,
      teamId: row.teamId,
      details: { fields: Object.keys(fields) },
    });
    return presentTie(row);
  });
}

async function presentInteractions(db: Database | Tx, rows: (typeof actorInteractions.$inferSelect)[]) {
  const links = rows.length
    ? await db
        .select()
        .from(actorInteractionActors)
        .where(
          inArray(
            actorInteractionActors.interactionId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map(
    (row): Interaction => ({
      id: row.id,
      teamId: row.teamId,
      kind: row.kind as InteractionKind,
      occurredOn: row.occurredOn,
      title: row.title,
      note: row.note,
      actorIds: links.filter((l) => l.interactionId === row.id).map((l) => l.actorId),
      version: row.version,
    }),
  );
}

export async function listInteractions(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof interactionListQuerySchema>,
) {
  const teams = teamFilter(actorOf(request), request, query.teamId);
  if (teams && teams.length === 0) return { items: [], total: 0, actors: [] };
  const conditions = [];
  if (teams) conditions.push(inArray(actorInteractions.teamId, teams));
  if (query.from) conditions.push(gte(actorInteractions.occurredOn, query.from));
  if (query.to) conditions.push(lte(actorInteractions.occurredOn, query.to));
  if (query.kind) conditions.push(eq(actorInteractions.kind, query.kind));
  if (query.actorId)
    conditions.push(
      sql`${actorInteractions.id} in (select interaction_id from actor_interaction_actors where actor_id = ${query.actorId})`,
    );
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(actorInteractions)
      .where(where)
      .orderBy(desc(actorInteractions.occurredOn), desc(actorInteractions.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(actorInteractions).where(where),
  ]);
  const items = await presentInteractions(db, rows);
  return {
    items,
    total: Number(totals[0]?.total ?? 0),
    actors: await actorRefs(
      db,
      items.flatMap((item) => item.actorIds),
    ),
  };
}

export async function createInteraction(
  db: Database,
  request: FastifyRequest,
  body: z.output<typeof createInteractionBodySchema>,
) {
  const actor = actorOf(request);
  const teamId = writeTeam(actor, body.teamId);
  const actorIds = [...new Set(body.actorIds)];
  await checkUsableActors(
    db,
    teamId,
    actorIds.map((id) => ({ path: `actorIds.${body.actorIds.indexOf(id)}`, id })),
  );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(actorInteractions)
      .values({
        id: uuidv7(),
        teamId,
        kind: body.kind,
        occurredOn: body.occurredOn,
        title: body.title,
        note: body.note ?? null,
        createdBy: actor.id,
      })
      .returning();
    await tx.insert(actorInteractionActors).values(actorIds.map((actorId) => ({ interactionId: row!.id, actorId })));
    await recordAudit(tx, request, { action: 'create', entityType: 'actor_interaction', entityId: row!.id, teamId });
    return (await presentInteractions(tx, [row!]))[0]!;
  });
}
