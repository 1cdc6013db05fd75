import { uuidv7 } from '../../core/uuid.ts';
import type { Database } from '../db/client.ts';
import { encounters, needSignals, people, places } from '../db/schema/index.ts';

const day = 86_400_000;

/** A place of the team in the neighbourhood. */
export async function buildPlaceIn(
  db: Database,
  teamId: string,
  neighbourhoodId: string,
  name = `Lieu ${uuidv7().slice(-6)}`,
) {
  const [row] = await db
    .insert(places)
    .values({ id: uuidv7(), teamId, neighbourhoodId, name, kind: 'park' })
    .returning();
  return row as typeof places.$inferSelect;
}

/**
 * `count` encounters naming `needs` at `placeId`, spread over the `daysAgo` before now: the first
 * `known` of them with distinct known people, the rest anonymous.
 */
export async function buildNamedEncounters(
  db: Database,
  fields: {
    teamId: string;
    placeId: string | null;
    needs: string[];
    count: number;
    known?: number;
    daysAgo?: [number, number];
  },
) {
  const [from, to] = fields.daysAgo ?? [1, 30];
  const rows = [];
  for (let k = 0; k < fields.count; k++) {
    let personId: string | null = null;
    if (k < (fields.known ?? 0)) {
      personId = uuidv7();
      await db.insert(people).values({ id: personId, teamId: fields.teamId, nickname: `Personne ${k}` });
    }
    const ago = from + ((to - from) * k) / Math.max(1, fields.count - 1);
    rows.push({
      id: uuidv7(),
      teamId: fields.teamId,
      personId,
      identification: personId ? 'pseudonymous' : 'anonymous',
      occurredAt: new Date(Date.now() - ago * day),
      placeId: fields.placeId,
      needs: fields.needs,
      actions: ['listen'],
    });
  }
  if (rows.length) await db.insert(encounters).values(rows);
}

/** An open signal, written directly (detection has its own tests). */
export async function buildNeedSignal(
  db: Database,
  teamId: string,
  neighbourhoodId: string,
  fields: { need?: string; status?: string; encounters?: number; people?: number } = {},
) {
  const today = new Date().toISOString().slice(0, 10);
  const [row] = await db
    .insert(needSignals)
    .values({
      id: uuidv7(),
      teamId,
      neighbourhoodId,
      need: fields.need ?? `need${uuidv7().slice(-8)}`,
      status: fields.status ?? 'new',
      windowStart: new Date(Date.now() - 90 * day).toISOString().slice(0, 10),
      windowEnd: today,
      encounters: fields.encounters ?? 12,
      people: fields.people ?? 3,
      previousEncounters: 2,
      history: [{ on: today, encounters: fields.encounters ?? 12, people: fields.people ?? 3 }],
    })
    .returning();
  return row as typeof needSignals.$inferSelect;
}
