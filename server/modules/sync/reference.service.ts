import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { ReferenceData } from '../../../core/contracts/sync.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, people, teamMemberships, teams, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { actorOf } from '../../http/request-context.ts';
import { presentSummary } from '../people/people.presenter.ts';
import { lastEncounterAt } from '../people/people.repo.ts';
import { listPlaces } from '../places/places.service.ts';
import { listTerms } from '../taxonomies/taxonomies.service.ts';

/** The people of a team a phone keeps offline: enough to pick someone, never identity or notes. */
const CACHED_PEOPLE = 5000;

/**
 * The phone refreshes its cache every few minutes: the audit log says once an hour that this
 * account holds the team's people offline, rather than a dozen times.
 */
async function cachedWithinAnHour(db: Database, actorId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, actorId),
        gt(auditLog.at, new Date(Date.now() - 3_600_000)),
        eq(auditLog.action, 'read'),
        eq(auditLog.entityType, 'person'),
        sql`${auditLog.details} ->> 'offlineCache' = 'true'`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * What a phone needs to work with no network, for the caller's teams only: taxonomies (retired
 * terms too, to label old records), places, team members (the binôme), and people as summaries.
 */
export async function referenceData(db: Database, request: FastifyRequest): Promise<ReferenceData> {
  const actor = actorOf(request);
  const teamIds = actor.teamIds;
  const none = teamIds.length === 0;
  const [teamRows, memberRows, taxonomies, places, personRows] = await Promise.all([
    none
      ? []
      : db
          .select({ id: teams.id, name: teams.name, code: teams.code })
          .from(teams)
          .where(inArray(teams.id, teamIds))
          .orderBy(asc(teams.name)),
    none
      ? []
      : db
          .select({ id: users.id, name: users.name, teamId: teamMemberships.teamId })
          .from(teamMemberships)
          .innerJoin(users, eq(users.id, teamMemberships.userId))
          .where(and(inArray(teamMemberships.teamId, teamIds), eq(users.active, true)))
          .orderBy(asc(users.name)),
    listTerms(db, { includeInactive: 'true' }),
    none ? { items: [] } : listPlaces(db, actor, {}),
    none
      ? []
      : db
          .select({
            id: people.id,
            teamId: people.teamId,
            nickname: people.nickname,
            ageBand: people.ageBand,
            languages: people.languages,
            consentGivenAt: people.consentGivenAt,
            lastEncounterAt,
          })
          .from(people)
          .where(and(inArray(people.teamId, teamIds), isNull(people.mergedIntoId)))
          .orderBy(sql`${lastEncounterAt} desc nulls last`, asc(people.nickname))
          .limit(CACHED_PEOPLE),
  ]);
  const members = new Map<string, { id: string; name: string; teamIds: string[] }>();
  for (const row of memberRows) {
    const member = members.get(row.id) ?? { id: row.id, name: row.name, teamIds: [] };
    member.teamIds.push(row.teamId);
    members.set(row.id, member);
  }
  if (personRows.length && !(await cachedWithinAnHour(db, actor.id)))
    await recordAudit(db, request, {
      action: 'read',
      entityType: 'person',
      details: { offlineCache: true, count: personRows.length },
    });
  return {
    generatedAt: new Date().toISOString(),
    teams: teamRows,
    members: [...members.values()],
    taxonomies: taxonomies.items,
    places: places.items,
    people: personRows.map(presentSummary),
  };
}
