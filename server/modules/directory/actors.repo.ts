import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { actorHostedWorkers, actorNeighbourhoods, actors, services, users } from '../../db/schema/index.ts';

export type ActorRow = typeof actors.$inferSelect;

export async function findActor(db: Database | Tx, id: string): Promise<ActorRow | undefined> {
  const [row] = await db.select().from(actors).where(eq(actors.id, id));
  return row;
}

export async function actorChildren(db: Database | Tx, actorId: string) {
  const [neighbourhoods, hosted, offered] = await Promise.all([
    db
      .select({ id: actorNeighbourhoods.neighbourhoodId })
      .from(actorNeighbourhoods)
      .where(eq(actorNeighbourhoods.actorId, actorId)),
    db
      .select({ userId: actorHostedWorkers.userId, name: users.name, sharePercent: actorHostedWorkers.sharePercent })
      .from(actorHostedWorkers)
      .innerJoin(users, eq(users.id, actorHostedWorkers.userId))
      .where(eq(actorHostedWorkers.actorId, actorId))
      .orderBy(asc(users.name)),
    db
      .select({
        id: services.id,
        name: services.name,
        availability: services.availability,
        expectedWaitDays: services.expectedWaitDays,
        hsdsStatus: services.hsdsStatus,
      })
      .from(services)
      .where(eq(services.actorId, actorId))
      .orderBy(asc(services.name)),
  ]);
  return { neighbourhoodIds: neighbourhoods.map((n) => n.id).sort(), hosted, offered };
}

export async function replaceActorLists(
  tx: Tx,
  actorId: string,
  lists: { neighbourhoodIds?: string[]; hostedWorkers?: { userId: string; sharePercent: number }[] },
): Promise<void> {
  if (lists.neighbourhoodIds) {
    await tx.delete(actorNeighbourhoods).where(eq(actorNeighbourhoods.actorId, actorId));
    const ids = [...new Set(lists.neighbourhoodIds)];
    if (ids.length)
      await tx.insert(actorNeighbourhoods).values(ids.map((neighbourhoodId) => ({ actorId, neighbourhoodId })));
  }
  if (lists.hostedWorkers) {
    await tx.delete(actorHostedWorkers).where(eq(actorHostedWorkers.actorId, actorId));
    const unique = [...new Map(lists.hostedWorkers.map((w) => [w.userId, w])).values()];
    if (unique.length) await tx.insert(actorHostedWorkers).values(unique.map((w) => ({ actorId, ...w })));
  }
}

export type ActorListFilter = {
  keyPersonTeams: string[] | undefined;
  search?: string;
  kind?: string;
  category?: string;
  includeInactive: boolean;
};

const serviceCount = sql<number>`(select count(*)::int from services s where s.actor_id = "actors"."id")`;

/** Lists actors by name, or by trigram word similarity to `search` (accent-free, typo-tolerant). */
export async function listActorRows(db: Database | Tx, filter: ActorListFilter, limit: number, offset: number) {
  const conditions: SQL[] = [];
  const teams = filter.keyPersonTeams;
  if (teams !== undefined) {
    const ownKeyPersons = teams.length ? inArray(actors.teamId, teams) : undefined;
    conditions.push(
      ownKeyPersons ? (or(eq(actors.kind, 'organisation'), ownKeyPersons) as SQL) : eq(actors.kind, 'organisation'),
    );
  }
  if (filter.kind) conditions.push(eq(actors.kind, filter.kind));
  if (filter.category) conditions.push(eq(actors.category, filter.category));
  if (!filter.includeInactive) conditions.push(eq(actors.active, true));
  const folded = filter.search ? sql`relais_unaccent(lower(${filter.search}))` : undefined;
  if (folded) conditions.push(sql`${folded} <% ${actors.searchText}`);
  const where = conditions.length ? and(...conditions) : undefined;
  const columns = {
    id: actors.id,
    kind: actors.kind,
    teamId: actors.teamId,
    category: actors.category,
    name: actors.name,
    city: actors.city,
    languages: actors.languages,
    isHostPartner: actors.isHostPartner,
    active: actors.active,
    consentGivenAt: actors.consentGivenAt,
    serviceCount,
  };
  const order = folded
    ? [sql`word_similarity(${folded}, ${actors.searchText}) desc`, asc(actors.name), asc(actors.id)]
    : [asc(actors.name), asc(actors.id)];
  const [rows, totals] = await Promise.all([
    db
      .select(columns)
      .from(actors)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(actors).where(where),
  ]);
  return { rows, total: Number(totals[0]?.total ?? 0) };
}
