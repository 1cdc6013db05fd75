import type { Actor } from '../../http/request-context.ts';

/**
 * Admins manage every account. A coordinator sees the accounts of their own teams. Everyone sees
 * their own account. Nobody else's account is visible, not even its existence.
 */
export function canSeeUser(actor: Actor, userTeamIds: string[], userId: string): boolean {
  if (actor.role === 'admin' || actor.id === userId) return true;
  return actor.role === 'coordinator' && userTeamIds.some((id) => actor.teamIds.includes(id));
}

/** The teams whose accounts this actor may list; undefined means every team. */
export function listableTeamIds(actor: Actor): string[] | undefined {
  return actor.role === 'admin' ? undefined : actor.teamIds;
}
