import { eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { encounters, outreachSessions, people, places } from '../../db/schema/index.ts';
import { anyUuid } from './bulk-insert.ts';

export type EncounterRow = typeof encounters.$inferSelect;

type PersonRef = { id: string; teamId: string; consented: boolean; mergedIntoId: string | null };
export type References = {
  sessions: Map<string, { teamId: string }>;
  places: Map<string, { teamId: string }>;
  people: Map<string, PersonRef>;
};

const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];

/**
 * Sessions, places and people that a set of encounters points at, in three queries whatever the
 * number of encounters. A merged person resolves to the survivor (one hop: merges re-point).
 */
export async function loadReferences(
  db: Database | Tx,
  wanted: {
    sessionIds: (string | null | undefined)[];
    placeIds: (string | null | undefined)[];
    personIds: (string | null | undefined)[];
  },
): Promise<References> {
  const sessionIds = unique(wanted.sessionIds);
  const placeIds = unique(wanted.placeIds);
  const personIds = unique(wanted.personIds);
  const [sessionRows, placeRows, personRows] = await Promise.all([
    sessionIds.length
      ? db
          .select({ id: outreachSessions.id, teamId: outreachSessions.teamId })
          .from(outreachSessions)
          .where(inArray(outreachSessions.id, sessionIds))
      : [],
    placeIds.length
      ? db.select({ id: places.id, teamId: places.teamId }).from(places).where(inArray(places.id, placeIds))
      : [],
    personIds.length ? selectPeople(db, personIds) : [],
  ]);
  const survivors = unique(personRows.map((p) => p.mergedIntoId));
  const survivorRows = survivors.length ? await selectPeople(db, survivors) : [];
  return {
    sessions: new Map(sessionRows.map((s) => [s.id, { teamId: s.teamId }])),
    places: new Map(placeRows.map((p) => [p.id, { teamId: p.teamId }])),
    people: new Map([...personRows, ...survivorRows].map((p) => [p.id, p])),
  };
}

async function selectPeople(db: Database | Tx, ids: string[]): Promise<PersonRef[]> {
  const rows = await db
    .select({
      id: people.id,
      teamId: people.teamId,
      consentGivenAt: people.consentGivenAt,
      mergedIntoId: people.mergedIntoId,
    })
    .from(people)
    .where(inArray(people.id, ids));
  return rows.map((r) => ({ id: r.id, teamId: r.teamId, consented: !!r.consentGivenAt, mergedIntoId: r.mergedIntoId }));
}

export async function existingEncounterIds(db: Database | Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: encounters.id }).from(encounters).where(anyUuid(encounters.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function findEncounter(db: Database | Tx, id: string): Promise<EncounterRow | undefined> {
  const [row] = await db.select().from(encounters).where(eq(encounters.id, id));
  return row;
}
