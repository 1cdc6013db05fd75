import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInAgent(t.app, (await buildUser(t.database.db, { role: 'admin' })).email);
});
afterAll(() => t.close());

describe('teams and neighbourhoods', () => {
  it('creates a team that serves neighbourhoods, and shows its members to its own people', async () => {
    const team = (await admin.post('/api/teams', { name: 'Équipe Ascot / Jardins-Fleuris', code: 'ascot-jf' })).json();
    const ascot = await admin.post('/api/neighbourhoods', { name: 'Ascot', code: 'ascot', teamId: team.id });
    expect(ascot.statusCode).toBe(201);
    await admin.post('/api/neighbourhoods', { name: 'Jardins-Fleuris', code: 'jardins-fleuris', teamId: team.id });
    const worker = await buildUser(t.database.db, { name: 'Léa Roy', teamIds: [team.id] });
    const workerAgent = await signedInAgent(t.app, worker.email);
    const detail = (await workerAgent.get(`/api/teams/${team.id}`)).json();
    expect(detail.neighbourhoods.map((n: { name: string }) => n.name).sort()).toEqual(['Ascot', 'Jardins-Fleuris']);
    expect(detail.members.map((m: { name: string }) => m.name)).toEqual(['Léa Roy']);
    expect(detail.memberCount).toBe(1);
    const listed = (await workerAgent.get('/api/neighbourhoods')).json().items;
    expect(listed.find((n: { code: string }) => n.code === 'ascot')).toMatchObject({
      teamId: team.id,
      teamName: team.name,
    });
  });

  it('moves a neighbourhood to another team and renames a team', async () => {
    const first = (await admin.post('/api/teams', { name: 'RAQ Cureghem', code: 'cureghem' })).json();
    const second = (await admin.post('/api/teams', { name: 'RAQ Bockstael', code: 'bockstael' })).json();
    const hood = (
      await admin.post('/api/neighbourhoods', { name: 'Cureghem', code: 'cureghem-q', teamId: first.id })
    ).json();
    const moved = await admin.patch(`/api/neighbourhoods/${hood.id}`, { teamId: second.id });
    expect(moved.json()).toMatchObject({ teamId: second.id, teamName: 'RAQ Bockstael' });
    const renamed = await admin.patch(`/api/teams/${first.id}`, { name: 'RAQ Cureghem-Anderlecht' });
    expect(renamed.json().name).toBe('RAQ Cureghem-Anderlecht');
  });

  it('refuses taken codes and badly formed ones, naming the field', async () => {
    await admin.post('/api/teams', { name: 'Équipe Est', code: 'est' });
    const taken = await admin.post('/api/teams', { name: 'Autre Est', code: 'est' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields[0].path).toBe('code');
    const badCode = await admin.post('/api/teams', { name: 'Équipe Ouest', code: 'Ouest !' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.fields[0].path).toBe('code');
    const team = (await admin.post('/api/teams', { name: 'Équipe Sud', code: 'sud' })).json();
    const renameToTaken = await admin.patch(`/api/teams/${team.id}`, { code: 'est' });
    expect(renameToTaken.statusCode).toBe(409);
  });

  it('answers 404 for a team or neighbourhood that does not exist', async () => {
    const id = '01900000-0000-7000-8000-000000000000';
    expect((await admin.get(`/api/teams/${id}`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/teams/${id}`, { name: 'Rien' })).statusCode).toBe(404);
    expect((await admin.patch(`/api/neighbourhoods/${id}`, { name: 'Rien' })).statusCode).toBe(404);
  });
});

describe('settings', () => {
  it('shows the deployment words to anyone and lets an admin change them', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/settings' })).json();
    expect(before).toEqual({
      deploymentName: 'Relais',
      vocabulary: 'sherbrooke',
      defaultLanguage: 'fr',
      basemapUrl: null,
    });
    const saved = await admin.patch('/api/settings', { vocabulary: 'brussels', deploymentName: 'RAQ Bruxelles' });
    expect(saved.statusCode).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: '/api/settings' })).json();
    expect(after).toMatchObject({ vocabulary: 'brussels', deploymentName: 'RAQ Bruxelles' });
    const bad = await admin.patch('/api/settings', { vocabulary: 'paris' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('vocabulary');
  });
});
