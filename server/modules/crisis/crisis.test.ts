import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../core/crisis.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildMobilisation, isoToday } from '../../test-support/crisis-factories.ts';
import { buildTeam, buildUser } from '../../test-support/factories.ts';
import { activeMobilisationFor } from './active-mobilisation.ts';

let t: TestApp;
let ana: Agent;
let ben: Agent;
let coordinator: Agent;
let otherCoordinator: Agent;
let admin: Agent;
let teamA: string;
let benId: string;
let coordinatorId: string;

const today = isoToday();
const proposal = (fields: Record<string, unknown> = {}) => ({
  title: 'Accueil des familles déplacées',
  reason: 'Une quarantaine de familles arrivent au centre d’hébergement : premier accueil, orientation.',
  startsOn: addDays(today, -3),
  endsOn: addDays(today, 40),
  sharePercent: 30,
  ...fields,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  const teamB = (await buildTeam(db)).id;
  const anaUser = await buildUser(db, { teamIds: [teamA], name: 'Ana Lima' });
  const benUser = await buildUser(db, { teamIds: [teamA], name: 'Ben Roy' });
  const coordinatorUser = await buildUser(db, { teamIds: [teamA], role: 'coordinator', name: 'Claire' });
  [benId, coordinatorId] = [benUser.id, coordinatorUser.id];
  ana = await signedInAgent(t.app, anaUser.email);
  ben = await signedInAgent(t.app, benUser.email);
  coordinator = await signedInAgent(t.app, coordinatorUser.email);
  otherCoordinator = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB], role: 'coordinator' })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
});
afterAll(() => t.close());

/** A worker of team A with no mobilisation yet, so a test's tags and reminders are its own. */
async function freshWorker(name: string) {
  const user = await buildUser(t.database.db, { teamIds: [teamA], name });
  return { id: user.id, agent: await signedInAgent(t.app, user.email) };
}

async function propose(agent = ana, fields: Record<string, unknown> = {}) {
  const created = await agent.post('/api/crisis-mobilisations', proposal(fields));
  expect(created.statusCode, created.body).toBe(201);
  return created.json() as { id: string; version: number };
}

