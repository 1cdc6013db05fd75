import { count, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { text } from '../../../core/localized.ts';
import type { Database } from '../../db/client.ts';
import { accessGrants, auditLog, users } from '../../db/schema/index.ts';
import { notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { findPerson } from '../people/people.repo.ts';
import { presentGrants } from './access-grants.service.ts';
import { aboutPerson, entryPerson, nicknamesFor, presentEntry } from './audit.service.ts';

const personLabel = text('Personne', 'Person');

/**
 * A person's access history for the coordinators of their team (and admins): every read and change
 * of their record, encounters, notes, referrals and grants, newest first, and the grants made on
 * them (live ones can be revoked from there). Workers do not see it; other teams are told it does
 * not exist.
 */
export async function personAccessHistory(
  db: Database,
  request: FastifyRequest,
  personId: string,
  page: { limit: number; offset: number },
) {
  const actor = actorOf(request);
  const person = await findPerson(db, personId);
  if (!person || (actor.role !== 'admin' && !actor.teamIds.includes(person.teamId))) throw notFound(personLabel);
  const where = aboutPerson(personId);
  const [rows, totals, grants] = await Promise.all([
    db
      .select({ entry: auditLog, actorName: users.name, personId: entryPerson })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(auditLog).where(where),
    db.select().from(accessGrants).where(eq(accessGrants.personId, personId)).orderBy(desc(accessGrants.grantedAt)),
  ]);
  const nicknames = await nicknamesFor(db, actor, [personId]);
  return {
    personId,
    teamId: person.teamId,
    nickname: nicknames.get(personId) ?? null,
    total: totals[0]?.total ?? 0,
    items: rows.map((row) => presentEntry(row, nicknames)),
    grants: await presentGrants(db, actor, grants),
  };
}
