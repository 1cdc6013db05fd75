import { uuidv7 } from '../../../core/uuid.ts';
import { activitySessions, collectiveActivities } from '../../db/schema/index.ts';
import type { TestApp } from '../app.ts';
import { type Row, signedIn, teamA } from './matrix.ts';

/** Rows of the collective activity routes (issue 7): team A's activities and sessions. */
async function activityOf(t: TestApp, teamId: string) {
  const [row] = await t.database.db
    .insert(collectiveActivities)
    .values({ id: uuidv7(), teamId, title: 'La soupière', kind: 'meal' })
    .returning();
  return row!.id;
}

export const activityRows: Row[] = [
  {
    route: 'GET /api/activities',
    call: () => ({ url: '/api/activities' }),
    expected: { ...signedIn(200), admin: 403 },
  },
  {
    route: 'POST /api/activities',
    call: (w) => ({ url: '/api/activities', payload: { teamId: w.teamA, title: 'Sortie au musée', kind: 'outing' } }),
    expected: teamA(201, 422),
  },
  {
    route: 'GET /api/activities/:id',
    call: async (w, t) => ({ url: `/api/activities/${await activityOf(t, w.teamA)}` }),
    expected: teamA(200),
  },
  {
    route: 'PATCH /api/activities/:id',
    call: async (w, t) => ({
      url: `/api/activities/${await activityOf(t, w.teamA)}`,
      payload: { baseVersion: 1, groupType: 'closed' },
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/activities/:id/sessions',
    call: async (w, t) => ({
      url: `/api/activities/${await activityOf(t, w.teamA)}/sessions`,
      payload: {
        id: uuidv7(),
        onDate: '2026-11-19',
        headCounts: { '25to34': 4 },
        attendees: [{ personId: w.personA }],
      },
    }),
    expected: teamA(201),
  },
  {
    route: 'GET /api/activity-sessions/:id',
    call: async (w, t) => {
      const activityId = await activityOf(t, w.teamA);
      const [row] = await t.database.db
        .insert(activitySessions)
        .values({ id: uuidv7(), activityId, teamId: w.teamA, onDate: '2026-11-19' })
        .returning();
      return { url: `/api/activity-sessions/${row!.id}` };
    },
    expected: teamA(200),
  },
];
