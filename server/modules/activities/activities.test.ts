import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildActor } from '../../test-support/directory-factories.ts';
import { buildPerson, buildPersonRole, buildPlace, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let other: Agent;
let admin: Agent;
let teamA: string;
let teamB: string;
let library: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  teamB = (await buildTeam(db)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  other = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
  library = (await buildActor(db, { name: 'Bibliothèque Éva-Senécal' })).id;
});
afterAll(() => t.close());

async function soupiere() {
  const place = await buildPlace(t.database.db, teamA, { name: 'Local de quartier' });
  const created = await ana.post('/api/activities', {
    title: 'La soupière',
    kind: 'meal',
    groupType: 'open',
    mission: 'collectiveInformation',
    themes: ['food'],
    languages: ['fr', 'ar'],
    placeId: place.id,
    partnerIds: [library],
  });
  expect(created.statusCode).toBe(201);
  return created.json() as { id: string; placeId: string; version: number };
}

const timelineOf = async (personId: string) =>
  (await ana.get(`/api/people/${personId}/timeline`)).json().items as {
    type: string;
    summary: Record<string, unknown>;
  }[];

describe('collective activities', () => {
  it('records a session mixing named participants with their role and anonymous head counts', async () => {
    const activity = await soupiere();
    const mimi = await buildPerson(t.database.db, teamA, { nickname: 'Mimi' });
    const jo = await buildPerson(t.database.db, teamA, { nickname: 'Jo' });
    const id = uuidv7();
    const saved = await ana.post(`/api/activities/${activity.id}/sessions`, {
      id,
      onDate: '2026-11-19',
      headCounts: { '25to34': 6, '65to79': 3 },
      attendees: [
        { personId: mimi.id, role: 'volunteer' },
        { personId: jo.id, role: 'participant' },
      ],
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ total: 11, placeId: activity.placeId, version: 1 });
    expect(saved.json().attendees.map((a: { nickname: string; role: string }) => [a.nickname, a.role])).toEqual([
      ['Jo', 'participant'],
      ['Mimi', 'volunteer'],
    ]);

    const read = (await ana.get(`/api/activities/${activity.id}`)).json();
    expect(read).toMatchObject({
      sessionCount: 1,
      lastSessionOn: '2026-11-19',
      partners: [{ name: 'Bibliothèque Éva-Senécal' }],
    });
    expect(read.sessions[0].id).toBe(id);

    // It shows in her timeline, and her role trajectory gained a volunteer role from that day.
    const timeline = await timelineOf(mimi.id);
    expect(timeline.find((item) => item.type === 'activity')?.summary).toMatchObject({
      title: 'La soupière',
      role: 'volunteer',
    });
    expect(timeline.find((item) => item.type === 'roleStarted')?.summary).toEqual({ role: 'volunteer' });
  });

  it('saves a session again whole from its version, and answers a stale one with the current session', async () => {
    const activity = await soupiere();
    const mimi = await buildPerson(t.database.db, teamA);
    await buildPersonRole(t.database.db, mimi.id, 'helper', '2025-01-01');
    const id = uuidv7();
    const first = { id, onDate: '2026-11-20', headCounts: { '35to49': 2 } };
    expect((await ana.post(`/api/activities/${activity.id}/sessions`, first)).statusCode).toBe(201);
    const changed = await ana.post(`/api/activities/${activity.id}/sessions`, {
      ...first,
      baseVersion: 1,
      attendees: [{ personId: mimi.id, role: 'coFacilitator' }],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, total: 3 });
    // Already a helper: no second helper role opens.
    expect((await timelineOf(mimi.id)).filter((item) => item.type === 'roleStarted')).toHaveLength(1);

    const stale = await ana.post(`/api/activities/${activity.id}/sessions`, { ...first, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, attendees: [{ personId: mimi.id }] });
  });

  it('takes attendance offline through the sync, created then changed, and ignores a replay', async () => {
    const activity = await soupiere();
    const mimi = await buildPerson(t.database.db, teamA);
    const sessionId = uuidv7();
    const save = (id: string, baseVersion: number | undefined, attendees: unknown[]) => ({
      id,
      kind: 'activitySession.save',
      entityId: sessionId,
      ...(baseVersion ? { baseVersion } : {}),
      payload: { activityId: activity.id, onDate: '2026-11-25', headCounts: { '12to17': 5 }, attendees },
    });
    const first = save(uuidv7(), undefined, []);
    const second = save(uuidv7(), 1, [{ personId: mimi.id, role: 'participant' }]);
    const synced = await ana.post('/api/sync', { items: [first, second] });
    expect(synced.statusCode).toBe(200);
    expect(synced.json().results.map((r: { status: string; version?: number }) => [r.status, r.version])).toEqual([
      ['applied', 1],
      ['applied', 2],
    ]);
    const replay = await ana.post('/api/sync', { items: [second] });
    expect(replay.json().results[0].status).toBe('duplicate');
    const session = (await ana.get(`/api/activity-sessions/${sessionId}`)).json();
    expect(session).toMatchObject({ version: 2, total: 6, attendees: [{ personId: mimi.id }] });
    const stale = await ana.post('/api/sync', { items: [save(uuidv7(), 1, [])] });
    expect(stale.json().results[0]).toMatchObject({ status: 'conflict', current: { version: 2 } });
  });

  it('refuses bad input naming the field, and saves nothing', async () => {
    const activity = await soupiere();
    const stranger = await buildPerson(t.database.db, teamB);
    const badKind = await ana.post('/api/activities', { title: 'Sortie', kind: 'picnic' });
    expect(badKind.statusCode).toBe(400);
    const badTheme = await ana.post('/api/activities', { title: 'Sortie', kind: 'outing', themes: ['nope'] });
    expect(badTheme.statusCode).toBe(422);
    expect(badTheme.json().error.fields[0].path).toBe('themes.0');
    const id = uuidv7();
    const outsider = await ana.post(`/api/activities/${activity.id}/sessions`, {
      id,
      onDate: '2026-11-21',
      attendees: [{ personId: stranger.id }],
    });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().error.fields[0].path).toBe('attendees.0.personId');
    const negative = await ana.post(`/api/activities/${activity.id}/sessions`, {
      id,
      onDate: '2026-11-21',
      headCounts: { '25to34': -1 },
    });
    expect(negative.statusCode).toBe(400);
    expect((await ana.get(`/api/activities/${activity.id}`)).json().sessions).toEqual([]);
  });

  it('keeps other teams out and asks an admin for a reason', async () => {
    const activity = await soupiere();
    expect((await other.get(`/api/activities/${activity.id}`)).statusCode).toBe(404);
    const session = { id: uuidv7(), onDate: '2026-11-22' };
    expect((await other.post(`/api/activities/${activity.id}/sessions`, session)).statusCode).toBe(404);
    expect((await other.get('/api/activities')).json().items).toEqual([]);
    expect((await admin.get(`/api/activities/${activity.id}`)).statusCode).toBe(403);
    const reason = { headers: { 'x-access-reason': encodeURIComponent('Contrôle') } };
    expect((await admin.get(`/api/activities/${activity.id}`, reason)).statusCode).toBe(200);
  });

  it('moves attendance to the survivor when two records of one person are merged', async () => {
    const activity = await soupiere();
    const a = await buildPerson(t.database.db, teamA);
    const b = await buildPerson(t.database.db, teamA);
    const both = { id: uuidv7(), onDate: '2026-11-23', attendees: [{ personId: a.id }, { personId: b.id }] };
    const onlyB = { id: uuidv7(), onDate: '2026-11-24', attendees: [{ personId: b.id }] };
    await ana.post(`/api/activities/${activity.id}/sessions`, both);
    await ana.post(`/api/activities/${activity.id}/sessions`, onlyB);
    const merged = await ana.post(`/api/people/${a.id}/merge`, { absorbedId: b.id });
    expect(merged.statusCode).toBe(200);
    const sessions = (await ana.get(`/api/activities/${activity.id}`)).json().sessions as {
      attendees: { personId: string }[];
    }[];
    expect(sessions.map((s) => s.attendees.map((x) => x.personId))).toEqual([[a.id], [a.id]]);
  });
});
