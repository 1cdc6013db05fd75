import { buildActor, buildService } from '../directory-factories.ts';
import { next, type Row, signedIn, teamA } from './matrix.ts';

/** Workers, organizers and coordinators of any team keep the shared directory; admins read it. */
const editors = (status: number) => ({ ...signedIn(status), admin: 403 });

/** Rows of the directory routes (issue 5): shared organisations and services, team-scoped key persons. */
export const directoryRows: Row[] = [
  {
    route: 'GET /api/directory/search',
    call: () => ({ url: '/api/directory/search?q=logemant' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/directory/print',
    call: () => ({ url: '/api/directory/print?language=en' }),
    expected: signedIn(200),
  },
  { route: 'GET /api/actors', call: () => ({ url: '/api/actors?search=maison' }), expected: signedIn(200) },
  {
    route: 'POST /api/actors',
    call: () => ({
      url: '/api/actors',
      payload: { kind: 'organisation', category: 'food', name: `Cuisine ${next()}` },
    }),
    expected: editors(201),
  },
  {
    /** A key person: its team only (an organisation is read by all, see actors.test.ts). */
    route: 'GET /api/actors/:id',
    call: async (w, t) => ({
      url: `/api/actors/${(await buildActor(t.database.db, { kind: 'keyPerson', teamId: w.teamA })).id}`,
    }),
    expected: teamA(200),
  },
  {
    route: 'PATCH /api/actors/:id',
    call: async (_w, t) => ({
      url: `/api/actors/${(await buildActor(t.database.db)).id}`,
      payload: { baseVersion: 1, description: 'Ouvert à tous' },
    }),
    expected: editors(200),
  },
  {
    route: 'POST /api/actors/:id/deactivate',
    call: async (w, t) => ({
      url: `/api/actors/${(await buildActor(t.database.db, { kind: 'keyPerson', teamId: w.teamA })).id}/deactivate`,
      payload: {},
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/services',
    call: async (_w, t) => ({
      url: '/api/services',
      payload: { actorId: (await buildActor(t.database.db)).id, name: `Popote ${next()}`, needs: ['food'] },
    }),
    expected: editors(201),
  },
  {
    route: 'GET /api/services/:id',
    call: async (_w, t) => ({ url: `/api/services/${(await buildService(t.database.db)).id}` }),
    expected: signedIn(200),
  },
  {
    route: 'PATCH /api/services/:id',
    call: async (_w, t) => ({
      url: `/api/services/${(await buildService(t.database.db)).id}`,
      payload: { baseVersion: 1, free: true },
    }),
    expected: editors(200),
  },
  {
    route: 'GET /api/services/:id/statuses',
    call: async (_w, t) => ({ url: `/api/services/${(await buildService(t.database.db)).id}/statuses` }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/services/:id/statuses',
    call: async (_w, t) => ({
      url: `/api/services/${(await buildService(t.database.db)).id}/statuses`,
      payload: { status: 'waitingList', expectedWaitDays: 30 },
    }),
    expected: editors(201),
  },
];
