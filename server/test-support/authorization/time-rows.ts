import { eq } from 'drizzle-orm';
import { uuidv7 } from '../../../core/uuid.ts';
import { teamLogDays, timeEntries } from '../../db/schema/index.ts';
import type { TestApp } from '../app.ts';
import { everyone, type Row, teamA } from './matrix.ts';

/** Rows of the team's time and daily log (issue 7): team A's entries, agreements, criteria and log. */
async function entryOf(t: TestApp, teamId: string, workerId: string) {
  const [row] = await t.database.db
    .insert(timeEntries)
    .values({ id: uuidv7(), teamId, workerId, onDate: '2026-11-18', minutes: 60, category: 'hostPartner' })
    .returning();
  return row!.id;
}

const today = () => new Date().toISOString().slice(0, 10);
/** Coordination of team A only; team B's coordinator is told it is not their team (422). */
const teamACoordination = { ...everyone(403), anonymous: 401, coordinator: 200, otherCoordinator: 422 };

export const timeRows: Row[] = [
  {
    route: 'GET /api/time-entries',
    call: (w) => ({ url: `/api/time-entries?teamId=${w.teamA}` }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/time-entries',
    call: (w) => ({
      url: '/api/time-entries',
      payload: { id: uuidv7(), teamId: w.teamA, onDate: '2026-11-18', minutes: 30, category: 'hostPartner' },
    }),
    expected: teamA(201, 422),
  },
  {
    route: 'DELETE /api/time-entries/:id',
    call: async (w, t) => ({ url: `/api/time-entries/${await entryOf(t, w.teamA, w.workerA)}` }),
    // A colleague's entry: only coordination takes it back.
    expected: { ...teamA(404), coordinator: 200 },
  },
  {
    route: 'GET /api/time-split',
    call: (w) => ({ url: `/api/time-split?teamId=${w.teamA}&period=month` }),
    expected: teamA(200),
  },
  {
    route: 'GET /api/mission-criteria',
    call: (w) => ({ url: `/api/mission-criteria?teamId=${w.teamA}` }),
    expected: teamA(200),
  },
  {
    route: 'PUT /api/mission-criteria',
    call: (w) => ({
      url: '/api/mission-criteria',
      payload: { teamId: w.teamA, mission: 'networking', criteria: [{ code: 'fineKnowledge', label: 'Connaître' }] },
    }),
    expected: teamACoordination,
  },
  {
    route: 'GET /api/time-agreements',
    call: (w) => ({ url: `/api/time-agreements?teamId=${w.teamA}` }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/time-agreements',
    call: (w) => ({
      url: '/api/time-agreements',
      payload: { teamId: w.teamA, effectiveFrom: '2026-01-01', hostPartnerPercent: 20 },
    }),
    expected: { ...teamACoordination, coordinator: 201 },
  },
  {
    route: 'GET /api/team-log',
    call: (w) => ({ url: `/api/team-log?teamId=${w.teamA}` }),
    expected: teamA(200),
  },
  {
    route: 'PUT /api/team-log/days/:onDate',
    call: async (w, t) => {
      // Each caller writes on a fresh team-A day page: the day's page is saved from its version.
      await t.database.db.delete(teamLogDays).where(eq(teamLogDays.teamId, w.teamA));
      return { url: `/api/team-log/days/${today()}`, payload: { teamId: w.teamA, highlights: 'Tournée au parc' } };
    },
    expected: teamA(201, 422),
  },
];
