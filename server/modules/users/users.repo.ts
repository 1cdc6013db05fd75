import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { teamMemberships, teams, users } from '../../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type TeamRef = { id: string; name: string; code: string };

export type UserFilter = {
  search?: string;
  role?: string;
  teamId?: string;
  active?: boolean;
  /** Only users who belong to one of these teams (a coordinator's view); undefined for all. */
  withinTeamIds?: string[];
  limit: number;
  offset: number;
};

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findUsers(db: Database, filter: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)) as SQL);
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.active !== undefined) conditions.push(eq(users.active, filter.active));
  const teamIds = filter.teamId
    ? filter.withinTeamIds && !filter.withinTeamIds.includes(filter.teamId)
      ? []
      : [filter.teamId]
    : filter.withinTeamIds;
  if (teamIds) {
    if (teamIds.length === 0) return { rows: [], total: 0 };
    const members = db
      .selectDistinct({ userId: teamMemberships.userId })
      .from(teamMemberships)
      .where(inArray(teamMemberships.teamId, teamIds));
    conditions.push(inArray(users.id, members));
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

export async function findUser(db: Database | Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function teamRefsByUser(db: Database | Tx, userIds: string[]): Promise<Map<string, TeamRef[]>> {
  const byUser = new Map<string, TeamRef[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: teamMemberships.userId, id: teams.id, name: teams.name, code: teams.code })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(inArray(teamMemberships.userId, userIds))
    .orderBy(asc(teams.name));
  for (const { userId, ...team } of rows) byUser.get(userId)?.push(team);
  return byUser;
}

export async function replaceMemberships(tx: Tx, userId: string, teamIds: string[]): Promise<void> {
  await tx.delete(teamMemberships).where(eq(teamMemberships.userId, userId));
  if (teamIds.length) await tx.insert(teamMemberships).values(teamIds.map((teamId) => ({ userId, teamId })));
}

export async function existingTeamIds(db: Database | Tx, teamIds: string[]): Promise<Set<string>> {
  if (teamIds.length === 0) return new Set();
  const rows = await db.select({ id: teams.id }).from(teams).where(inArray(teams.id, teamIds));
  return new Set(rows.map((r) => r.id));
}

export async function countActiveAdmins(db: Database | Tx): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)));
  return row?.total ?? 0;
}
