import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildPerson, buildPlace, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let ben: Agent;
let anaId: string;
let benId: string;
let teamA: string;
let teamB: string;

async function auditOf(entityType: string, entityId: string) {
  const result = (await t.database.db.execute(
    sql`select action, actor_id, reason, details from audit_log where entity_type = ${entityType} and entity_id = ${entityId} order by id`,
  )) as unknown as { rows: { action: string; actor_id: string; reason: string | null; details: unknown }[] };
  return result.rows;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  teamB = (await buildTeam(db)).id;
  const anaUser = await buildUser(db, { role: 'worker', teamIds: [teamA] });
  const benUser = await buildUser(db, { role: 'worker', teamIds: [teamA] });
  anaId = anaUser.id;
  benId = benUser.id;
  ana = await signedInAgent(t.app, anaUser.email);
  ben = await signedInAgent(t.app, benUser.email);
});
afterAll(() => t.close());

describe('outreach sessions', () => {
  it('starts a session in one call, with the binôme, and ends it', async () => {
    const place = await buildPlace(t.database.db, teamA, { name: 'Parc Jacques-Cartier' });
    const started = await ana.post('/api/sessions', { kind: 'walk', placeId: place.id, memberIds: [benId] });
    expect(started.statusCode).toBe(201);
    const session = started.json();
    expect(session).toMatchObject({ teamId: teamA, status: 'running', placeId: place.id, version: 1 });
    expect(session.memberIds.sort()).toEqual([anaId, benId].sort());
    const ended = await ben.post(`/api/sessions/${session.id}/end`, {});
    expect(ended.json()).toMatchObject({ status: 'ended', version: 2 });
    // Ending again (an offline replay) changes nothing.
    expect((await ana.post(`/api/sessions/${session.id}/end`, {})).json().version).toBe(2);
  });

  it('adds tally increments from two workers: counts add up, never overwrite', async () => {
    const session = (await ana.post('/api/sessions', { kind: 'stand' })).json();
    await ana.post(`/api/sessions/${session.id}/tallies`, { kind: 'greeting', delta: 3 });
    await ben.post(`/api/sessions/${session.id}/tallies`, { kind: 'greeting', delta: 2 });
    const after = await ben.post(`/api/sessions/${session.id}/tallies`, { kind: 'flyer', delta: 5 });
    expect(after.json().tallies).toEqual([
      { kind: 'flyer', count: 5 },
      { kind: 'greeting', count: 5 },
    ]);
    const corrected = await ana.post(`/api/sessions/${session.id}/tallies`, { kind: 'flyer', delta: -9 });
    expect(corrected.json().tallies).toContainEqual({ kind: 'flyer', count: 0 });
    const unknown = await ana.post(`/api/sessions/${session.id}/tallies`, { kind: 'hug', delta: 1 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0]).toMatchObject({ path: 'kind' });
    expect(unknown.json().error.fields[0].message.en).toMatch(/hug/);
  });

  it('keeps observations with themes, shown on the session', async () => {
    const session = (await ana.post('/api/sessions', { kind: 'walk' })).json();
    const note = await ana.post(`/api/sessions/${session.id}/observations`, {
      body: 'Seringues près du module de jeux.',
      themes: ['safety', 'publicSpace'],
    });
    expect(note.statusCode).toBe(201);
    const detail = (await ben.get(`/api/sessions/${session.id}`)).json();
    expect(detail.observations).toHaveLength(1);
    expect(detail.observations[0].themes).toEqual(['safety', 'publicSpace']);
  });

  it('detects a concurrent edit: the second writer gets a conflict with the current record', async () => {
    const session = (await ana.post('/api/sessions', { kind: 'walk' })).json();
    const first = await ana.patch(`/api/sessions/${session.id}`, { baseVersion: 1, zone: 'Rue Wellington' });
    expect(first.statusCode).toBe(200);
    const second = await ben.patch(`/api/sessions/${session.id}`, { baseVersion: 1, zone: 'Rue King' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('version_conflict');
    expect(second.json().current).toMatchObject({ zone: 'Rue Wellington', version: 2 });
    expect((await ana.get(`/api/sessions/${session.id}`)).json().zone).toBe('Rue Wellington');
  });

  it('refuses bad input naming each field in both languages, and unknown fields', async () => {
    const response = await ana.post('/api/sessions', { kind: 'picnic', colour: 'blue' });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'colour']));
    expect(response.json().error.fields[0].message).toHaveProperty('fr');
    const otherTeam = await ana.post('/api/sessions', { kind: 'walk', teamId: teamB });
    expect(otherTeam.statusCode).toBe(422);
    expect(otherTeam.json().error.fields[0].path).toBe('teamId');
  });
});

