import { inArray } from 'drizzle-orm';
import type { CurrentUser, SessionState } from '../../../core/contracts/auth.ts';
import type { Database } from '../../db/client.ts';
import { teams } from '../../db/schema/index.ts';
import type { Actor, SessionInfo } from '../../http/request-context.ts';

export async function presentCurrentUser(db: Database, actor: Actor): Promise<CurrentUser> {
  const teamRows = actor.teamIds.length
    ? await db
        .select({ id: teams.id, name: teams.name, code: teams.code })
        .from(teams)
        .where(inArray(teams.id, actor.teamIds))
        .orderBy(teams.name)
    : [];
  return {
    id: actor.id,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    language: actor.language,
    teams: teamRows,
    mustChangePassword: actor.mustChangePassword,
  };
}

export async function presentSession(
  db: Database,
  actor: Actor | null,
  session: SessionInfo | null,
  anonymousCsrfToken: string,
): Promise<SessionState> {
  return {
    user: actor ? await presentCurrentUser(db, actor) : null,
    csrfToken: session?.csrfToken ?? anonymousCsrfToken,
    expiresAt: session ? session.expiresAt.toISOString() : null,
  };
}
