import { and, desc, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  AccessGrant,
  breakGlassSearchBodySchema,
  createGrantBodySchema,
  grantListQuerySchema,
} from '../../../core/contracts/access-grants.ts';
import type { ageBands } from '../../../core/fieldwork.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database } from '../../db/client.ts';
import { accessGrants, people, teams, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { type Actor, actorOf } from '../../http/request-context.ts';
import { findPerson, searchPeople } from '../people/people.repo.ts';
import { type AccessGrantRow, findGrant, isLive } from './access-grants.repo.ts';

const grantLabel = text('Accès exceptionnel', 'Exceptional access');
const personLabel = text('Personne', 'Person');
const isMember = (actor: Actor, teamId: string) => actor.role !== 'admin' && actor.teamIds.includes(teamId);

/**
 * The search that opens only once a reason is stated: other teams' people, answered with what
 * recognises someone (nickname, age band, team) and nothing else; the search, its words and the
 * number of answers are in the audit log, so fishing shows.
 */
export async function searchAcrossTeams(
  db: Database,
  request: FastifyRequest,
  body: z.output<typeof breakGlassSearchBodySchema>,
) {
  const actor = actorOf(request);
  const { rows } = await searchPeople(db, undefined, body.search, 20, 0);
  const outside = rows.filter((row) => !isMember(actor, row.teamId)).slice(0, 10);
  const names = outside.length
    ? await db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(
          inArray(
            teams.id,
            outside.map((row) => row.teamId),
          ),
        )
    : [];
  const teamName = new Map(names.map((team) => [team.id, team.name]));
  await recordAudit(db, request, {
    action: 'break_glass_search',
    entityType: 'person',
    reason: body.reason,
    details: { search: body.search, count: outside.length },
  });
  return {
    items: outside.map((row) => ({
      personId: row.id,
      nickname: row.nickname,
      ageBand: row.ageBand as (typeof ageBands)[number] | null,
      teamId: row.teamId,
      teamName: teamName.get(row.teamId) ?? '',
    })),
  };
}

/** Read-only access to one person of another team, for `minutes`, from now. */
export async function createGrant(db: Database, request: FastifyRequest, body: z.output<typeof createGrantBodySchema>) {
  const actor = actorOf(request);
  const person = await findPerson(db, body.personId);
  if (!person) throw notFound(personLabel);
  if (person.mergedIntoId)
    throw invalidField(
      'personId',
      text(
        'Cette fiche a été fusionnée : ouvrez celle qui la remplace.',
        'This record was merged: open the one that replaced it.',
      ),
    );
  if (isMember(actor, person.teamId))
    throw invalidField(
      'personId',
      text(
        'Cette personne est suivie par votre équipe : ouvrez sa fiche directement.',
        'Your team follows this person: open their record directly.',
      ),
    );
  const grantedAt = new Date();
  const id = uuidv7();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accessGrants)
      .values({
        id,
        userId: actor.id,
        personId: person.id,
        teamId: person.teamId,
        reason: body.reason,
        grantedAt,
        expiresAt: new Date(grantedAt.getTime() + body.minutes * 60_000),
      })
      .returning();
    await recordAudit(tx, request, {
      action: 'break_glass_grant',
      entityType: 'access_grant',
      entityId: id,
      teamId: person.teamId,
      reason: body.reason,
      details: { personId: person.id, minutes: body.minutes, expiresAt: row!.expiresAt.toISOString() },
    });
    return (await presentGrants(tx as unknown as Database, actor, [row as AccessGrantRow]))[0] as AccessGrant;
  });
}

/**
 * Who sees which grants: the coordinators of the person's team (to watch over them), the one who
 * holds it, and admins. Everyone else is told it does not exist.
 */
function mayOversee(actor: Actor, grant: AccessGrantRow) {
  return (
    actor.role === 'admin' ||
    grant.userId === actor.id ||
    (actor.role === 'coordinator' && actor.teamIds.includes(grant.teamId))
  );
}

export async function listGrants(db: Database, request: FastifyRequest, query: z.output<typeof grantListQuerySchema>) {
  const actor = actorOf(request);
  const conditions: (SQL | undefined)[] = [];
  if (actor.role !== 'admin') {
    const overseen =
      actor.role === 'coordinator' && actor.teamIds.length ? inArray(accessGrants.teamId, actor.teamIds) : undefined;
    conditions.push(overseen ? or(eq(accessGrants.userId, actor.id), overseen) : eq(accessGrants.userId, actor.id));
  }
  if (query.mine === 'true') conditions.push(eq(accessGrants.userId, actor.id));
  if (query.teamId) conditions.push(eq(accessGrants.teamId, query.teamId));
  if (query.personId) conditions.push(eq(accessGrants.personId, query.personId));
  if (query.state === 'live') conditions.push(isNull(accessGrants.revokedAt), gt(accessGrants.expiresAt, new Date()));
  const rows = await db
    .select()
    .from(accessGrants)
    .where(and(...conditions.filter((c): c is SQL => c !== undefined)))
    .orderBy(desc(accessGrants.grantedAt))
    .limit(200);
  return { items: await presentGrants(db, actor, rows) };
}

/** Ends a grant at once. Its holder may close it early; the team's coordinators and admins revoke it. */
export async function revokeGrant(db: Database, request: FastifyRequest, id: string) {
  const actor = actorOf(request);
  const grant = await findGrant(db, id);
  if (!grant || !mayOversee(actor, grant)) throw notFound(grantLabel);
  if (!isLive(grant)) return (await presentGrants(db, actor, [grant]))[0] as AccessGrant;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(accessGrants)
      .set({ revokedAt: new Date(), revokedBy: actor.id })
      .where(eq(accessGrants.id, id))
      .returning();
    await recordAudit(tx, request, {
      action: 'break_glass_revoke',
      entityType: 'access_grant',
      entityId: id,
      teamId: grant.teamId,
      details: { personId: grant.personId, holderId: grant.userId },
    });
    return (await presentGrants(tx as unknown as Database, actor, [row as AccessGrantRow]))[0] as AccessGrant;
  });
}

const revoker = alias(users, 'revoker');

/**
 * Names of holders and revokers, and the person's nickname only to whoever may read the person:
 * a member of their team, or the holder while the grant is live.
 */
export async function presentGrants(db: Database, actor: Actor, rows: AccessGrantRow[]): Promise<AccessGrant[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const extra = await db
    .select({ id: accessGrants.id, userName: users.name, revokedByName: revoker.name, nickname: people.nickname })
    .from(accessGrants)
    .leftJoin(users, eq(users.id, accessGrants.userId))
    .leftJoin(revoker, eq(revoker.id, accessGrants.revokedBy))
    .leftJoin(people, eq(people.id, accessGrants.personId))
    .where(inArray(accessGrants.id, ids));
  const byId = new Map(extra.map((row) => [row.id, row]));
  const now = new Date();
  return rows.map((row) => {
    const more = byId.get(row.id);
    const live = isLive(row, now);
    const mayReadPerson = isMember(actor, row.teamId) || (live && row.userId === actor.id);
    return {
      id: row.id,
      userId: row.userId,
      userName: more?.userName ?? null,
      personId: row.personId,
      personNickname: mayReadPerson ? (more?.nickname ?? null) : null,
      teamId: row.teamId,
      reason: row.reason,
      grantedAt: row.grantedAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
      revokedByName: more?.revokedByName ?? null,
      live,
    };
  });
}
