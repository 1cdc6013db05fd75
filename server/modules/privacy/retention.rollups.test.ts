import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outreachSessions } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildEncounter, buildPlace, buildSession, buildTeam } from '../../test-support/factories.ts';
import { runPurge } from './retention.purge.ts';

/**
 * Depends on the report-rollups work of issue 8: its migration makes the coverage_counts triggers
 * (and its own rollups) keep their counts on a DELETE made with `relais.retention_purge = 'on'`.
 * Until that migration is merged, this test fails: the purge then lowers the coverage counts.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('anonymous encounters kept as counts', () => {
  it('leaves coverage_counts unchanged after a real purge deletes the rows', async () => {
    const db = t.database.db;
    const team = await buildTeam(db);
    const place = await buildPlace(db, team.id);
    const session = await buildSession(db, team.id, {
      onDate: '2020-03-02',
      startedAt: new Date('2020-03-02T14:00:00Z'),
    });
    await db.update(outreachSessions).set({ placeId: place.id }).where(eq(outreachSessions.id, session.id));
    for (let i = 0; i < 3; i++)
      await buildEncounter(db, team.id, { sessionId: session.id, occurredAt: new Date('2020-03-02T15:00:00Z') });
    const counts = () =>
      t.database.query(
        'select place_id, day::text, sessions, encounters from coverage_counts where team_id = $1 order by 1, 2',
        [team.id],
      );
    const before = await counts();
    expect(before.length).toBeGreaterThan(0);
    const run = await runPurge(db, { dryRun: false, trigger: 'cli' });
    expect(run.results.find((r) => r.kind === 'anonymousEncounters')?.count).toBeGreaterThanOrEqual(3);
    expect(await t.database.query('select id from encounters where team_id = $1', [team.id])).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
