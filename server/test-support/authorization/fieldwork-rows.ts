import { uuidv7 } from '../../../core/uuid.ts';
import { buildEncounter, buildPerson, buildPersonRole, buildPlace, buildSession, buildTerm } from '../factories.ts';
import { coordinators, next, type Row, signedIn, teamA } from './matrix.ts';

/** Rows of the field-work routes (issue 4): taxonomies, places, sessions, encounters, people, sync. */
export const fieldworkRows: Row[] = [
  { route: 'GET /api/taxonomies', call: () => ({ url: '/api/taxonomies' }), expected: signedIn(200) },
  {
    route: 'POST /api/taxonomies',
    call: () => ({
      url: '/api/taxonomies',
      payload: { kind: 'need', code: `n${next().replace(/-/g, '')}`, label: { fr: 'Besoin', en: 'Need' } },
    }),
    expected: coordinators(201),
  },
  {
    route: 'PATCH /api/taxonomies/:id',
    call: async (_w, t) => ({
      url: `/api/taxonomies/${(await buildTerm(t.database.db)).id}`,
      payload: { baseVersion: 1, label: { fr: 'Renommé', en: 'Renamed' } },
    }),
    expected: coordinators(200),
  },
  { route: 'GET /api/places', call: () => ({ url: '/api/places' }), expected: signedIn(200) },
  {
    route: 'POST /api/places',
    call: (w) => ({ url: '/api/places', payload: { teamId: w.teamA, name: 'Parc Jacques-Cartier', kind: 'park' } }),
    expected: teamA(201, 422),
  },
  {
    route: 'PATCH /api/places/:id',
    call: async (w, t) => ({
      url: `/api/places/${(await buildPlace(t.database.db, w.teamA)).id}`,
      payload: { baseVersion: 1, zone: 'Côté nord' },
    }),
    expected: teamA(200),
  },
  {
    route: 'GET /api/sessions',
    call: () => ({ url: '/api/sessions' }),
    expected: { ...signedIn(200), admin: 403 },
  },
  {
    route: 'POST /api/sessions',
    call: (w) => ({ url: '/api/sessions', payload: { teamId: w.teamA, kind: 'walk' } }),
    expected: teamA(201, 422),
  },
  { route: 'GET /api/sessions/:id', call: (w) => ({ url: `/api/sessions/${w.sessionA}` }), expected: teamA(200) },
  {
    route: 'PATCH /api/sessions/:id',
    call: async (w, t) => ({
      url: `/api/sessions/${(await buildSession(t.database.db, w.teamA)).id}`,
      payload: { baseVersion: 1, zone: 'Rue King Ouest' },
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/sessions/:id/end',
    call: async (w, t) => ({
      url: `/api/sessions/${(await buildSession(t.database.db, w.teamA)).id}/end`,
      payload: {},
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/sessions/:id/tallies',
    call: (w) => ({ url: `/api/sessions/${w.sessionA}/tallies`, payload: { kind: 'greeting', delta: 1 } }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/sessions/:id/observations',
    call: (w) => ({
      url: `/api/sessions/${w.sessionA}/observations`,
      payload: { body: 'Beaucoup de monde au parc.', themes: ['publicSpace'] },
    }),
    expected: teamA(201),
  },
  {
    route: 'GET /api/encounters',
    call: () => ({ url: '/api/encounters' }),
    expected: { ...signedIn(200), admin: 403 },
  },
  {
    route: 'POST /api/encounters',
    call: (w) => ({ url: '/api/encounters', payload: { teamId: w.teamA, needs: ['food'], actions: ['listen'] } }),
    expected: teamA(201, 422),
  },
  { route: 'GET /api/encounters/:id', call: (w) => ({ url: `/api/encounters/${w.encounterA}` }), expected: teamA(200) },
  {
    route: 'PATCH /api/encounters/:id',
    call: async (w, t) => ({
      url: `/api/encounters/${(await buildEncounter(t.database.db, w.teamA)).id}`,
      payload: { baseVersion: 1, durationMinutes: 10 },
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/encounters/:id/attach',
    call: async (w, t) => ({
      url: `/api/encounters/${(await buildEncounter(t.database.db, w.teamA)).id}/attach`,
      payload: { baseVersion: 1, personId: w.personA },
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/encounters/:id/follow-up',
    call: async (w, t) => ({
      url: `/api/encounters/${(await buildEncounter(t.database.db, w.teamA, { followUpOn: '2026-01-01' })).id}/follow-up`,
      payload: { done: true },
    }),
    expected: teamA(200),
  },
  {
    route: 'GET /api/encounters/:id/note',
    call: (w) => ({ url: `/api/encounters/${w.encounterA}/note` }),
    expected: teamA(200),
  },
  {
    route: 'GET /api/my-day',
    call: () => ({ url: '/api/my-day' }),
    expected: { ...signedIn(200), admin: 403 },
  },
  { route: 'GET /api/people', call: () => ({ url: '/api/people' }), expected: { ...signedIn(200), admin: 403 } },
  {
    route: 'POST /api/people',
    call: (w) => ({ url: '/api/people', payload: { teamId: w.teamA, nickname: 'Le grand Jo' } }),
    expected: teamA(201, 422),
  },
  { route: 'GET /api/people/:id', call: (w) => ({ url: `/api/people/${w.personA}` }), expected: teamA(200) },
  {
    route: 'PATCH /api/people/:id',
    call: async (w, t) => ({
      url: `/api/people/${(await buildPerson(t.database.db, w.teamA)).id}`,
      payload: { baseVersion: 1, ageBand: '25to34' },
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/people/:id/consent',
    call: async (w, t) => ({
      url: `/api/people/${(await buildPerson(t.database.db, w.teamA)).id}/consent`,
      payload: { scope: 'identity', firstName: 'José' },
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/people/:id/consent/withdraw',
    call: async (w, t) => ({
      url: `/api/people/${(await buildPerson(t.database.db, w.teamA, { firstName: 'José' })).id}/consent/withdraw`,
      payload: {},
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/people/:id/roles',
    call: async (w, t) => ({
      url: `/api/people/${(await buildPerson(t.database.db, w.teamA)).id}/roles`,
      payload: { role: 'volunteer', startedOn: '2026-03-01' },
    }),
    expected: teamA(201),
  },
  {
    route: 'PATCH /api/people/:id/roles/:roleId',
    call: async (w, t) => {
      const person = await buildPerson(t.database.db, w.teamA);
      const role = await buildPersonRole(t.database.db, person.id);
      return { url: `/api/people/${person.id}/roles/${role.id}`, payload: { baseVersion: 1, endedOn: '2026-06-30' } };
    },
    expected: teamA(200),
  },
  {
    route: 'POST /api/people/:id/merge',
    call: async (w, t) => ({
      url: `/api/people/${(await buildPerson(t.database.db, w.teamA)).id}/merge`,
      payload: { absorbedId: (await buildPerson(t.database.db, w.teamA)).id },
    }),
    expected: teamA(200),
  },
  {
    route: 'GET /api/people/:id/timeline',
    call: (w) => ({ url: `/api/people/${w.personA}/timeline` }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/sync',
    call: (w) => ({
      url: '/api/sync',
      payload: {
        items: [
          { id: uuidv7(), kind: 'encounter.create', entityId: uuidv7(), payload: { teamId: w.teamA, needs: ['food'] } },
        ],
      },
    }),
    // Team B's workers get 200 with the item refused (not their team), as any bad item.
    expected: { ...signedIn(200), admin: 403 },
  },
  {
    route: 'GET /api/sync/reference',
    call: () => ({ url: '/api/sync/reference' }),
    expected: { ...signedIn(200), admin: 403 },
  },
];
