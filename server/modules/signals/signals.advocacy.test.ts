import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildNeedSignal } from '../../test-support/diagnostic-factories.ts';
import { buildNeighbourhood, buildPerson, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let teamId: string;
let hoodId: string;
let worker: Agent;
let coordinator: Agent;
let otherWorker: Agent;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const team = await buildTeam(db);
  const other = await buildTeam(db);
  teamId = team.id;
  hoodId = (await buildNeighbourhood(db, team.id, { name: 'Ascot' })).id;
  await buildPerson(db, team.id, { nickname: 'Ti-Jean', firstName: 'Jean', lastName: 'Bélanger' });
  worker = await signedInAgent(t.app, (await buildUser(db, { role: 'worker', teamIds: [team.id] })).email);
  coordinator = await signedInAgent(t.app, (await buildUser(db, { role: 'coordinator', teamIds: [team.id] })).email);
  otherWorker = await signedInAgent(t.app, (await buildUser(db, { role: 'worker', teamIds: [other.id] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
});
afterAll(() => t.close());

const statement = 'Les loyers du secteur ont doublé en deux ans et les chambres ferment.';

describe('need signals passed to advocacy', () => {
  it('tags a signal with themes and a structural problem, and takes it back', async () => {
    const signal = await buildNeedSignal(t.database.db, teamId, hoodId, { need: 'housing' });
    const tagged = await worker.patch(`/api/need-signals/${signal.id}/advocacy`, {
      baseVersion: 1,
      themes: ['housing', 'income'],
      structuralProblem: `  ${statement}  `,
    });
    expect(tagged.statusCode).toBe(200);
    expect(tagged.json()).toMatchObject({
      advocacyThemes: ['housing', 'income'],
      structuralProblem: statement,
      version: 2,
    });

    const stale = await worker.patch(`/api/need-signals/${signal.id}/advocacy`, { baseVersion: 1, themes: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.advocacyThemes).toEqual(['housing', 'income']);

    const cleared = await worker.patch(`/api/need-signals/${signal.id}/advocacy`, { baseVersion: 2, themes: [] });
    expect(cleared.json()).toMatchObject({ advocacyThemes: [], structuralProblem: null, version: 3 });
  });

  it('refuses a statement that names someone the team knows, or a phone number, and saves nothing', async () => {
    const signal = await buildNeedSignal(t.database.db, teamId, hoodId, { need: 'food' });
    const url = `/api/need-signals/${signal.id}/advocacy`;
    const named = await worker.patch(url, {
      baseVersion: 1,
      themes: ['food'],
      structuralProblem: 'Ti-Jean ne trouve plus de banque alimentaire ouverte le soir.',
    });
    expect(named.statusCode).toBe(422);
    expect(named.json().error.code).toBe('nominative_data');
    expect(named.json().error.fields[0].path).toBe('structuralProblem');
    const phone = await worker.patch(url, {
      baseVersion: 1,
      themes: ['food'],
      structuralProblem: 'Appeler le 819 555-0199 pour les dépannages.',
      confirmedNotNames: ['819 555-0199'],
    });
    expect(phone.statusCode).toBe(422);
    const unchanged = (await worker.get('/api/need-signals?status=all'))
      .json()
      .items.find((item: { id: string }) => item.id === signal.id);
    expect(unchanged).toMatchObject({ advocacyThemes: [], structuralProblem: null, version: 1 });
  });

  it('answers 400 naming the field for bad themes, a statement without theme, and reversed dates', async () => {
    const signal = await buildNeedSignal(t.database.db, teamId, hoodId, { need: 'isolation' });
    const url = `/api/need-signals/${signal.id}/advocacy`;
    const unknown = await worker.patch(url, { baseVersion: 1, themes: ['weather'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toMatch(/^themes/);
    const twice = await worker.patch(url, { baseVersion: 1, themes: ['food', 'food'] });
    expect(twice.statusCode).toBe(400);
    const bare = await worker.patch(url, { baseVersion: 1, themes: [], structuralProblem: statement });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields[0]).toMatchObject({ path: 'themes' });
    expect(bare.json().error.fields[0].message.en).toContain('theme');
    const reversed = await worker.get('/api/need-signals/advocacy-summary?format=csv&from=2026-05-01&to=2026-04-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0].path).toBe('to');
  });

  it('keeps other teams out and asks admins for a reason', async () => {
    const signal = await buildNeedSignal(t.database.db, teamId, hoodId, { need: 'health' });
    const outsider = await otherWorker.patch(`/api/need-signals/${signal.id}/advocacy`, {
      baseVersion: 1,
      themes: ['health'],
    });
    expect(outsider.statusCode).toBe(404);
    expect((await admin.get('/api/need-signals/advocacy-summary?format=csv')).statusCode).toBe(403);
    const reason = { headers: { 'x-access-reason': encodeURIComponent('Bilan annuel') } };
    expect((await admin.get('/api/need-signals/advocacy-summary?format=csv', reason)).statusCode).toBe(200);
    const theirs = await otherWorker.get('/api/need-signals/advocacy-summary?format=csv');
    expect(theirs.body).not.toContain('Ascot');
  });

  it('exports an anonymous summary for partners: themes, neighbourhoods, suppressed counts, statements', async () => {
    const db = t.database.db;
    const small = await buildNeedSignal(db, teamId, hoodId, { need: 'hygiene', encounters: 14, people: 3 });
    await coordinator.patch(`/api/need-signals/${small.id}/advocacy`, {
      baseVersion: 1,
      themes: ['health'],
      structuralProblem: 'Aucune douche publique ouverte dans le secteur depuis la fermeture du centre.',
    });
    const untagged = await buildNeedSignal(db, teamId, hoodId, { need: 'transport', encounters: 40, people: 22 });

    const csv = await coordinator.get('/api/need-signals/advocacy-summary?format=csv&lang=fr');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="besoins-et-problemes-structurels/);
    const records: string[][] = parse(csv.rawPayload.subarray(3).toString('utf8'));
    const health = records.filter((record) => record[0] === 'Santé et soins');
    expect(health.find((record) => record[1] === 'Note')?.[3]).toContain('Aucune douche publique');
    const row = health.filter((record) => record[1]?.includes('Ascot'));
    expect(row.map((record) => record[3])).toEqual(['14', '<5']);
    expect(csv.body).not.toContain(small.id);
    expect(csv.body).not.toContain(untagged.id);
    expect(csv.body).not.toContain('transport');
    expect(csv.body).not.toContain('Bélanger');

    const pdf = await coordinator.get('/api/need-signals/advocacy-summary?format=pdf&lang=en');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const before = await coordinator.get(
      '/api/need-signals/advocacy-summary?format=csv&lang=en&from=2020-01-01&to=2020-12-31',
    );
    expect(before.body).toContain('No signal passed to advocacy in the period');
    expect(before.body).not.toContain('Ascot');
  });
});
