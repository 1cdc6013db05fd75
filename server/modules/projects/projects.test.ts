import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildNeedSignal } from '../../test-support/diagnostic-factories.ts';
import { buildActor } from '../../test-support/directory-factories.ts';
import { buildNeighbourhood, buildPerson, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let other: Agent;
let admin: Agent;
let teamA: string;
let teamB: string;
let hoodA: string;
let hoodB: string;
let cdc: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  teamB = (await buildTeam(db)).id;
  hoodA = (await buildNeighbourhood(db, teamA, { name: 'Ascot' })).id;
  hoodB = (await buildNeighbourhood(db, teamB)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA], role: 'organizer' })).email);
  other = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
  cdc = (await buildActor(db, { name: 'CDC de Sherbrooke' })).id;
});
afterAll(() => t.close());

type ProjectBody = Record<string, unknown> & { id: string; version: number };

async function cafePartage(extra: Record<string, unknown> = {}): Promise<ProjectBody> {
  const created = await ana.post('/api/projects', {
    neighbourhoodId: hoodA,
    title: 'Café Partage',
    issue: 'Des aînés isolés qui ne sortent plus de chez eux l’hiver.',
    approach: 'sociocommunity',
    startedOn: '2026-01-10',
    ...extra,
  });
  expect(created.statusCode).toBe(201);
  return created.json();
}

const timelineOf = async (personId: string) =>
  (await ana.get(`/api/people/${personId}/timeline`)).json().items as {
    type: string;
    summary: Record<string, unknown>;
  }[];