describe('crisis mobilisations', () => {
  it('is proposed by a worker with a colleague, validated by the coordination, never by the proposer', async () => {
    const { id } = await propose(ana, { participantIds: [benId] });
    const proposed = (await ana.get(`/api/crisis-mobilisations/${id}`)).json();
    expect(proposed).toMatchObject({ status: 'proposed', sharePercent: 30, canDecide: false });
    expect(proposed.participants.map((p: { name: string }) => p.name)).toEqual(['Ana Lima', 'Ben Roy']);

    // The proposer is not the coordination; a colleague on it is not either.
    expect(
      (await ana.post(`/api/crisis-mobilisations/${id}/decision`, { baseVersion: 1, decision: 'validate' })).statusCode,
    ).toBe(403);
    expect(
      (
        await otherCoordinator.post(`/api/crisis-mobilisations/${id}/decision`, {
          baseVersion: 1,
          decision: 'validate',
        })
      ).statusCode,
    ).toBe(404);
    expect((await otherCoordinator.get(`/api/crisis-mobilisations/${id}`)).statusCode).toBe(404);

    expect((await coordinator.get(`/api/crisis-mobilisations/${id}`)).json().canDecide).toBe(true);
    const validated = await coordinator.post(`/api/crisis-mobilisations/${id}/decision`, {
      baseVersion: 1,
      decision: 'validate',
      note: 'D’accord, à revoir dans six semaines.',
    });
    expect(validated.statusCode).toBe(200);
    expect(validated.json()).toMatchObject({
      status: 'validated',
      version: 2,
      decisionNote: 'D’accord, à revoir dans six semaines.',
    });
    expect(validated.json().history.map((e: { kind: string; by: string }) => [e.kind, e.by])).toEqual([
      ['proposed', 'Ana Lima'],
      ['validated', 'Claire'],
    ]);
    const stale = await coordinator.post(`/api/crisis-mobilisations/${id}/decision`, {
      baseVersion: 1,
      decision: 'refuse',
      note: 'Non',
    });
    expect(stale.statusCode, stale.body).toBe(409);
  });

  it('refuses only with a reason, and keeps the time box and the team', async () => {
    const { id } = await propose();
    const bare = await coordinator.post(`/api/crisis-mobilisations/${id}/decision`, {
      baseVersion: 1,
      decision: 'refuse',
    });
    expect(bare.statusCode).toBe(400);
    expect(JSON.stringify(bare.json())).toMatch(/note/);
    expect(JSON.stringify(bare.json())).toMatch(/Dites pourquoi vous refusez/);
    expect(JSON.stringify(bare.json())).toMatch(/Say why you refuse/);
    const refused = await coordinator.post(`/api/crisis-mobilisations/${id}/decision`, {
      baseVersion: 1,
      decision: 'refuse',
      note: 'Le CLSC a déjà une équipe sur place.',
    });
    expect(refused.json()).toMatchObject({ status: 'refused', decisionNote: 'Le CLSC a déjà une équipe sur place.' });

    const tooLong = await ana.post('/api/crisis-mobilisations', proposal({ endsOn: addDays(today, 120) }));
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.stringify(tooLong.json())).toMatch(/endsOn.*12 semaines|12 semaines/);
    const backwards = await ana.post('/api/crisis-mobilisations', proposal({ endsOn: addDays(today, -10) }));
    expect(backwards.statusCode).toBe(400);
    const stranger = (await buildUser(t.database.db)).id;
    const outsider = await ana.post('/api/crisis-mobilisations', proposal({ participantIds: [benId, stranger] }));
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['participantIds.1']);
    expect((await admin.post('/api/crisis-mobilisations', proposal())).statusCode).toBe(403);
  });

  it('lets an admin decide only with a stated reason', async () => {
    const { id } = await propose();
    const body = { baseVersion: 1, decision: 'validate' };
    expect((await admin.post(`/api/crisis-mobilisations/${id}/decision`, body)).statusCode).toBe(403);
    const reason = { headers: { 'x-access-reason': encodeURIComponent('Coordination absente') } };
    expect((await admin.post(`/api/crisis-mobilisations/${id}/decision`, body, reason)).statusCode).toBe(200);
  });

  it('tags the work its people log while it runs, from the API and the sync, and untags on request', async () => {
    const dora = await freshWorker('Dora');
    const eli = await freshWorker('Eli');
    const { id } = await propose(dora.agent);
    const contact = (occurredAt: string) => ({ occurredAt, needs: [], actions: [] });
    // Logged before the validation: tagged when the coordination validates.
    const early = await dora.agent.post('/api/encounters', contact(`${addDays(today, -2)}T15:00:00Z`));
    expect(early.json().crisisMobilisationId).toBeNull();
    await coordinator.post(`/api/crisis-mobilisations/${id}/decision`, { baseVersion: 1, decision: 'validate' });
    expect((await dora.agent.get(`/api/encounters/${early.json().id}`)).json().crisisMobilisationId).toBe(id);

    const during = await dora.agent.post('/api/encounters', contact(`${today}T10:00:00Z`));
    expect(during.json().crisisMobilisationId).toBe(id);
    const before = await dora.agent.post('/api/encounters', contact(`${addDays(today, -10)}T10:00:00Z`));
    expect(before.json().crisisMobilisationId).toBeNull();
    // Ben is not part of it: his work stays his team's usual work.
    expect(
      (await eli.agent.post('/api/encounters', contact(`${today}T11:00:00Z`))).json().crisisMobilisationId,
    ).toBeNull();

    const synced = uuidv7();
    const batch = {
      items: [{ id: uuidv7(), kind: 'encounter.create', entityId: synced, payload: contact(`${today}T12:00:00Z`) }],
    };
    expect((await dora.agent.post('/api/sync', batch)).json().counts.applied).toBe(1);
    expect((await dora.agent.get(`/api/encounters/${synced}`)).json().crisisMobilisationId).toBe(id);
    expect(await activeMobilisationFor(t.database.db, { teamId: teamA, userId: dora.id, day: today })).toBe(id);
    expect(await activeMobilisationFor(t.database.db, { teamId: teamA, userId: eli.id, day: today })).toBeNull();

    expect((await dora.agent.get(`/api/crisis-mobilisations/${id}`)).json().tagged).toEqual({
      encounters: '<5',
      activitySessions: '<5',
      minutes: 0,
    });

    const untag = await dora.agent.post('/api/crisis-mobilisations/tag', {
      kind: 'encounter',
      id: during.json().id,
      mobilisationId: null,
    });
    expect(untag.json()).toMatchObject({ mobilisationId: null });
    expect((await dora.agent.get(`/api/encounters/${during.json().id}`)).json().crisisMobilisationId).toBeNull();
    // Her own work of those days is listed for her to retag; the contact from before the window is not.
    const mine = (await dora.agent.get(`/api/crisis-mobilisations/${id}`)).json().myWork;
    expect(mine.map((w: { id: string; tagged: boolean }) => [w.id, w.tagged])).toEqual([
      [synced, true],
      [during.json().id, false],
      [early.json().id, true],
    ]);
    expect((await coordinator.get(`/api/crisis-mobilisations/${id}`)).json().myWork).toEqual([]);
    const retag = await dora.agent.post('/api/crisis-mobilisations/tag', {
      kind: 'encounter',
      id: during.json().id,
      mobilisationId: id,
    });
    expect(retag.statusCode).toBe(200);
    const outside = await dora.agent.post('/api/crisis-mobilisations/tag', {
      kind: 'encounter',
      id: before.json().id,
      mobilisationId: id,
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.fields[0].path).toBe('mobilisationId');
    const foreign = await otherCoordinator.post('/api/crisis-mobilisations/tag', {
      kind: 'encounter',
      id: during.json().id,
      mobilisationId: null,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('counts the time its people give to it, logged before or after its validation', async () => {
    const fay = await freshWorker('Fay');
    const { id } = await propose(fay.agent);
    const time = (onDate: string, minutes: number) => ({
      id: uuidv7(),
      onDate,
      minutes,
      category: 'orientation',
      noneApply: true,
    });
    const early = await fay.agent.post('/api/time-entries', time(addDays(today, -1), 120));
    expect(early.statusCode, early.body).toBe(201);
    expect(early.json().crisisMobilisationId).toBeNull();
    await coordinator.post(`/api/crisis-mobilisations/${id}/decision`, { baseVersion: 1, decision: 'validate' });
    const during = await fay.agent.post('/api/time-entries', time(today, 90));
    expect(during.json().crisisMobilisationId).toBe(id);
    // Before the window: the team's usual work.
    const before = await fay.agent.post('/api/time-entries', time(addDays(today, -10), 60));
    expect(before.json().crisisMobilisationId).toBeNull();
    expect((await fay.agent.get(`/api/crisis-mobilisations/${id}`)).json().tagged.minutes).toBe(210);
  });

  it('tags an activity session run during it', async () => {
    await buildMobilisation(t.database.db, teamA, { participantIds: [benId] });
    const activity = await ben.post('/api/activities', { title: 'Halte-accueil', kind: 'group', groupType: 'open' });
    expect(activity.statusCode, activity.body).toBe(201);
    const session = await ben.post(`/api/activities/${activity.json().id}/sessions`, {
      id: uuidv7(),
      onDate: today,
      headCounts: { '25to34': 8 },
      attendees: [],
    });
    expect(session.statusCode, session.body).toBe(201);
    expect(session.json().crisisMobilisationId).toEqual(expect.any(String));
  });

  it('reminds its end on the day of its people and of the coordination, until prolonged or closed', async () => {
    const fanny = await freshWorker('Fanny');
    const gus = await freshWorker('Gus');
    const { id } = await propose(fanny.agent, { startsOn: addDays(today, -30), endsOn: addDays(today, 5) });
    await coordinator.post(`/api/crisis-mobilisations/${id}/decision`, { baseVersion: 1, decision: 'validate' });
    const remindersOf = async (agent: Agent) =>
      (await agent.get('/api/my-day')).json().crisisReminders.filter((r: { id: string }) => r.id === id);
    expect(await remindersOf(fanny.agent)).toEqual([
      { id, title: 'Accueil des familles déplacées', endsOn: addDays(today, 5), state: 'endingSoon', daysLeft: 5 },
    ]);
    expect(await remindersOf(coordinator)).toHaveLength(1);
    expect(await remindersOf(gus.agent)).toHaveLength(0);

    // Ben asks for four more weeks: it waits for the coordination, the reminder stays.
    const asked = await fanny.agent.post(`/api/crisis-mobilisations/${id}/prolongation`, {
      baseVersion: 2,
      endsOn: addDays(today, 33),
    });
    expect(asked.json()).toMatchObject({
      proposedEndsOn: addDays(today, 33),
      endsOn: addDays(today, 5),
      canDecide: false,
    });
    const tooFar = await fanny.agent.post(`/api/crisis-mobilisations/${id}/prolongation`, {
      baseVersion: 3,
      endsOn: addDays(today, 200),
    });
    expect(tooFar.statusCode).toBe(422);
    expect(await remindersOf(fanny.agent)).toHaveLength(1);
    const granted = await coordinator.post(`/api/crisis-mobilisations/${id}/decision`, {
      baseVersion: 3,
      decision: 'validate',
    });
    expect(granted.json()).toMatchObject({ endsOn: addDays(today, 33), proposedEndsOn: null, reminder: null });
    expect(granted.json().history.map((e: { kind: string }) => e.kind)).toEqual([
      'proposed',
      'validated',
      'prolongationProposed',
      'prolongationValidated',
    ]);
    expect(await remindersOf(fanny.agent)).toHaveLength(0);

    // The coordination, not taking part, prolongs at once; Ana, not on it, may not close it.
    const direct = await coordinator.post(`/api/crisis-mobilisations/${id}/prolongation`, {
      baseVersion: 4,
      endsOn: addDays(today, 40),
    });
    expect(direct.json()).toMatchObject({ endsOn: addDays(today, 40), proposedEndsOn: null });
    expect((await gus.agent.post(`/api/crisis-mobilisations/${id}/close`, { baseVersion: 5 })).statusCode).toBe(403);
    const closed = await fanny.agent.post(`/api/crisis-mobilisations/${id}/close`, {
      baseVersion: 5,
      note: 'Les familles sont relogées.',
    });
    expect(closed.json()).toMatchObject({ status: 'ended', endedOn: today });
    expect(
      await activeMobilisationFor(t.database.db, { teamId: teamA, userId: fanny.id, day: addDays(today, 1) }),
    ).toBeNull();
  });

  it('keeps reminding a mobilisation whose end has passed: nothing closes by itself', async () => {
    const past = await buildMobilisation(t.database.db, teamA, {
      participantIds: [coordinatorId],
      startsOn: addDays(today, -40),
      endsOn: addDays(today, -2),
    });
    const reminders = (await coordinator.get('/api/my-day')).json().crisisReminders;
    expect(reminders.find((r: { id: string }) => r.id === past.id)).toMatchObject({ state: 'endPassed', daysLeft: -2 });
    const listed = (await coordinator.get('/api/crisis-mobilisations')).json().items;
    expect(listed.find((m: { id: string }) => m.id === past.id)).toMatchObject({
      status: 'validated',
      reminder: 'endPassed',
    });
    const closed = await coordinator.post(`/api/crisis-mobilisations/${past.id}/close`, { baseVersion: 1 });
    expect(closed.json()).toMatchObject({ status: 'ended', endedOn: addDays(today, -2) });
  });
});
