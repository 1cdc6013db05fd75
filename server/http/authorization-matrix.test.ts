import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/roles.ts';
import { Agent, signedInAgent } from '../test-support/agent.ts';
import { createTestApp, type TestApp } from '../test-support/app.ts';
import { buildNeighbourhood, buildTeam, buildUser, testPassword } from '../test-support/factories.ts';

/**
 * Every route, called by every kind of caller: nobody, each role on team A, and members of team B
 * (another team). The table must name every route of the app, so a new route without a row
 * here fails this test until someone decides who may call it.
 */
type Caller = 'anonymous' | 'worker' | 'organizer' | 'coordinator' | 'admin' | 'otherWorker' | 'otherCoordinator';
const callers: Caller[] = [
  'anonymous',
  'worker',
  'organizer',
  'coordinator',
  'admin',
  'otherWorker',
  'otherCoordinator',
];

type World = { teamA: string; teamB: string; neighbourhoodA: string; workerA: string };
type Call = { url: string; payload?: unknown };
type Row = {
  route: string;
  /** Builds the request; runs once per caller so writes never collide. */
  call: (world: World, t: TestApp) => Promise<Call> | Call;
  expected: Record<Caller, number>;
  /** The route ends or changes the caller's own session or password: use a fresh caller. */
  freshCaller?: boolean;
};

const everyone = (status: number) => Object.fromEntries(callers.map((c) => [c, status])) as Record<Caller, number>;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
const adminOnly = (status: number) => ({ ...everyone(403), anonymous: 401, admin: status });
let unique = 0;
const next = () => `${Date.now().toString(36)}-${++unique}`;

const table: Row[] = [
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
  { route: 'GET /api/audit', call: () => ({ url: '/api/audit' }), expected: adminOnly(200) },
];

let t: TestApp;
let world: World;
const callerSpec: Record<Exclude<Caller, 'anonymous'>, { role: Role; team: 'A' | 'B' | null }> = {
  worker: { role: 'worker', team: 'A' },
  organizer: { role: 'organizer', team: 'A' },
  coordinator: { role: 'coordinator', team: 'A' },
  admin: { role: 'admin', team: null },
  otherWorker: { role: 'worker', team: 'B' },
  otherCoordinator: { role: 'coordinator', team: 'B' },
};
const agents = new Map<Caller, Agent>();

async function agentFor(caller: Caller, fresh: boolean): Promise<Agent> {
  if (caller === 'anonymous') return new Agent(t.app).open();
  const cached = agents.get(caller);
  if (cached && !fresh) return cached;
  const spec = callerSpec[caller];
  const teamIds = spec.team === 'A' ? [world.teamA] : spec.team === 'B' ? [world.teamB] : [];
  const user = await buildUser(t.database.db, { role: spec.role, teamIds });
  const agent = await signedInAgent(t.app, user.email);
  if (!fresh) agents.set(caller, agent);
  return agent;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const [teamA, teamB] = [await buildTeam(db), await buildTeam(db)];
  const neighbourhoodA = await buildNeighbourhood(db, teamA.id);
  await buildNeighbourhood(db, teamB.id);
  const workerA = await buildUser(db, { role: 'worker', teamIds: [teamA.id] });
  world = { teamA: teamA.id, teamB: teamB.id, neighbourhoodA: neighbourhoodA.id, workerA: workerA.id };
});
afterAll(() => t.close());

describe('authorization matrix', () => {
  it('has a row for every route of the app, and no row for a route that is gone', () => {
    const routes = t.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(table.map((row) => row.route).sort()).toEqual([...new Set(routes)].sort());
  });

  for (const row of table) {
    it(`${row.route} answers each caller as expected`, async () => {
      const [method] = row.route.split(' ') as ['GET' | 'POST' | 'PATCH'];
      const answers: Record<string, number> = {};
      for (const caller of callers) {
        const agent = await agentFor(caller, row.freshCaller ?? false);
        const { url, payload } = await row.call(world, t);
        const response = await agent.request(method, url, payload === undefined ? {} : { payload: payload as object });
        answers[caller] = response.statusCode;
        if (response.statusCode >= 400) expect(response.json().error.message).toHaveProperty('fr');
      }
      expect(answers).toEqual(row.expected);
    });
  }
});

describe('team scoping', () => {
  it('lists to a coordinator only the accounts of their own teams', async () => {
    const coordinatorB = await agentFor('otherCoordinator', false);
    const listed = (await coordinatorB.get('/api/users')).json().items.map((u: { id: string }) => u.id);
    expect(listed).not.toContain(world.workerA);
    const coordinatorA = await agentFor('coordinator', false);
    expect((await coordinatorA.get('/api/users')).json().items.map((u: { id: string }) => u.id)).toContain(
      world.workerA,
    );
  });

  it('says a team of another team does not exist rather than showing its members', async () => {
    const workerB = await agentFor('otherWorker', false);
    const response = await workerB.get(`/api/teams/${world.teamA}`);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain(world.workerA);
  });
});
