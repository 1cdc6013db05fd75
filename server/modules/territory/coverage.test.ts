import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import { encounters, outreachSessions, places } from '../../db/schema/index.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import {
  buildEncounter,
  buildNeighbourhood,
  buildPlace,
  buildSession,
  buildTeam,
  buildUser,
} from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let other: Agent;
let teamA: string;
let hood: string;

/** What coverage_counts must hold: the same figures computed from scratch. */
async function recomputed() {
  const result = (await t.database.db.execute(sql`
    select team_id, place_id, day::text, sum(sessions)::int as sessions, sum(encounters)::int as encounters from (
      select team_id, coalesce(place_id, '00000000-0000-0000-0000-000000000000'::uuid) as place_id, on_date as day, 1 as sessions, 0 as encounters
      from outreach_sessions
      union all
      select e.team_id, coalesce(e.place_id, s.place_id, '00000000-0000-0000-0000-000000000000'::uuid),
             (e.occurred_at at time zone 'UTC')::date, 0, 1
      from encounters e left join outreach_sessions s on s.id = e.session_id
    ) f group by 1, 2, 3 order by 1, 2, 3`)) as unknown as { rows: unknown[] };
  return result.rows;
}

async function kept() {
  const result = (await t.database.db.execute(sql`
    select team_id, place_id, day::text, sessions, encounters from coverage_counts
    where sessions <> 0 or encounters <> 0 order by 1, 2, 3`)) as unknown as { rows: unknown[] };
  return result.rows;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  const teamB = (await buildTeam(db)).id;
  hood = (await buildNeighbourhood(db, teamA, { name: 'Ascot' })).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  other = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
});
afterAll(() => t.close());

describe('outreach coverage', () => {
  it('counts sessions and encounters by place, with places nobody visited and how long ago anyone went', async () => {
    const park = (
      await ana.post('/api/places', {
        name: 'Parc Jacques-Cartier',
        kind: 'park',
        neighbourhoodId: hood,
        location: { latitude: 45.4, longitude: -71.9 },
      })
    ).json();
    expect(park.location).toEqual({ latitude: 45.4, longitude: -71.9 });
    const market = await buildPlace(t.database.db, teamA, { name: 'Marché' });
    await buildPlace(t.database.db, teamA, { name: 'École oubliée' });
    const round = await buildSession(t.database.db, teamA, { startedAt: new Date('2026-10-05T14:00:00Z') });
    await t.database.db.update(outreachSessions).set({ placeId: park.id }).where(eq(outreachSessions.id, round.id));
    // Two contacts during the round (no place of their own), one at the market.
    await buildEncounter(t.database.db, teamA, { sessionId: round.id, occurredAt: new Date('2026-10-05T14:30:00Z') });
    await buildEncounter(t.database.db, teamA, { sessionId: round.id, occurredAt: new Date('2026-10-05T15:00:00Z') });
    const atMarket = await buildEncounter(t.database.db, teamA, { occurredAt: new Date('2026-09-01T10:00:00Z') });
    await t.database.db.update(encounters).set({ placeId: market.id }).where(eq(encounters.id, atMarket.id));

    const answer = await ana.get('/api/territory/coverage?from=2026-10-01&to=2026-10-31');
    expect(answer.statusCode).toBe(200);
    const { zones, total } = answer.json();
    const byName = (name: string) => zones.find((z: { name: string }) => z.name === name);
    expect(byName('Parc Jacques-Cartier')).toMatchObject({
      sessions: 1,
      encounters: 2,
      lastVisit: '2026-10-05',
      daysSinceLastVisit: 26,
    });
    // Visited before the period: no count in it, but the last visit shows.
    expect(byName('Marché')).toMatchObject({ sessions: 0, encounters: 0, lastVisit: '2026-09-01' });
    expect(byName('École oubliée')).toMatchObject({ lastVisit: null, daysSinceLastVisit: null });
    expect(zones[0].name).toBe('École oubliée');
    expect(total).toEqual({ sessions: 1, encounters: 2 });

    const hoods = (await ana.get('/api/territory/coverage?from=2026-10-01&to=2026-10-31&by=neighbourhood')).json();
    expect(hoods.zones.find((z: { id: string }) => z.id === hood)).toMatchObject({
      name: 'Ascot',
      sessions: 1,
      encounters: 2,
    });
  });

  it('moves counts when a round changes place, and stays equal to a count from scratch through every change', async () => {
    const db = t.database.db;
    const a = await buildPlace(db, teamA);
    const b = await buildPlace(db, teamA);
    const round = await buildSession(db, teamA);
    await db.update(outreachSessions).set({ placeId: a.id }).where(eq(outreachSessions.id, round.id));
    for (let k = 0; k < 3; k++) await buildEncounter(db, teamA, { sessionId: round.id });
    await db.update(outreachSessions).set({ placeId: b.id }).where(eq(outreachSessions.id, round.id));
    const moved = await buildEncounter(db, teamA, { sessionId: round.id });
    await db.update(encounters).set({ placeId: a.id }).where(eq(encounters.id, moved.id));
    await db
      .update(encounters)
      .set({ occurredAt: new Date('2025-01-01T12:00:00Z') })
      .where(eq(encounters.id, moved.id));
    // A sync-sized insert in one statement.
    await db.insert(encounters).values(
      Array.from({ length: 50 }, () => ({
        id: uuidv7(),
        teamId: teamA,
        sessionId: round.id,
        identification: 'anonymous',
        occurredAt: new Date(),
        needs: ['food'],
      })),
    );
    await db.delete(encounters).where(eq(encounters.id, moved.id));
    await db.update(places).set({ name: 'Renommé' }).where(eq(places.id, a.id));
    expect(await kept()).toEqual(await recomputed());
  });

  it('shows another team nothing of it, and refuses a period that ends before it starts', async () => {
    const theirs = (await other.get('/api/territory/coverage?from=2026-01-01&to=2026-12-31')).json();
    expect(theirs.zones).toEqual([]);
    const backwards = await ana.get('/api/territory/coverage?from=2026-12-31&to=2026-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0].path).toBe('to');
  });
});
