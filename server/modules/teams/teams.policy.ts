import type { Actor } from '../../http/request-context.ts';

/**
 * Who is on a team is the team's business: its members see it, admins see it to manage accounts.
 * Anyone else is told the team does not exist.
 */
export function canSeeTeamMembers(actor: Actor, teamId: string): boolean {
  return actor.role === 'admin' || actor.teamIds.includes(teamId);
}
