import type { Role } from '../../core/roles.ts';
import { uuidv7 } from '../../core/uuid.ts';
import type { Database } from '../db/client.ts';
import { createNeighbourhood } from '../modules/neighbourhoods/neighbourhoods.service.ts';
import { createTeam } from '../modules/teams/teams.service.ts';
import { createUser } from '../modules/users/users.service.ts';

/** Every factory user has this password, so tests can sign in as anyone they build. */
export const testPassword = 'correct-horse-battery-staple';

let sequence = 0;
const next = () => `${++sequence}-${uuidv7().slice(-6)}`;

export async function buildTeam(db: Database, fields: { name?: string; code?: string } = {}) {
  const suffix = next();
  return createTeam(db, null, { name: fields.name ?? `Équipe ${suffix}`, code: fields.code ?? `team-${suffix}` });
}

export async function buildNeighbourhood(db: Database, teamId: string, fields: { name?: string; code?: string } = {}) {
  const suffix = next();
  return createNeighbourhood(db, null, {
    name: fields.name ?? `Quartier ${suffix}`,
    code: fields.code ?? `quartier-${suffix}`,
    teamId,
  });
}

export type BuildUserFields = {
  role?: Role;
  teamIds?: string[];
  email?: string;
  name?: string;
  language?: 'fr' | 'en';
  mustChangePassword?: boolean;
};

/** An account that can sign in with `testPassword` right away (no forced change unless asked). */
export async function buildUser(db: Database, fields: BuildUserFields = {}) {
  const suffix = next();
  const { user } = await createUser(
    db,
    null,
    {
      email: fields.email ?? `user-${suffix}@example.org`,
      name: fields.name ?? `Personne ${suffix}`,
      role: fields.role ?? 'worker',
      language: fields.language ?? 'fr',
      teamIds: fields.teamIds ?? [],
    },
    { password: testPassword, mustChangePassword: fields.mustChangePassword ?? false },
  );
  return user;
}
