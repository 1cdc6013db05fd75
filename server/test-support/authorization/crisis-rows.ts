import { addDays } from '../../../core/crisis.ts';
import type { TestApp } from '../app.ts';
import { buildMobilisation, isoToday } from '../crisis-factories.ts';
import { type Caller, type Row, signedIn, teamA, type World } from './matrix.ts';

/**
 * Rows of the crisis mobilisation routes (issue 7). Team A's worker proposed or takes part in
 * them; the callers are other members of team A, so only the coordination decides, prolongs
 * or closes; an admin without a stated reason is refused (403), another team is told nothing (404).
 */
const mobilisationOf = (t: TestApp, w: World, status: 'proposed' | 'validated') =>
  buildMobilisation(t.database.db, w.teamA, { participantIds: [w.workerA], status });

const coordinationOnly: Record<Caller, number> = {
  anonymous: 401,
  worker: 403,
  organizer: 403,
  coordinator: 200,
  admin: 403,
  otherWorker: 404,
  otherCoordinator: 404,
};

export const crisisRows: Row[] = [
  {
    route: 'GET /api/crisis-mobilisations',
    call: () => ({ url: '/api/crisis-mobilisations' }),
    expected: { ...signedIn(200), admin: 403 },
  },
  {
    route: 'POST /api/crisis-mobilisations',
    call: (w) => ({
      url: '/api/crisis-mobilisations',
      payload: {
        teamId: w.teamA,
        title: 'Accueil des familles déplacées',
        reason: 'Arrivées au centre d’hébergement.',
        startsOn: isoToday(),
        endsOn: addDays(isoToday(), 28),
        sharePercent: 20,
      },
    }),
    expected: teamA(201, 422),
  },
  {
    route: 'POST /api/crisis-mobilisations/tag',
    call: (w) => ({
      url: '/api/crisis-mobilisations/tag',
      payload: { kind: 'encounter', id: w.encounterA, mobilisationId: null },
    }),
    expected: teamA(200),
  },
  {
    route: 'GET /api/crisis-mobilisations/:id',
    call: async (w, t) => ({ url: `/api/crisis-mobilisations/${(await mobilisationOf(t, w, 'validated')).id}` }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/crisis-mobilisations/:id/decision',
    call: async (w, t) => ({
      url: `/api/crisis-mobilisations/${(await mobilisationOf(t, w, 'proposed')).id}/decision`,
      payload: { baseVersion: 1, decision: 'validate' },
    }),
    expected: { ...coordinationOnly, otherWorker: 403 },
  },
  {
    route: 'POST /api/crisis-mobilisations/:id/prolongation',
    call: async (w, t) => {
      const row = await mobilisationOf(t, w, 'validated');
      return {
        url: `/api/crisis-mobilisations/${row.id}/prolongation`,
        payload: { baseVersion: 1, endsOn: addDays(row.endsOn, 14) },
      };
    },
    expected: coordinationOnly,
  },
  {
    route: 'POST /api/crisis-mobilisations/:id/close',
    call: async (w, t) => ({
      url: `/api/crisis-mobilisations/${(await mobilisationOf(t, w, 'validated')).id}/close`,
      payload: { baseVersion: 1 },
    }),
    expected: coordinationOnly,
  },
];
