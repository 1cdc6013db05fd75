import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildEncounter, buildPerson, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let teamA: string;
let coordinatorA: Agent;
let workerB: Agent;
let workerBId: string;
let admin: Agent;
const reason = 'Il est arrivé à notre permanence, sans papiers, il parle de votre équipe';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db, { name: 'Équipe du parc' })).id;
  const teamB = (await buildTeam(db, { name: 'Équipe de la gare' })).id;
  const coordinator = await buildUser(db, { role: 'coordinator', teamIds: [teamA] });
  const worker = await buildUser(db, { role: 'worker', teamIds: [teamB] });
  workerBId = worker.id;
  coordinatorA = await signedInAgent(t.app, coordinator.email);
  workerB = await signedInAgent(t.app, worker.email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

/** A person of team A with one encounter carrying a confidential note. */
async function personOfTeamA(nickname = `Mamadou ${Math.random().toString(36).slice(2, 7)}`) {
  const person = await buildPerson(t.database.db, teamA, { nickname, ageBand: '25to34' });
  const encounter = await buildEncounter(t.database.db, teamA, { personId: person.id, note: 'Dort sous le pont.' });
  return { person, encounter };
}

const readAll = async (agent: Agent, personId: string, encounterId: string) => [
  (await agent.get(`/api/people/${personId}`)).statusCode,
  (await agent.get(`/api/people/${personId}/timeline`)).statusCode,
  (await agent.get(`/api/encounters/${encounterId}`)).statusCode,
  (await agent.get(`/api/encounters/${encounterId}/note`)).statusCode,
];

describe('break the glass', () => {
  it('finds people of other teams only once a reason is stated, with minimal answers, and logs the search', async () => {
    const { person } = await personOfTeamA('Ousmane du pont');
    const empty = await workerB.post('/api/access-grants/search', { reason: ' ', search: 'Ousmane' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.map((f: { path: string }) => f.path)).toContain('reason');
    expect(empty.json().error.fields[0].message.en).toMatch(/why/);
    const found = await workerB.post('/api/access-grants/search', { reason, search: 'ousmane' });
    expect(found.statusCode).toBe(200);
    expect(found.json().items).toEqual([
      {
        personId: person.id,
        nickname: 'Ousmane du pont',
        ageBand: '25to34',
        teamId: teamA,
        teamName: 'Équipe du parc',
      },
    ]);
    const log = await admin.get(`/api/audit?action=break_glass_search&actorId=${workerBId}`);
    expect(log.json().items[0]).toMatchObject({ reason, details: { search: 'ousmane', count: 1 } });
  });

  it('opens a person of another team read-only for an hour, then closes at expiry', async () => {
    const { person, encounter } = await personOfTeamA();
    expect(await readAll(workerB, person.id, encounter.id)).toEqual([404, 404, 404, 404]);

    const noReason = await workerB.post('/api/access-grants', { personId: person.id, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0]).toMatchObject({ path: 'reason' });
    const tooLong = await workerB.post('/api/access-grants', { personId: person.id, reason, minutes: 600 });
    expect(tooLong.json().error.fields[0]).toMatchObject({ path: 'minutes' });

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T14:30:00Z'));
    const granted = await workerB.post('/api/access-grants', { personId: person.id, reason });
    expect(granted.statusCode).toBe(201);
    const grant = granted.json();
    expect(grant).toMatchObject({ live: true, reason, teamId: teamA, expiresAt: '2026-11-20T15:30:00.000Z' });

    expect(await readAll(workerB, person.id, encounter.id)).toEqual([200, 200, 200, 200]);
    expect((await workerB.get(`/api/encounters/${encounter.id}/note`)).json().body).toBe('Dort sous le pont.');
    const list = await workerB.get(`/api/encounters?personId=${person.id}`);
    expect(list.json().items.map((e: { id: string }) => e.id)).toEqual([encounter.id]);
    // Read-only: every write is refused as if the record were not there.
    expect((await workerB.patch(`/api/people/${person.id}`, { nickname: 'Autre', baseVersion: 1 })).statusCode).toBe(
      404,
    );
    expect((await workerB.patch(`/api/encounters/${encounter.id}`, { note: 'ajout', baseVersion: 1 })).statusCode).toBe(
      404,
    );

    vi.setSystemTime(new Date('2026-11-20T15:29:59Z'));
    expect((await workerB.get(`/api/people/${person.id}`)).statusCode).toBe(200);
    vi.setSystemTime(new Date('2026-11-20T15:30:00Z'));
    expect(await readAll(workerB, person.id, encounter.id)).toEqual([404, 404, 404, 404]);
  });

  it('logs each read under the grant, shows it to the team coordinator, who can revoke it at once', async () => {
    const { person, encounter } = await personOfTeamA();
    const grant = (await workerB.post('/api/access-grants', { personId: person.id, reason, minutes: 30 })).json();
    await workerB.get(`/api/encounters/${encounter.id}/note`);

    const live = (await coordinatorA.get('/api/access-grants')).json().items;
    expect(live.find((g: { id: string }) => g.id === grant.id)).toMatchObject({
      userId: workerBId,
      personNickname: person.nickname,
      reason,
      live: true,
    });
    const history = (await coordinatorA.get(`/api/audit/people/${person.id}`)).json();
    expect(history.grants.map((g: { id: string }) => g.id)).toEqual([grant.id]);
    expect(history.items[0]).toMatchObject({
      action: 'break_glass_read',
      entityType: 'encounter_note',
      actorId: workerBId,
      reason,
      teamId: teamA,
      details: { personId: person.id, grantId: grant.id },
    });
    expect(history.items.map((e: { action: string }) => e.action)).toContain('break_glass_grant');

    // Team B's worker cannot revoke someone else's grant view; the coordinator of A can.
    const revoked = await coordinatorA.post(`/api/access-grants/${grant.id}/revoke`);
    expect(revoked.json()).toMatchObject({ live: false });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(await readAll(workerB, person.id, encounter.id)).toEqual([404, 404, 404, 404]);
    const entries = (await coordinatorA.get(`/api/audit?personId=${person.id}&breakGlass=true`)).json().items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['break_glass_revoke', 'break_glass_read', 'break_glass_grant']),
    );
  });

  it('refuses a grant on one’s own team, on nobody, and hides other teams’ grants', async () => {
    const { person } = await personOfTeamA();
    const own = await coordinatorA.post('/api/access-grants', { personId: person.id, reason });
    expect(own.statusCode).toBe(422);
    expect(own.json().error.fields[0].path).toBe('personId');
    const ghost = await workerB.post('/api/access-grants', {
      personId: '01900000-0000-7000-8000-000000000000',
      reason,
    });
    expect(ghost.statusCode).toBe(404);
    const grant = (await workerB.post('/api/access-grants', { personId: person.id, reason })).json();
    const stranger = await signedInAgent(
      t.app,
      (await buildUser(t.database.db, { role: 'coordinator', teamIds: [(await buildTeam(t.database.db)).id] })).email,
    );
    expect((await stranger.post(`/api/access-grants/${grant.id}/revoke`)).statusCode).toBe(404);
    expect((await stranger.get('/api/access-grants?state=all')).json().items).toEqual([]);
    // The holder sees their own grant and may close it early.
    const mine = (await workerB.get('/api/access-grants?mine=true')).json().items;
    expect(mine.map((g: { id: string }) => g.id)).toContain(grant.id);
    expect((await workerB.post(`/api/access-grants/${grant.id}/revoke`)).json().live).toBe(false);
  });

  it('lets an admin read under a grant without a header, and keeps the reason header working', async () => {
    const { person } = await personOfTeamA();
    expect((await admin.get(`/api/people/${person.id}`)).statusCode).toBe(403);
    const withHeader = await admin.get(`/api/people/${person.id}`, { headers: { 'x-access-reason': 'Contrôle' } });
    expect(withHeader.statusCode, withHeader.body).toBe(200);
    await admin.post('/api/access-grants', { personId: person.id, reason });
    expect((await admin.get(`/api/people/${person.id}`)).statusCode).toBe(200);
    const history = (await coordinatorA.get(`/api/audit/people/${person.id}?limit=5`)).json().items;
    expect(history[0]).toMatchObject({ action: 'break_glass_read', reason });
    expect(history.find((e: { reason: string }) => e.reason === 'Contrôle')).toMatchObject({ action: 'read' });
  });
});
