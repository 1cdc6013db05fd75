import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildTeam, buildUser } from '../../test-support/factories.ts';
import { seedTaxonomies } from './taxonomies.service.ts';

let t: TestApp;
let worker: Agent;
let coordinator: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const team = (await buildTeam(t.database.db)).id;
  worker = await signedInAgent(t.app, (await buildUser(t.database.db, { teamIds: [team] })).email);
  coordinator = await signedInAgent(
    t.app,
    (await buildUser(t.database.db, { role: 'coordinator', teamIds: [team] })).email,
  );
});
afterAll(() => t.close());

describe('taxonomies', () => {
  it('start with needs, actions, rights, barriers, themes and tally kinds in French and English', async () => {
    const { items } = (await worker.get('/api/taxonomies')).json();
    const kinds = new Set(items.map((term: { kind: string }) => term.kind));
    expect([...kinds].sort()).toEqual(['action', 'barrier', 'need', 'observationTheme', 'right', 'tallyKind']);
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'barrier', code: 'distrust', label: { fr: 'Méfiance', en: 'Distrust' } }),
    );
    const barriers = (await worker.get('/api/taxonomies?kind=barrier'))
      .json()
      .items.map((b: { code: string }) => b.code);
    expect(barriers).toEqual(['unaware', 'complexity', 'distrust', 'language', 'digital', 'fear', 'cost', 'other']);
  });

  it('are edited by coordinators: add, relabel, retire; a retired term is refused on new records', async () => {
    const created = await coordinator.post('/api/taxonomies', {
      kind: 'need',
      code: 'heat',
      label: { fr: 'Chaleur extrême', en: 'Extreme heat' },
    });
    expect(created.statusCode).toBe(201);
    expect(
      (await coordinator.post('/api/taxonomies', { kind: 'need', code: 'heat', label: { fr: 'x', en: 'x' } }))
        .statusCode,
    ).toBe(409);
    expect(
      (await worker.post('/api/taxonomies', { kind: 'need', code: 'cold', label: { fr: 'x', en: 'x' } })).statusCode,
    ).toBe(403);
    expect((await worker.post('/api/encounters', { needs: ['heat'] })).statusCode).toBe(201);
    const retired = await coordinator.patch(`/api/taxonomies/${created.json().id}`, { baseVersion: 1, active: false });
    expect(retired.json()).toMatchObject({ active: false, version: 2 });
    const refused = await worker.post('/api/encounters', { needs: ['heat'] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].path).toBe('needs.0');
    const all = (await worker.get('/api/taxonomies?kind=need&includeInactive=true')).json().items;
    expect(all.map((term: { code: string }) => term.code)).toContain('heat');
  });

  it('keeps a coordinator’s edits when the defaults are seeded again', async () => {
    const housing = (await worker.get('/api/taxonomies?kind=need'))
      .json()
      .items.find((term: { code: string }) => term.code === 'housing');
    await coordinator.patch(`/api/taxonomies/${housing.id}`, {
      baseVersion: housing.version,
      label: { fr: 'Logement, hébergement', en: 'Housing, shelter' },
    });
    await seedTaxonomies(t.database.db);
    const after = (await worker.get('/api/taxonomies?kind=need'))
      .json()
      .items.find((term: { code: string }) => term.code === 'housing');
    expect(after.label.fr).toBe('Logement, hébergement');
  });
});
