import { asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  createNeighbourhoodBodySchema,
  Neighbourhood,
  updateNeighbourhoodBodySchema,
} from '../../../core/contracts/teams.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { neighbourhoods, teams } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { assertUnique } from '../../http/unique.ts';

const neighbourhoodLabel = text('Quartier', 'Neighbourhood');

async function findNeighbourhoods(db: Database | Tx, id?: string): Promise<Neighbourhood[]> {
  const query = db
    .select({
      id: neighbourhoods.id,
      name: neighbourhoods.name,
      code: neighbourhoods.code,
      teamId: neighbourhoods.teamId,
      teamName: teams.name,
      createdAt: neighbourhoods.createdAt,
    })
    .from(neighbourhoods)
    .innerJoin(teams, eq(teams.id, neighbourhoods.teamId));
  const rows = await (id ? query.where(eq(neighbourhoods.id, id)) : query).orderBy(asc(neighbourhoods.name));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

export async function listNeighbourhoods(db: Database) {
  return { items: await findNeighbourhoods(db) };
}

async function assertValid(db: Database | Tx, body: { code?: string; teamId?: string }, exceptId?: string) {
  if (body.code) {
    const code = { column: neighbourhoods.code, value: body.code, field: 'code', label: text('Code', 'Code') };
    await assertUnique(db, neighbourhoods, code, exceptId);
  }
  if (body.teamId) {
    const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, body.teamId));
    if (!team) throw invalidField('teamId', text('Équipe inconnue.', 'Unknown team.'));
  }
}

export async function createNeighbourhood(
  db: Database,
  request: FastifyRequest | null,
  body: z.output<typeof createNeighbourhoodBodySchema>,
) {
  await assertValid(db, body);
  const id = body.id ?? uuidv7();
  return db.transaction(async (tx) => {
    await tx.insert(neighbourhoods).values({ id, name: body.name, code: body.code, teamId: body.teamId });
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'neighbourhood',
      entityId: id,
      teamId: body.teamId,
    });
    return (await findNeighbourhoods(tx, id))[0]!;
  });
}

export async function updateNeighbourhood(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateNeighbourhoodBodySchema>,
) {
  if (!(await findNeighbourhoods(db, id)).length) throw notFound(neighbourhoodLabel);
  await assertValid(db, body, id);
  return db.transaction(async (tx) => {
    await tx
      .update(neighbourhoods)
      .set({ ...body, updatedAt: new Date() })
      .where(eq(neighbourhoods.id, id));
    const [updated] = await findNeighbourhoods(tx, id);
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'neighbourhood',
      entityId: id,
      teamId: updated?.teamId,
      details: { fields: Object.keys(body) },
    });
    return updated!;
  });
}
