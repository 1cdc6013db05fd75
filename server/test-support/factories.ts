import type { Role } from '../../core/roles.ts';
import { uuidv7 } from '../../core/uuid.ts';
import type { Database } from '../db/client.ts';
import {
  encounterNotes,
  encounters,
  outreachSessionMembers,
  outreachSessions,
  people,
  personRoles,
  places,
  taxonomyTerms,
} from '../db/schema/index.ts';
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

// ---- field work (issue 4): direct inserts, so a test builds its world without going through HTTP ----

export async function buildPlace(db: Database, teamId: string, fields: { name?: string; kind?: string } = {}) {
  const [row] = await db
    .insert(places)
    .values({ id: uuidv7(), teamId, name: fields.name ?? `Lieu ${next()}`, kind: fields.kind ?? 'park' })
    .returning();
  return row as typeof places.$inferSelect;
}

export async function buildSession(
  db: Database,
  teamId: string,
  fields: { createdBy?: string; onDate?: string; startedAt?: Date | null; endedAt?: Date | null; kind?: string } = {},
) {
  const startedAt = fields.startedAt === undefined ? new Date() : fields.startedAt;
  const [row] = await db
    .insert(outreachSessions)
    .values({
      id: uuidv7(),
      teamId,
      kind: fields.kind ?? 'walk',
      onDate: fields.onDate ?? (startedAt ?? new Date()).toISOString().slice(0, 10),
      startedAt,
      endedAt: fields.endedAt ?? null,
      createdBy: fields.createdBy ?? null,
    })
    .returning();
  if (fields.createdBy)
    await db.insert(outreachSessionMembers).values({ sessionId: row!.id, userId: fields.createdBy });
  return row as typeof outreachSessions.$inferSelect;
}

export async function buildPerson(
  db: Database,
  teamId: string,
  fields: { nickname?: string; firstName?: string; lastName?: string; consent?: boolean; ageBand?: string } = {},
) {
  const consent = fields.consent ?? !!(fields.firstName || fields.lastName);
  const [row] = await db
    .insert(people)
    .values({
      id: uuidv7(),
      teamId,
      nickname: fields.nickname ?? `Surnom ${next()}`,
      ageBand: fields.ageBand ?? null,
      ...(consent
        ? {
            consentGivenAt: new Date(),
            consentScope: 'identity',
            firstName: fields.firstName ?? null,
            lastName: fields.lastName ?? null,
          }
        : {}),
    })
    .returning();
  return row as typeof people.$inferSelect;
}

export async function buildPersonRole(db: Database, personId: string, role = 'volunteer', startedOn = '2026-01-15') {
  const [row] = await db.insert(personRoles).values({ id: uuidv7(), personId, role, startedOn }).returning();
  return row as typeof personRoles.$inferSelect;
}

export async function buildEncounter(
  db: Database,
  teamId: string,
  fields: {
    personId?: string;
    sessionId?: string;
    createdBy?: string;
    followUpOn?: string;
    note?: string;
    occurredAt?: Date;
    needs?: string[];
  } = {},
) {
  const id = uuidv7();
  const [row] = await db
    .insert(encounters)
    .values({
      id,
      teamId,
      personId: fields.personId ?? null,
      sessionId: fields.sessionId ?? null,
      identification: fields.personId ? 'pseudonymous' : 'anonymous',
      occurredAt: fields.occurredAt ?? new Date(),
      needs: fields.needs ?? ['food'],
      actions: ['listen'],
      followUpOn: fields.followUpOn ?? null,
      hasNote: !!fields.note,
      createdBy: fields.createdBy ?? null,
    })
    .returning();
  if (fields.note) await db.insert(encounterNotes).values({ encounterId: id, body: fields.note });
  return row as typeof encounters.$inferSelect;
}

export async function buildTerm(db: Database, kind = 'need', code = `terme${next().replace(/-/g, '')}`) {
  const [row] = await db
    .insert(taxonomyTerms)
    .values({ id: uuidv7(), kind, code, labelFr: `Terme ${code}`, labelEn: `Term ${code}` })
    .returning();
  return row as typeof taxonomyTerms.$inferSelect;
}
