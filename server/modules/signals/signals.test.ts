import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildNamedEncounters, buildPlaceIn } from '../../test-support/diagnostic-factories.ts';
import { buildNeighbourhood, buildTeam, buildUser } from '../../test-support/factories.ts';
import { detectAllTeams, detectForTeam } from './signals.detect.ts';

let t: TestApp;
let teamId: string;
let hoodId: string;
let otherHoodId: string;
let ascotParkId: string;
let coordinator: Agent;
let worker: Agent;
let otherWorker: Agent;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const team = await buildTeam(db);
  const other = await buildTeam(db);
  teamId = team.id;
  hoodId = (await buildNeighbourhood(db, team.id, { name: 'Ascot' })).id;
  otherHoodId = (await buildNeighbourhood(db, team.id, { name: 'Jardins-Fleuris' })).id;
  await buildNeighbourhood(db, other.id);
  coordinator = await signedInAgent(t.app, (await buildUser(db, { role: 'coordinator', teamIds: [team.id] })).email);
  worker = await signedInAgent(t.app, (await buildUser(db, { role: 'worker', teamIds: [team.id] })).email);
  otherWorker = await signedInAgent(t.app, (await buildUser(db, { role: 'worker', teamIds: [other.id] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
  const ascotPark = await buildPlaceIn(db, team.id, hoodId, 'Parc Jacques-Cartier');
  ascotParkId = ascotPark.id;
  const jardins = await buildPlaceIn(db, team.id, otherHoodId, 'Local de quartier');
  // Ascot: housing and food named 12 times (4 known people, 8 anonymous contacts) — signals at the defaults.
  await buildNamedEncounters(db, { teamId, placeId: ascotPark.id, needs: ['housing', 'food'], count: 12, known: 4 });
  // Jardins-Fleuris: isolation 6 times, under the default minimum of 10.
  await buildNamedEncounters(db, { teamId, placeId: jardins.id, needs: ['isolation'], count: 6, known: 6 });
  // Long ago (outside the 90-day window): does not count.
  await buildNamedEncounters(db, {
    teamId,
    placeId: jardins.id,
    needs: ['isolation'],
    count: 20,
    known: 0,
    daysAgo: [200, 300],
  });
});
afterAll(() => t.close());

describe('need signals', () => {
  it('detects at the defaults a need named in 10+ encounters by 3+ people of one neighbourhood, and only that', async () => {
    const response = await coordinator.post('/api/need-signals/detect', {});
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.created).toBe(2);
    const found = result.items.map(
      (s: { need: string; neighbourhoodName: string }) => `${s.neighbourhoodName}:${s.need}`,
    );
    expect(found.sort()).toEqual(['Ascot:food', 'Ascot:housing']);
    const housing = result.items.find((s: { need: string }) => s.need === 'housing');
    expect(housing).toMatchObject({ status: 'new', encounters: 12, people: '<5', needLabel: { fr: 'Logement' } });
    expect(housing.history).toHaveLength(1);
  });

  it('updates the open signal on the next detection instead of raising another', async () => {
    await buildNamedEncounters(t.database.db, { teamId, placeId: ascotParkId, needs: ['housing'], count: 3, known: 3 });
    const result = (await coordinator.post('/api/need-signals/detect', {})).json();
    expect(result.created).toBe(0);
    expect(result.updated).toBe(2);
    const list = (await worker.get('/api/need-signals')).json().items;
    expect(list).toHaveLength(2);
    const housing = list.find((s: { need: string }) => s.need === 'housing');
    expect(housing.encounters).toBe(15);
    expect(housing.people).toBe(7);
  });

  it('moves a signal through its statuses with who, when and a note; a stale version answers 409', async () => {
    const [signal] = (await worker.get(`/api/need-signals?neighbourhoodId=${hoodId}`)).json().items;
    const acknowledged = await worker.patch(`/api/need-signals/${signal.id}`, {
      baseVersion: signal.version,
      status: 'acknowledged',
      note: 'À discuter à la réunion d’équipe',
    });
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json()).toMatchObject({
      status: 'acknowledged',
      statusNote: 'À discuter à la réunion d’équipe',
    });
    expect(acknowledged.json().statusChangedBy).toBeTruthy();
    const stale = await worker.patch(`/api/need-signals/${signal.id}`, {
      baseVersion: signal.version,
      status: 'dismissed',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.status).toBe('acknowledged');
    const bad = await worker.patch(`/api/need-signals/${signal.id}`, { baseVersion: 2, status: 'closed' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.fields)).toContain('status');
  });

  it('does not raise again right away a need the team dismissed', async () => {
    const open = (await worker.get('/api/need-signals')).json().items;
    const food = open.find((s: { need: string }) => s.need === 'food');
    expect(
      (await coordinator.patch(`/api/need-signals/${food.id}`, { baseVersion: food.version, status: 'dismissed' }))
        .statusCode,
    ).toBe(200);
    const result = (await coordinator.post('/api/need-signals/detect', {})).json();
    expect(result.created).toBe(0);
    expect((await worker.get('/api/need-signals?status=dismissed')).json().items).toHaveLength(1);
    expect((await worker.get('/api/need-signals?status=all')).json().items).toHaveLength(2);
  });

  it('keeps signals to their team: another team sees none and cannot change one', async () => {
    const [signal] = (await worker.get('/api/need-signals')).json().items;
    expect((await otherWorker.get('/api/need-signals?status=all')).json().items).toEqual([]);
    const response = await otherWorker.patch(`/api/need-signals/${signal.id}`, {
      baseVersion: signal.version,
      status: 'dismissed',
    });
    expect(response.statusCode).toBe(404);
    expect((await worker.get(`/api/need-signals?teamId=${teamId}`)).json().items[0].status).toBe(signal.status);
  });

  it('lets an admin read signals only with a reason', async () => {
    expect((await admin.get('/api/need-signals')).json().error.code).toBe('reason_required');
    const read = await admin.get('/api/need-signals?status=all', { headers: { 'x-access-reason': 'Audit' } });
    expect(read.json().items.length).toBe(2);
  });

  it('applies the thresholds the coordinator sets, and refuses bad ones naming the field', async () => {
    expect((await coordinator.get('/api/need-signal-settings')).json()).toMatchObject({ windowDays: 90, saved: false });
    const tooMany = await coordinator.patch('/api/need-signal-settings', {
      windowDays: 90,
      minEncounters: 5,
      minPeople: 6,
      minRisePercent: null,
    });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.fields[0].path).toBe('minPeople');
    const tiny = await coordinator.patch('/api/need-signal-settings', {
      windowDays: 3,
      minEncounters: 1,
      minPeople: 0,
      minRisePercent: null,
    });
    expect(tiny.statusCode).toBe(400);
    expect(
      tiny
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['minEncounters', 'windowDays']);
    expect((await coordinator.get('/api/need-signal-settings')).json().saved).toBe(false);
    const saved = await coordinator.patch('/api/need-signal-settings', {
      windowDays: 90,
      minEncounters: 5,
      minPeople: 5,
      minRisePercent: 50,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ minEncounters: 5, minRisePercent: 50, saved: true });
    // Isolation in Jardins-Fleuris: 6 encounters by 6 people now, none in the 90 days before: a rise.
    const result = (await coordinator.post('/api/need-signals/detect', {})).json();
    expect(result.items.map((s: { need: string }) => s.need)).toContain('isolation');
    expect(
      (
        await worker.patch('/api/need-signal-settings', {
          windowDays: 30,
          minEncounters: 5,
          minPeople: 0,
          minRisePercent: null,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('asks for a rise against the window before when one is set', async () => {
    const db = t.database.db;
    const team = await buildTeam(db);
    const hood = await buildNeighbourhood(db, team.id);
    const place = await buildPlaceIn(db, team.id, hood.id);
    await db.execute(sql`insert into need_signal_settings (team_id, window_days, min_encounters, min_people, min_rise_percent)
      values (${team.id}, 30, 5, 0, 100)`);
    await buildNamedEncounters(db, { teamId: team.id, placeId: place.id, needs: ['food'], count: 8, daysAgo: [1, 25] });
    await buildNamedEncounters(db, {
      teamId: team.id,
      placeId: place.id,
      needs: ['food'],
      count: 5,
      daysAgo: [35, 55],
    });
    // 8 against 5: a rise of 60 %, under the 100 % asked.
    expect((await detectForTeam(db, null, team.id)).created).toEqual([]);
    await buildNamedEncounters(db, { teamId: team.id, placeId: place.id, needs: ['food'], count: 2, daysAgo: [2, 3] });
    expect((await detectForTeam(db, null, team.id)).created).toHaveLength(1);
  });

  it('counts an encounter with no place in the team’s only neighbourhood', async () => {
    const db = t.database.db;
    const team = await buildTeam(db);
    await buildNeighbourhood(db, team.id);
    await buildNamedEncounters(db, { teamId: team.id, placeId: null, needs: ['rights'], count: 10, known: 3 });
    expect((await detectForTeam(db, null, team.id)).created).toHaveLength(1);
  });

  it('lets only coordinators detect on demand, in their own teams', async () => {
    expect((await worker.post('/api/need-signals/detect', {})).statusCode).toBe(403);
    expect((await coordinator.post('/api/need-signals/detect', { teamId: otherHoodId })).statusCode).toBe(404);
  });

  it('runs for every team with recent field work on the schedule, and leaves no trace of figures under 5', async () => {
    const db = t.database.db;
    const team = await buildTeam(db);
    const hood = await buildNeighbourhood(db, team.id);
    const place = await buildPlaceIn(db, team.id, hood.id);
    await buildNamedEncounters(db, { teamId: team.id, placeId: place.id, needs: ['employment'], count: 11, known: 4 });
    expect(await detectAllTeams(db)).toBeGreaterThanOrEqual(1);
    const coordinatorB = await signedInAgent(
      t.app,
      (await buildUser(db, { role: 'coordinator', teamIds: [team.id] })).email,
    );
    const [signal] = (await coordinatorB.get('/api/need-signals')).json().items;
    expect(signal).toMatchObject({ need: 'employment', encounters: 11, people: '<5', previousEncounters: '<5' });
    const traces = async () =>
      (
        await t.database.query<{ n: number }>(
          `select count(*)::int as n from audit_log where entity_type = 'need_signal' and team_id = $1`,
          [team.id],
        )
      )[0]?.n;
    const before = await traces();
    // The next hourly run only refreshes the figures: nothing new to trace.
    expect(await detectAllTeams(db)).toBe(0);
    expect(await traces()).toBe(before);
  });
});
