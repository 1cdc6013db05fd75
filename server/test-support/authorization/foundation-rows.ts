import { buildUser, testPassword } from '../factories.ts';
import { adminOnly, everyone, next, type Row, signedIn } from './matrix.ts';

/** Rows of the foundation's routes: health, docs, auth, settings, accounts, teams, audit. */
export const foundationRows: Row[] = [
  { route: 'GET /api/health', call: () => ({ url: '/api/health' }), expected: everyone(200) },
  { route: 'GET /api/openapi.json', call: () => ({ url: '/api/openapi.json' }), expected: everyone(200) },
  { route: 'GET /api/docs', call: () => ({ url: '/api/docs' }), expected: everyone(200) },
  { route: 'GET /api/docs/json', call: () => ({ url: '/api/docs/json' }), expected: everyone(200) },
  { route: 'GET /api/docs/yaml', call: () => ({ url: '/api/docs/yaml' }), expected: everyone(200) },
  {
    route: 'GET /api/docs/static/index.html',
    call: () => ({ url: '/api/docs/static/index.html' }),
    // swagger-ui sends this one to /api/docs.
    expected: everyone(302),
  },
  {
    route: 'GET /api/docs/static/swagger-initializer.js',
    call: () => ({ url: '/api/docs/static/swagger-initializer.js' }),
    expected: everyone(200),
  },
  {
    route: 'GET /api/docs/static/*',
    call: () => ({ url: '/api/docs/static/swagger-ui.css' }),
    expected: everyone(200),
  },
  { route: 'GET /api/auth/session', call: () => ({ url: '/api/auth/session' }), expected: everyone(200) },
  {
    route: 'POST /api/auth/sign-in',
    call: async (_w, t) => ({
      url: '/api/auth/sign-in',
      payload: { email: (await buildUser(t.database.db)).email, password: testPassword },
    }),
    expected: everyone(200),
    freshCaller: true,
  },
  {
    route: 'POST /api/auth/sign-out',
    call: () => ({ url: '/api/auth/sign-out' }),
    expected: signedIn(200),
    freshCaller: true,
  },
  {
    route: 'POST /api/auth/password',
    call: () => ({
      url: '/api/auth/password',
      payload: { currentPassword: testPassword, newPassword: 'une autre phrase' },
    }),
    expected: signedIn(200),
    freshCaller: true,
  },
  {
    route: 'PATCH /api/auth/me',
    call: () => ({ url: '/api/auth/me', payload: { language: 'fr' } }),
    expected: signedIn(200),
  },
  { route: 'GET /api/settings', call: () => ({ url: '/api/settings' }), expected: everyone(200) },
  {
    route: 'PATCH /api/settings',
    call: () => ({ url: '/api/settings', payload: { deploymentName: 'Relais Sherbrooke' } }),
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/users',
    call: () => ({ url: '/api/users' }),
    expected: { ...adminOnly(200), coordinator: 200, otherCoordinator: 200 },
  },
  {
    route: 'POST /api/users',
    call: (w) => ({
      url: '/api/users',
      payload: { email: `new-${next()}@example.org`, name: 'Nouvelle', role: 'worker', teamIds: [w.teamA] },
    }),
    expected: adminOnly(201),
  },
  {
    route: 'GET /api/users/:id',
    call: (w) => ({ url: `/api/users/${w.workerA}` }),
    // Team A's coordinator sees the account; other workers, even of team A, and team B do not.
    expected: { ...signedIn(404), admin: 200, coordinator: 200 },
  },
  {
    route: 'PATCH /api/users/:id',
    call: async (w, t) => ({
      url: `/api/users/${(await buildUser(t.database.db, { teamIds: [w.teamA] })).id}`,
      payload: { name: 'Renommée' },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/users/:id/reset-password',
    call: async (w, t) => ({
      url: `/api/users/${(await buildUser(t.database.db, { teamIds: [w.teamA] })).id}/reset-password`,
    }),
    expected: adminOnly(200),
  },
  { route: 'GET /api/teams', call: () => ({ url: '/api/teams' }), expected: signedIn(200) },
  {
    route: 'POST /api/teams',
    call: () => ({ url: '/api/teams', payload: { name: 'Équipe nouvelle', code: `eq-${next()}` } }),
    expected: adminOnly(201),
  },
  {
    route: 'GET /api/teams/:id',
    call: (w) => ({ url: `/api/teams/${w.teamA}` }),
    expected: { ...signedIn(200), otherWorker: 404, otherCoordinator: 404 },
  },
  {
    route: 'PATCH /api/teams/:id',
    call: (w) => ({ url: `/api/teams/${w.teamA}`, payload: { name: `Équipe A ${next()}` } }),
    expected: adminOnly(200),
  },
  { route: 'GET /api/neighbourhoods', call: () => ({ url: '/api/neighbourhoods' }), expected: signedIn(200) },
  {
    route: 'POST /api/neighbourhoods',
    call: (w) => ({
      url: '/api/neighbourhoods',
      payload: { name: 'Nouveau quartier', code: `q-${next()}`, teamId: w.teamA },
    }),
    expected: adminOnly(201),
  },
  {
    route: 'PATCH /api/neighbourhoods/:id',
    call: (w) => ({ url: `/api/neighbourhoods/${w.neighbourhoodA}`, payload: { name: `Ascot ${next()}` } }),
    expected: adminOnly(200),
  },
];