describe('encounters', () => {
  it('logs an anonymous contact with needs, actions, non-recours; the note never shows in the encounter', async () => {
    const session = (await ana.post('/api/sessions', { kind: 'walk' })).json();
    const created = await ana.post('/api/encounters', {
      sessionId: session.id,
      initiator: 'person',
      channel: 'street',
      ageBand: '50to64',
      language: 'arabe',
      needs: ['housing', 'food'],
      actions: ['listen', 'inform'],
      nonRecours: [{ right: 'housingAllowance', barrier: 'language' }],
      durationMinutes: 15,
      note: 'Dort dans sa voiture depuis deux semaines.',
    });
    expect(created.statusCode).toBe(201);
    const encounter = created.json();
    expect(encounter).toMatchObject({ identification: 'anonymous', teamId: teamA, hasNote: true, version: 1 });
    expect(JSON.stringify(encounter)).not.toContain('voiture');
    expect((await ana.get(`/api/sessions/${session.id}`)).json().encounterCount).toBe(1);

    const note = await ben.get(`/api/encounters/${encounter.id}/note`);
    expect(note.json().body).toBe('Dort dans sa voiture depuis deux semaines.');
    const trail = await auditOf('encounter_note', encounter.id);
    expect(trail).toEqual([expect.objectContaining({ action: 'read', actor_id: benId })]);
  });

  it('names unknown taxonomy codes and refuses a person of another team', async () => {
    const stranger = await buildPerson(t.database.db, teamB);
    const response = await ana.post('/api/encounters', {
      personId: stranger.id,
      needs: ['housing', 'teleportation'],
      nonRecours: [{ right: 'pension', barrier: 'shyness' }],
    });
    expect(response.statusCode).toBe(422);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['personId', 'needs.1', 'nonRecours.0.barrier']));
    expect(
      (await ana.get('/api/encounters?limit=200')).json().items.map((e: { needs: string[] }) => e.needs),
    ).not.toContainEqual(['housing', 'teleportation']);
  });

  it('lists only my anonymous contacts when asked, for the attach picker', async () => {
    const person = await buildPerson(t.database.db, teamA, { nickname: 'Filtre' });
    const anonymous = (await ana.post('/api/encounters', { needs: ['food'] })).json();
    const known = (await ana.post('/api/encounters', { personId: person.id, needs: ['food'] })).json();
    const listed = (await ana.get('/api/encounters?mine=true&identification=anonymous&limit=200')).json().items;
    const ids = listed.map((e: { id: string }) => e.id);
    expect(ids).toContain(anonymous.id);
    expect(ids).not.toContain(known.id);
    expect(listed.every((e: { identification: string }) => e.identification === 'anonymous')).toBe(true);
    const bad = await ana.get('/api/encounters?identification=ghost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('identification');
  });

  it('attaches a past anonymous contact to a person, who then has it on their timeline', async () => {
    const person = await buildPerson(t.database.db, teamA, { nickname: 'Le Grand' });
    const encounter = (await ana.post('/api/encounters', { needs: ['isolation'] })).json();
    const attached = await ben.post(`/api/encounters/${encounter.id}/attach`, { personId: person.id, baseVersion: 1 });
    expect(attached.json()).toMatchObject({ personId: person.id, identification: 'pseudonymous', version: 2 });
    const timeline = (await ana.get(`/api/people/${person.id}/timeline`)).json();
    expect(timeline.items.map((i: { id: string }) => i.id)).toContain(encounter.id);
    const stale = await ana.post(`/api/encounters/${encounter.id}/attach`, { personId: person.id, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('plans a follow-up and marks it done', async () => {
    const encounter = (
      await ana.post('/api/encounters', { followUpOn: '2026-01-10', followUpWhat: 'Rappeler' })
    ).json();
    const done = await ana.post(`/api/encounters/${encounter.id}/follow-up`, { done: true });
    expect(done.json().followUpDoneAt).not.toBeNull();
    const none = (await ana.post('/api/encounters', {})).json();
    expect((await ana.post(`/api/encounters/${none.id}/follow-up`, { done: true })).statusCode).toBe(422);
  });

  it('keeps an offline-made id, and refuses the same id twice', async () => {
    const id = uuidv7();
    expect((await ana.post('/api/encounters', { id })).json().id).toBe(id);
    const again = await ana.post('/api/encounters', { id });
    expect(again.statusCode).toBe(409);
  });

  it('edits with a version; a stale edit is a conflict and nothing is overwritten', async () => {
    const encounter = (await ana.post('/api/encounters', { needs: ['food'] })).json();
    expect(
      (await ana.patch(`/api/encounters/${encounter.id}`, { baseVersion: 1, needs: ['food', 'income'], note: 'Note' }))
        .statusCode,
    ).toBe(200);
    const stale = await ben.patch(`/api/encounters/${encounter.id}`, { baseVersion: 1, needs: ['digital'] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.needs).toEqual(['food', 'income']);
    expect(stale.json().current.hasNote).toBe(true);
  });

  it('never stores coordinates: a location field is refused by name', async () => {
    const response = await ana.post('/api/encounters', { latitude: 45.4, longitude: -71.9 });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['latitude', 'longitude']);
  });
});

describe('posts with nothing to say', () => {
  it('ends a session and marks a follow-up done without a body', async () => {
    const session = (await ana.post('/api/sessions', { kind: 'walk' })).json();
    expect((await ana.post(`/api/sessions/${session.id}/end`)).json().status).toBe('ended');
    const encounter = (await ana.post('/api/encounters', { followUpOn: '2026-01-10' })).json();
    expect((await ana.post(`/api/encounters/${encounter.id}/follow-up`)).json().followUpDoneAt).not.toBeNull();
  });
});
