import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/roles.ts';
import { Agent, signedInAgent } from '../test-support/agent.ts';
import { createTestApp, type TestApp } from '../test-support/app.ts';
import { activityRows } from '../test-support/authorization/activity-rows.ts';
import { advocacyRows } from '../test-support/authorization/advocacy-rows.ts';
import { committeeRows } from '../test-support/authorization/committee-rows.ts';
import { crisisRows } from '../test-support/authorization/crisis-rows.ts';
import { diagnosticRows } from '../test-support/authorization/diagnostic-rows.ts';
import { directoryRows } from '../test-support/authorization/directory-rows.ts';
import { fieldworkRows } from '../test-support/authorization/fieldwork-rows.ts';
import { foundationRows } from '../test-support/authorization/foundation-rows.ts';
import { hsdsRows } from '../test-support/authorization/hsds-rows.ts';
import { type Caller, callers, type Row, type World } from '../test-support/authorization/matrix.ts';
import { networkRows } from '../test-support/authorization/network-rows.ts';
import { privacyRows } from '../test-support/authorization/privacy-rows.ts';
import { projectRows } from '../test-support/authorization/project-rows.ts';
import { referralRows } from '../test-support/authorization/referrals-rows.ts';
import { reportRows } from '../test-support/authorization/report-rows.ts';
import { retentionRows } from '../test-support/authorization/retention-rows.ts';
import { rightsRows } from '../test-support/authorization/rights-rows.ts';
import { territoryRows } from '../test-support/authorization/territory-rows.ts';
import { timeRows } from '../test-support/authorization/time-rows.ts';
import {
  buildEncounter,
  buildNeighbourhood,
  buildPerson,
  buildSession,
  buildTeam,
  buildUser,
} from '../test-support/factories.ts';

/**
 * Every route, called by every kind of caller: nobody, each role on team A, and members of team B
 * (another team). The table must name every route of the app, so a new route without a row
 * here fails this test until someone decides who may call it.
 */
const table: Row[] = [
  ...foundationRows,
  ...fieldworkRows,
  ...directoryRows,
  ...hsdsRows,
  ...referralRows,
  ...territoryRows,
  ...networkRows,
  ...committeeRows,
  ...activityRows,
  ...diagnosticRows,
  ...timeRows,
  ...crisisRows,
  ...projectRows,
  ...retentionRows,
  ...advocacyRows,
  ...rightsRows,
  ...privacyRows,
  ...reportRows,
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
