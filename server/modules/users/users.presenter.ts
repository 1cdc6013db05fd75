import type { User } from '../../../core/contracts/users.ts';
import type { Language } from '../../../core/localized.ts';
import type { Role } from '../../../core/roles.ts';
import type { TeamRef, UserRow } from './users.repo.ts';

/** What leaves the server about an account: never the password hash. */
export function presentUser(row: UserRow, teams: TeamRef[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    language: row.language as Language,
    active: row.active,
    teams,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
