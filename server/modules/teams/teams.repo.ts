import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { neighbourhoods, teamMemberships, teams, users } from '../../db/schema/index.ts';

export type TeamRow = typeof teams.$inferSelect;

export async function findTeams(db: Database | Tx, ids?: string[]): Promise<TeamRow[]> {
  const query = db.select().from(teams);
  return (ids ? query.where(inArray(teams.id, ids)) : query).orderBy(asc(teams.name));
}

export async function neighbourhoodsByTeam(db: Database | Tx, teamIds: string[]) {
  const byTeam = new Map<string, { id: string; name: string; code: string }[]>(teamIds.map((id) => [id, []]));
  if (!teamIds.length) return byTeam;
  const rows = await db
    .select({
      teamId: neighbourhoods.teamId,
      id: neighbourhoods.id,
      name: neighbourhoods.name,
      code: neighbourhoods.code,
    })
    .from(neighbourhoods)
    .where(inArray(neighbourhoods.teamId, teamIds))
    .orderBy(asc(neighbourhoods.name));
  for (const { teamId, ...rest } of rows) byTeam.get(teamId)?.push(rest);
  return byTeam;
}

export async function memberCounts(db: Database | Tx, teamIds: string[]): Promise<Map<string, number>> {
  if (!teamIds.length) return new Map();
  const rows = await db
    .select({ teamId: teamMemberships.teamId, total: count() })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(inArray(teamMemberships.teamId, teamIds))
    .groupBy(teamMemberships.teamId);
  return new Map(rows.map((r) => [r.teamId, r.total]));
}

export async function teamMembers(db: Database | Tx, teamId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(eq(teamMemberships.teamId, teamId))
    .orderBy(asc(users.name));
}