describe('community projects', () => {
  it('starts a project linked to a signal, a diagnostic priority, citizens and partners', async () => {
    const signal = await buildNeedSignal(t.database.db, teamA, hoodA, { need: 'isolation' });
    const saved = await ana.post(`/api/diagnostics/neighbourhoods/${hoodA}/versions`, {
      baseVersion: 0,
      title: 'Diagnostic Ascot',
      sections: {},
      priorities: [{ title: 'Rompre l’isolement des aînés' }],
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    });
    expect(saved.statusCode).toBe(201);
    const diagnostic = saved.json();
    const priority = diagnostic.latest.priorities[0];
    const lise = await buildPerson(t.database.db, teamA, { nickname: 'Lise' });

    const project = await cafePartage({
      signalIds: [signal.id],
      priorities: [{ diagnosticId: diagnostic.id, priorityId: priority.id }],
      citizens: [{ personId: lise.id, role: 'initiator', since: '2026-01-10' }],
      actors: [{ actorId: cdc, role: 'funder' }],
    });
    expect(project).toMatchObject({
      stage: 'emergence',
      ownership: 'ledByTeam',
      status: 'active',
      neighbourhoodName: 'Ascot',
      citizenCount: 1,
      signals: [{ id: signal.id, need: 'isolation' }],
      priorities: [{ title: 'Rompre l’isolement des aînés', current: true }],
      citizens: [{ nickname: 'Lise', role: 'initiator', since: '2026-01-10' }],
      actors: [{ name: 'CDC de Sherbrooke', role: 'funder' }],
      stageHistory: [{ stage: 'emergence', onDate: '2026-01-10' }],
      ownershipHistory: [{ level: 'ledByTeam', onDate: '2026-01-10' }],
    });

    // The priority's text follows the diagnostic; once dropped from it, the link says so.
    const renamed = await ana.post(`/api/diagnostics/neighbourhoods/${hoodA}/versions`, {
      baseVersion: 1,
      title: 'Diagnostic Ascot',
      sections: {},
      priorities: [{ id: priority.id, title: 'Sortir les aînés de l’isolement' }],
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    });
    expect(renamed.statusCode).toBe(201);
    const read = (await ana.get(`/api/projects/${project.id}`)).json();
    expect(read.priorities[0]).toMatchObject({ title: 'Sortir les aînés de l’isolement', current: true });
    await ana.post(`/api/diagnostics/neighbourhoods/${hoodA}/versions`, {
      baseVersion: 2,
      title: 'Diagnostic Ascot',
      sections: {},
      priorities: [],
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    });
    expect((await ana.get(`/api/projects/${project.id}`)).json().priorities[0]).toMatchObject({ current: false });

    // Lise's involvement is in her timeline and started a leader role from the day she joined.
    const timeline = await timelineOf(lise.id);
    expect(timeline.find((item) => item.type === 'project')?.summary).toMatchObject({
      title: 'Café Partage',
      role: 'initiator',
    });
    expect(timeline.find((item) => item.type === 'roleStarted')?.summary).toEqual({ role: 'leader' });
  });

  it('moves through stages and ownership as dated history, and answers a stale version with 409', async () => {
    const project = await cafePartage();
    const moved = await ana.post(`/api/projects/${project.id}/stage`, {
      baseVersion: 1,
      stage: 'mobilisation',
      onDate: '2026-02-01',
      note: 'Première rencontre au local : douze personnes.',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ stage: 'mobilisation', version: 2 });
    expect(moved.json().stageHistory.map((h: { stage: string }) => h.stage)).toEqual(['emergence', 'mobilisation']);

    const owned = await ana.post(`/api/projects/${project.id}/ownership`, {
      baseVersion: 2,
      level: 'coLed',
      onDate: '2026-03-01',
    });
    expect(owned.json()).toMatchObject({ ownership: 'coLed', version: 3 });
    expect(owned.json().ownershipHistory.map((h: { level: string; byName: string }) => h.level)).toEqual([
      'ledByTeam',
      'coLed',
    ]);

    const stale = await ana.post(`/api/projects/${project.id}/stage`, { baseVersion: 2, stage: 'planning' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ stage: 'mobilisation', version: 3 });

    const same = await ana.post(`/api/projects/${project.id}/ownership`, { baseVersion: 3, level: 'coLed' });
    expect(same.statusCode).toBe(422);
    expect(same.json().error.fields[0].path).toBe('level');

    const edited = await ana.patch(`/api/projects/${project.id}`, { baseVersion: 1, title: 'Café Partage 2' });
    expect(edited.statusCode).toBe(409);
    const closed = await ana.patch(`/api/projects/${project.id}`, { baseVersion: 3, status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', version: 4 });
  });

  it('keeps dated milestones per stage and ticks them reached', async () => {
    const project = await cafePartage();
    const added = await ana.post(`/api/projects/${project.id}/milestones`, {
      stage: 'planning',
      title: 'Trouver une salle',
      plannedOn: '2026-04-15',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().nextMilestone).toEqual({ title: 'Trouver une salle', plannedOn: '2026-04-15' });
    const milestone = added.json().milestones[0];
    const reached = await ana.patch(`/api/projects/${project.id}/milestones/${milestone.id}`, {
      reachedOn: '2026-04-10',
    });
    expect(reached.json().milestones[0]).toMatchObject({ reachedOn: '2026-04-10', plannedOn: '2026-04-15' });
    expect(reached.json().nextMilestone).toBeNull();

    const undated = await ana.post(`/api/projects/${project.id}/milestones`, { stage: 'action', title: 'Ouvrir' });
    expect(undated.statusCode).toBe(400);
    expect(undated.json().error.fields[0].path).toBe('plannedOn');
    const elsewhere = await ana.patch(`/api/projects/${project.id}/milestones/${uuidv7()}`, { reachedOn: null });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('writes decisions in the journal, and refuses one that names a known person (nothing saved)', async () => {
    const project = await cafePartage();
    await buildPerson(t.database.db, teamA, { nickname: 'Grand Momo' });
    const named = await ana.post(`/api/projects/${project.id}/journal`, {
      kind: 'decision',
      text: 'On demande à Grand Momo de tenir la caisse.',
    });
    expect(named.statusCode).toBe(422);
    expect(named.json().error).toMatchObject({ code: 'nominative_data', fields: [{ path: 'text' }] });
    expect(named.json().error.message.fr).toContain('journal');
    expect((await ana.get(`/api/projects/${project.id}`)).json().journal).toEqual([]);

    const decision = await ana.post(`/api/projects/${project.id}/journal`, {
      kind: 'decision',
      text: 'Le café ouvrira le mardi matin, avec deux bénévoles par séance.',
      onDate: '2026-05-02',
    });
    expect(decision.statusCode).toBe(201);
    expect(decision.json().journal).toEqual([
      expect.objectContaining({ kind: 'decision', onDate: '2026-05-02', text: expect.stringContaining('mardi') }),
    ]);
  });

  it('lists projects by neighbourhood and stage, active by default', async () => {
    const hood = (await buildNeighbourhood(t.database.db, teamA)).id;
    const first = await cafePartage({ neighbourhoodId: hood, title: 'Mobilisation transport', stage: 'action' });
    await cafePartage({ neighbourhoodId: hood, title: 'Jardin collectif' });
    const list = async (query: string) =>
      ((await ana.get(`/api/projects?${query}`)).json().items as { title: string }[]).map((p) => p.title);
    expect(await list(`neighbourhoodId=${hood}`)).toEqual(['Jardin collectif', 'Mobilisation transport']);
    expect(await list(`neighbourhoodId=${hood}&stage=action`)).toEqual(['Mobilisation transport']);
    await ana.patch(`/api/projects/${first.id}`, { baseVersion: 1, status: 'archived' });
    expect(await list(`neighbourhoodId=${hood}`)).toEqual(['Jardin collectif']);
    expect(await list(`neighbourhoodId=${hood}&status=all`)).toEqual(['Jardin collectif', 'Mobilisation transport']);
    expect((await ana.get('/api/projects?stage=ailleurs')).statusCode).toBe(400);
  });

  it('refuses what is not the team’s own, at its path', async () => {
    const theirs = await buildPerson(t.database.db, teamB);
    const theirSignal = await buildNeedSignal(t.database.db, teamB, hoodB);
    const refused = await ana.post('/api/projects', {
      neighbourhoodId: hoodB,
      title: 'Ailleurs',
      issue: 'Pas chez nous.',
      approach: 'sociopolitical',
      signalIds: [theirSignal.id],
      priorities: [{ diagnosticId: uuidv7(), priorityId: uuidv7() }],
      citizens: [{ personId: theirs.id }],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'neighbourhoodId',
      'signalIds.0',
      'priorities.0.priorityId',
      'citizens.0.personId',
    ]);
    const badApproach = await ana.post('/api/projects', {
      neighbourhoodId: hoodA,
      title: 'X y',
      issue: 'ok',
      approach: 'x',
    });
    expect(badApproach.statusCode).toBe(400);
    expect(JSON.stringify(badApproach.json())).toContain('approach');
  });

  it('is the team’s own: another team gets 404, an admin reads only with a reason', async () => {
    const lise = await buildPerson(t.database.db, teamA);
    const project = await cafePartage({ citizens: [{ personId: lise.id, role: 'volunteer' }] });
    expect((await other.get(`/api/projects/${project.id}`)).statusCode).toBe(404);
    expect(
      (await other.post(`/api/projects/${project.id}/stage`, { baseVersion: 1, stage: 'action' })).statusCode,
    ).toBe(404);
    expect((await other.get('/api/projects')).json().items).toEqual([]);
    expect((await admin.get(`/api/projects/${project.id}`)).statusCode).toBe(403);
    const reason = { headers: { 'x-access-reason': encodeURIComponent('Contrôle') } };
    expect((await admin.get(`/api/projects/${project.id}`, reason)).statusCode).toBe(200);
  });

  it('ends a citizen’s involvement with a date, keeping it in the project', async () => {
    const jo = await buildPerson(t.database.db, teamA);
    const project = await cafePartage({ citizens: [{ personId: jo.id, role: 'volunteer', since: '2026-01-12' }] });
    const ended = await ana.patch(`/api/projects/${project.id}`, {
      baseVersion: 1,
      citizens: [{ personId: jo.id, role: 'volunteer', since: '2026-01-12', until: '2026-06-30' }],
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ citizenCount: 0, citizens: [{ since: '2026-01-12', until: '2026-06-30' }] });
    expect((await timelineOf(jo.id)).filter((item) => item.type === 'roleStarted')).toHaveLength(1);
  });

  it('moves a merged person’s involvement to the survivor', async () => {
    const survivor = await buildPerson(t.database.db, teamA);
    const duplicate = await buildPerson(t.database.db, teamA);
    const project = await cafePartage({ citizens: [{ personId: duplicate.id, role: 'spokesperson' }] });
    expect((await ana.post(`/api/people/${survivor.id}/merge`, { absorbedId: duplicate.id })).statusCode).toBe(200);
    const read = (await ana.get(`/api/projects/${project.id}`)).json();
    expect(read.citizens).toEqual([expect.objectContaining({ personId: survivor.id, role: 'spokesperson' })]);
  });
});
