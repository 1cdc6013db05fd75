import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { encounters, people, personRoles } from '../../db/schema/index.ts';

export type PersonRow = typeof people.$inferSelect;
export type PersonRoleRow = typeof personRoles.$inferSelect;
export type SummaryRow = Pick<PersonRow, 'id' | 'teamId' | 'nickname' | 'ageBand' | 'languages' | 'consentGivenAt'> & {
  lastEncounterAt: Date | string | null;
  score?: number;
};

/**
 * Written out with its aliases: in a one-table select Drizzle leaves columns unqualified, and an
 * unqualified "id" inside the subquery would be the encounter's.
 */
export const lastEncounterAt = sql<
  Date | string | null
>`(select max(e.occurred_at) from encounters e where e.person_id = "people"."id")`;
const summaryColumns = {
  id: people.id,
  teamId: people.teamId,
  nickname: people.nickname,
  ageBand: people.ageBand,
  languages: people.languages,
  consentGivenAt: people.consentGivenAt,
  lastEncounterAt,
};

export async function findPerson(db: Database | Tx, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row;
}

export async function rolesOf(db: Database | Tx, personId: string): Promise<PersonRoleRow[]> {
  return db
    .select()
    .from(personRoles)
    .where(eq(personRoles.personId, personId))
    .orderBy(asc(personRoles.startedOn), asc(personRoles.id));
}

export async function encounterStats(db: Database | Tx, personId: string) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, last: sql<Date | string | null>`max(${encounters.occurredAt})` })
    .from(encounters)
    .where(eq(encounters.personId, personId));
  return { count: Number(row?.count ?? 0), last: row?.last ?? null };
}

/**
 * Accent- and typo-tolerant search: the query is folded like `search_text` (relais_unaccent +
 * lower), matched by trigram word similarity (`<%`, threshold set per connection in db/client.ts)
 * through the GIN index, and the matches ranked by their similarity.
 */
export async function searchPeople(
  db: Database,
  teamIds: string[] | undefined,
  search: string,
  limit: number,
  offset: number,
): Promise<{ rows: SummaryRow[]; total: number }> {
  const folded = sql`relais_unaccent(lower(${search}))`;
  const conditions: SQL[] = [isNull(people.mergedIntoId), sql`${folded} <% ${people.searchText}`];
  if (teamIds) conditions.push(inArray(people.teamId, teamIds));
  const score = sql<number>`word_similarity(${folded}, ${people.searchText})`;
  const rows = await db
    .select({ ...summaryColumns, score })
    .from(people)
    .where(and(...conditions))
    .orderBy(desc(score), asc(people.nickname), asc(people.id))
    .limit(limit + 1)
    .offset(offset);
  // Counting every fuzzy match of a common first name costs more than ranking the page: a
  // search's total says only "these, and more" (one past the page when another row follows).
  return { rows: rows.slice(0, limit), total: offset + rows.length };
}

export async function listPeopleRows(
  db: Database | Tx,
  teamIds: string[] | undefined,
  limit: number,
  offset: number,
): Promise<{ rows: SummaryRow[]; total: number }> {
  const conditions: SQL[] = [isNull(people.mergedIntoId)];
  if (teamIds) conditions.push(inArray(people.teamId, teamIds));
  const where = and(...conditions);
  const [rows, totals] = await Promise.all([
    db
      .select(summaryColumns)
      .from(people)
      .where(where)
      .orderBy(desc(people.updatedAt), asc(people.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(people).where(where),
  ]);
  return { rows, total: Number(totals[0]?.total ?? 0) };
}

/**
 * People the caller or their teams met lately, most recent first: the quick-contact list of My day
 * and of the offline cache.
 */
export async function recentlyMetPeople(
  db: Database | Tx,
  teamIds: string[],
  since: Date,
  limit: number,
): Promise<SummaryRow[]> {
  if (teamIds.length === 0) return [];
  const recent = db
    .select({ personId: encounters.personId, last: sql<Date>`max(${encounters.occurredAt})`.as('last') })
    .from(encounters)
    .where(
      and(
        inArray(encounters.teamId, teamIds),
        sql`${encounters.personId} is not null`,
        sql`${encounters.occurredAt} >= ${since.toISOString()}`,
      ),
    )
    .groupBy(encounters.personId)
    .as('recent');
  return db
    .select({ ...summaryColumns, lastEncounterAt: recent.last })
    .from(recent)
    .innerJoin(people, eq(people.id, recent.personId))
    .where(isNull(people.mergedIntoId))
    .orderBy(desc(recent.last))
    .limit(limit);
}
