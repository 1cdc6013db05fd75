import type { Team, TeamDetail } from '../../../core/contracts/teams.ts';
import type { Role } from '../../../core/roles.ts';
import type { Database, Tx } from '../../db/client.ts';
import { findTeams, memberCounts, neighbourhoodsByTeam, type TeamRow, teamMembers } from './teams.repo.ts';

export async function presentTeams(db: Database | Tx, rows: TeamRow[]): Promise<Team[]> {
  const ids = rows.map((r) => r.id);
  const [places, counts] = await Promise.all([neighbourhoodsByTeam(db, ids), memberCounts(db, ids)]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    code: row.code,
    neighbourhoods: places.get(row.id) ?? [],
    memberCount: counts.get(row.id) ?? 0,
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function presentTeamDetail(db: Database | Tx, teamId: string): Promise<TeamDetail | null> {
  const [row] = await findTeams(db, [teamId]);
  if (!row) return null;
  const [team] = await presentTeams(db, [row]);
  const members = await teamMembers(db, teamId);
  return { ...(team as Team), members: members.map((m) => ({ ...m, role: m.role as Role })) };
}
