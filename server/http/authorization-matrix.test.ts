import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/roles.ts';
import { uuidv7 } from '../../core/uuid.ts';
import { Agent, signedInAgent } from '../test-support/agent.ts';
import { createTestApp, type TestApp } from '../test-support/app.ts';
import {
  buildEncounter,
  buildNeighbourhood,
  buildPerson,
  buildPersonRole,
  buildPlace,
  buildSession,
  buildTeam,
  buildTerm,
  buildUser,
  testPassword,
} from '../test-support/factories.ts';

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

type World = {
  teamA: string;
  teamB: string;
  neighbourhoodA: string;
  workerA: string;
  personA: string;
  sessionA: string;
  encounterA: string;
};
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
/** Field records of team A: its members only; an admin without a reason 403, team B 404 (or 422 on create). */
const teamA = (status: number, otherTeam = 404) => ({
  anonymous: 401,
  worker: status,
  organizer: status,
  coordinator: status,
  admin: 403,
  otherWorker: otherTeam,
  otherCoordinator: otherTeam,
});
const coordinators = (status: number) => ({ ...adminOnly(status), coordinator: status, otherCoordinator: status });
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
  // ---- field work (issue 4) ----
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
  const personA = await buildPerson(db, teamA.id, { nickname: 'Ti-Jean' });
  const sessionA = await buildSession(db, teamA.id, { createdBy: workerA.id });
  const encounterA = await buildEncounter(db, teamA.id, { personId: personA.id, note: 'Confidentiel.' });
  world = {
    teamA: teamA.id,
    teamB: teamB.id,
    neighbourhoodA: neighbourhoodA.id,
    workerA: workerA.id,
    personA: personA.id,
    sessionA: sessionA.id,
    encounterA: encounterA.id,
  };
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

describe('field work scoping', () => {
  it('keeps team A’s people, encounters and sessions out of team B’s lists, search and offline cache', async () => {
    const workerB = await agentFor('otherWorker', false);
    const coordinatorB = await agentFor('otherCoordinator', false);
    for (const agent of [workerB, coordinatorB]) {
      const people = (await agent.get('/api/people?search=Ti-Jean')).json();
      expect(people.items.map((p: { id: string }) => p.id)).not.toContain(world.personA);
      const encounters = (await agent.get(`/api/encounters?personId=${world.personA}`)).json();
      expect(encounters.items).toEqual([]);
      const sessions = (await agent.get('/api/sessions')).json();
      expect(sessions.items.map((s: { id: string }) => s.id)).not.toContain(world.sessionA);
      const cache = (await agent.get('/api/sync/reference')).json();
      expect(JSON.stringify(cache)).not.toContain(world.personA);
      const filtered = (await agent.get(`/api/people?teamId=${world.teamA}`)).json();
      expect(filtered.items).toEqual([]);
    }
    const workerA = await agentFor('worker', false);
    expect((await workerA.get('/api/people?search=ti-jean')).json().items.map((p: { id: string }) => p.id)).toContain(
      world.personA,
    );
  });

  it('lets an admin read field records only with a reason, which the audit log keeps', async () => {
    const admin = await agentFor('admin', false);
    const reason = encodeURIComponent('Plainte no 42 : vérification');
    const headers = { 'x-access-reason': reason };
    expect((await admin.get(`/api/encounters/${world.encounterA}/note`)).json().error.code).toBe('reason_required');
    const note = await admin.get(`/api/encounters/${world.encounterA}/note`, { headers });
    expect(note.json().body).toBe('Confidentiel.');
    expect((await admin.get(`/api/people?teamId=${world.teamA}`, { headers })).json().total).toBeGreaterThan(0);
    const result = (await t.database.db.execute(
      sql`select reason from audit_log where entity_type = 'encounter_note' and entity_id = ${world.encounterA} and reason is not null`,
    )) as unknown as { rows: { reason: string }[] };
    expect(result.rows.map((r) => r.reason)).toContain('Plainte no 42 : vérification');
  });
});
