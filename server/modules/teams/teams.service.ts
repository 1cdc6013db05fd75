import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { createTeamBodySchema, updateTeamBodySchema } from '../../../core/contracts/teams.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { teams } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { assertUnique } from '../../http/unique.ts';
import { canSeeTeamMembers } from './teams.policy.ts';
import { presentTeamDetail, presentTeams } from './teams.presenter.ts';
import { findTeams } from './teams.repo.ts';

const teamLabel = text('Équipe', 'Team');

export async function listTeams(db: Database) {
  return { items: await presentTeams(db, await findTeams(db)) };
}

export async function getTeam(db: Database, request: FastifyRequest, id: string) {
  if (!canSeeTeamMembers(actorOf(request), id)) throw notFound(teamLabel);
  const team = await presentTeamDetail(db, id);
  if (!team) throw notFound(teamLabel);
  return team;
}

const assertCodeFree = (db: Database | Tx, code: string, exceptId?: string) =>
  assertUnique(db, teams, { column: teams.code, value: code, field: 'code', label: text('Code', 'Code') }, exceptId);

export async function createTeam(
  db: Database,
  request: FastifyRequest | null,
  body: z.output<typeof createTeamBodySchema>,
) {
  await assertCodeFree(db, body.code);
  const id = body.id ?? uuidv7();
  return db.transaction(async (tx) => {
    await tx.insert(teams).values({ id, name: body.name, code: body.code });
    await recordAudit(tx, request, { action: 'create', entityType: 'team', entityId: id, teamId: id });
    return (await presentTeamDetail(tx, id))!;
  });
}

export async function updateTeam(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateTeamBodySchema>,
) {
  if (!(await findTeams(db, [id])).length) throw notFound(teamLabel);
  if (body.code) await assertCodeFree(db, body.code, id);
  return db.transaction(async (tx) => {
    await tx
      .update(teams)
      .set({ ...body, updatedAt: new Date() })
      .where(eq(teams.id, id));
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'team',
      entityId: id,
      teamId: id,
      details: { fields: Object.keys(body) },
    });
    return (await presentTeamDetail(tx, id))!;
  });
}
