import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { createUserBodySchema, updateUserBodySchema, userListQuerySchema } from '../../../core/contracts/users.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { generatePassword, hashPassword } from '../../http/passwords.ts';
import { type Actor, actorOf } from '../../http/request-context.ts';
import { endAllSessions } from '../../http/sessions.ts';
import { assertUnique } from '../../http/unique.ts';
import { canSeeUser, listableTeamIds } from './users.policy.ts';
import { presentUser } from './users.presenter.ts';
import {
  countActiveAdmins,
  existingTeamIds,
  findUser,
  findUsers,
  replaceMemberships,
  teamRefsByUser,
} from './users.repo.ts';

const userLabel = text('Compte', 'Account');

export async function listUsers(db: Database, actor: Actor, query: z.infer<typeof userListQuerySchema>) {
  const { rows, total } = await findUsers(db, {
    search: query.search,
    role: query.role,
    teamId: query.teamId,
    active: query.active === undefined ? undefined : query.active === 'true',
    withinTeamIds: listableTeamIds(actor),
    limit: query.limit,
    offset: query.offset,
  });
  const teamsByUser = await teamRefsByUser(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => presentUser(row, teamsByUser.get(row.id) ?? [])), total };
}

async function presentOne(db: Database | Tx, id: string) {
  const row = await findUser(db, id);
  if (!row) throw notFound(userLabel);
  const teamsByUser = await teamRefsByUser(db, [id]);
  return presentUser(row, teamsByUser.get(id) ?? []);
}

export async function getUser(db: Database, request: FastifyRequest, id: string) {
  const actor = actorOf(request);
  const user = await findUser(db, id).then((row) => (row ? presentOne(db, id) : null));
  if (
    !user ||
    !canSeeUser(
      actor,
      user.teams.map((t) => t.id),
      id,
    )
  )
    throw notFound(userLabel);
  await recordAudit(db, request, { action: 'read', entityType: 'user', entityId: id });
  return user;
}

async function assertTeamsExist(db: Database | Tx, teamIds: string[]) {
  const found = await existingTeamIds(db, teamIds);
  const missing = teamIds.filter((id) => !found.has(id));
  if (missing.length) {
    throw invalidField(
      'teamIds',
      text(`Équipe inconnue : ${missing.join(', ')}.`, `Unknown team: ${missing.join(', ')}.`),
    );
  }
}

const assertEmailFree = (db: Database | Tx, email: string, exceptId?: string) =>
  assertUnique(
    db,
    users,
    { column: users.email, value: email, field: 'email', label: text('Courriel', 'Email') },
    exceptId,
  );

/** Creates an account with a one-time password the new user must change at first sign-in. */
export async function createUser(
  db: Database,
  request: FastifyRequest | null,
  body: z.output<typeof createUserBodySchema>,
  options: { password?: string; mustChangePassword?: boolean } = {},
) {
  const teamIds = [...new Set(body.teamIds)];
  await assertEmailFree(db, body.email);
  await assertTeamsExist(db, teamIds);
  const temporaryPassword = options.password ?? generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const id = body.id ?? uuidv7();
  const user = await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id,
      email: body.email,
      name: body.name,
      role: body.role,
      language: body.language,
      passwordHash,
      mustChangePassword: options.mustChangePassword ?? true,
    });
    await replaceMemberships(tx, id, teamIds);
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'user',
      entityId: id,
      details: { role: body.role, teamIds },
    });
    return presentOne(tx, id);
  });
  return { user, temporaryPassword };
}

export async function updateUser(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateUserBodySchema>,
) {
  const actor = actorOf(request);
  const current = await findUser(db, id);
  if (!current) throw notFound(userLabel);
  const losesAdmin =
    current.role === 'admin' && current.active && (body.active === false || (body.role && body.role !== 'admin'));
  if (losesAdmin && id === actor.id) {
    throw invalidField(
      body.active === false ? 'active' : 'role',
      text(
        'Vous ne pouvez pas retirer vos propres droits d’administration.',
        'You cannot remove your own admin rights.',
      ),
    );
  }
  if (losesAdmin && (await countActiveAdmins(db)) <= 1) {
    throw invalidField(
      'role',
      text('Il faut garder au moins un administrateur actif.', 'At least one active admin must remain.'),
    );
  }
  if (body.teamIds) await assertTeamsExist(db, body.teamIds);
  const { teamIds, ...fields } = body;
  const user = await db.transaction(async (tx) => {
    if (Object.keys(fields).length)
      await tx
        .update(users)
        .set({ ...fields, updatedAt: new Date() })
        .where(eq(users.id, id));
    if (teamIds) await replaceMemberships(tx, id, [...new Set(teamIds)]);
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      details: { fields: Object.keys(body) },
    });
    return presentOne(tx, id);
  });
  if (body.active === false) await endAllSessions(db, id);
  return user;
}

/** A new one-time password; every session of the account ends. */
export async function resetPassword(db: Database, request: FastifyRequest | null, id: string) {
  if (!(await findUser(db, id))) throw notFound(userLabel);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: new Date() })
      .where(eq(users.id, id));
    await recordAudit(tx, request, { action: 'password_reset', entityType: 'user', entityId: id });
    return presentOne(tx, id);
  });
  await endAllSessions(db, id);
  return { user, temporaryPassword };
}
