import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildNeighbourhood, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let admin: Agent;
let organisation: string;
let neighbourhood: string;

const fieldsOf = (body: { error: { fields?: { path: string }[] } }) =>
  (body.error.fields ?? []).map((f) => f.path).sort();

const fullService = () => ({
  actorId: organisation,
  name: 'Comptoir alimentaire',
  description: 'Épicerie à petits prix et paniers de dépannage.',
  eligibilityDescription: 'Résident·es du quartier, sur présentation d’une preuve d’adresse.',
  audiences: ['families', 'lowIncome'],
  minimumAge: 18,
  languages: ['fr', 'ar'],
  needs: ['food'],
  applicationProcess: 'Se présenter sur place aux heures d’ouverture.',
  requiredDocuments: ['Preuve d’adresse'],
  free: false,
  feesDescription: '2 $ par panier',
  locations: [
    {
      id: '01900000-0000-7000-8000-00000000a001',
      name: 'Sous-sol de l’église',
      address: '123 rue Wellington Sud',
      city: 'Sherbrooke',
      country: 'ca',
      latitude: 45.4,
      longitude: -71.89,
      accessibility: 'Rampe d’accès',
    },
  ],
  schedules: [
    { weekday: 2, opensAt: '09:00', closesAt: '12:00', locationId: '01900000-0000-7000-8000-00000000a001' },
    { weekday: 4, opensAt: '13:00', closesAt: '16:30' },
    { description: 'Sur rendez-vous le vendredi' },
  ],
  contacts: [{ name: 'Julie Roy', title: 'Coordonnatrice', phone: '819 555-0123' }],
  neighbourhoodIds: [neighbourhood],
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const team = (await buildTeam(db)).id;
  neighbourhood = (await buildNeighbourhood(db, team)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [team] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
  organisation = (
    await ana.post('/api/actors', { kind: 'organisation', category: 'food', name: 'Partage Saint-Jean' })
  ).json().id;
});
afterAll(() => t.close());

describe('services', () => {
  let id: string;

  it('are created with their nested lists in one request, open from the start', async () => {
    const created = await ana.post('/api/services', fullService());
    expect(created.statusCode).toBe(201);
    const body = created.json();
    id = body.id;
    expect(body).toMatchObject({
      organisation: { id: organisation, name: 'Partage Saint-Jean', kind: 'organisation' },
      availability: 'open',
      expectedWaitDays: null,
      hsdsStatus: 'active',
      locations: [{ name: 'Sous-sol de l’église', country: 'CA', latitude: 45.4 }],
      contacts: [{ name: 'Julie Roy' }],
      neighbourhoodIds: [neighbourhood],
      version: 1,
    });
    expect(
      body.schedules.map((s: { weekday: number | null; opensAt: string | null }) => [s.weekday, s.opensAt]),
    ).toEqual([
      [2, '09:00'],
      [4, '13:00'],
      [null, null],
    ]);
    expect((await admin.get(`/api/services/${id}`)).statusCode).toBe(200);
    expect((await admin.post('/api/services', fullService())).statusCode).toBe(403);
  });

  it('replaces a list given and keeps a list left out; a stale version is a 409', async () => {
    const changed = await ana.patch(`/api/services/${id}`, {
      baseVersion: 1,
      schedules: [
        { weekday: 1, opensAt: '10:00', closesAt: '11:00', locationId: '01900000-0000-7000-8000-00000000a001' },
      ],
      contacts: [],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, contacts: [], locations: [{ name: 'Sous-sol de l’église' }] });
    expect(changed.json().schedules).toHaveLength(1);
    const stale = await ana.patch(`/api/services/${id}`, { baseVersion: 1, name: 'Autre' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, name: 'Comptoir alimentaire' });
  });

  it('refuses every bad field at once and saves nothing', async () => {
    const keyPerson = (
      await ana.post('/api/actors', { kind: 'keyPerson', category: 'leader', name: 'Monsieur Paul' })
    ).json().id;
    const bad = await ana.post('/api/services', {
      ...fullService(),
      actorId: keyPerson,
      needs: ['food', 'nope'],
      minimumAge: 30,
      maximumAge: 12,
      locations: [{ name: 'Sans longitude', latitude: 45 }],
      schedules: [
        { weekday: 1, opensAt: '12:00', closesAt: '09:00' },
        { opensAt: '09:00', closesAt: '10:00' },
        { weekday: 3, opensAt: '09:00', closesAt: '10:00', locationId: '01900000-0000-7000-8000-00000000ffff' },
      ],
      expectedWaitDays: 10,
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad.json())).toEqual([
      'actorId',
      'expectedWaitDays',
      'locations.0.longitude',
      'maximumAge',
      'needs.1',
      'schedules.0.closesAt',
      'schedules.1.weekday',
      'schedules.2.locationId',
    ]);
    const shape = await ana.post('/api/services', { ...fullService(), schedules: [{ weekday: 9, opensAt: '25:00' }] });
    expect(shape.statusCode).toBe(400);
    expect((await ana.get('/api/directory/search?q=monsieur')).json().services).toEqual([]);
    expect((await ana.get('/api/services/01900000-0000-7000-8000-0000000000ff')).statusCode).toBe(404);
  });
});

describe('availability', () => {
  it('is dated, kept as history, and the latest is the service’s', async () => {
    const id = (
      await ana.post('/api/services', { actorId: organisation, name: 'Aide aux impôts', needs: ['income'] })
    ).json().id;
    const waiting = await ana.post(`/api/services/${id}/statuses`, {
      status: 'waitingList',
      expectedWaitDays: 21,
      note: 'Plein jusqu’en avril',
    });
    expect(waiting.statusCode).toBe(201);
    expect(waiting.json()).toMatchObject({ availability: 'waitingList', expectedWaitDays: 21, version: 1 });
    // Heard of late: in the history, but not the current availability.
    const older = await ana.post(`/api/services/${id}/statuses`, {
      status: 'temporarilyClosed',
      effectiveAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    expect(older.json()).toMatchObject({ availability: 'waitingList' });
    const history = (await admin.get(`/api/services/${id}/statuses`)).json().items;
    expect(history.map((h: { status: string }) => h.status)).toEqual(['waitingList', 'open', 'temporarilyClosed']);
    expect(history[0]).toMatchObject({
      expectedWaitDays: 21,
      note: 'Plein jusqu’en avril',
      recordedBy: { name: expect.any(String) },
    });
    const wrong = await ana.post(`/api/services/${id}/statuses`, { status: 'open', expectedWaitDays: 3 });
    expect(fieldsOf(wrong.json())).toEqual(['expectedWaitDays']);
    const future = await ana.post(`/api/services/${id}/statuses`, {
      status: 'open',
      effectiveAt: '2099-01-01T00:00:00Z',
    });
    expect(fieldsOf(future.json())).toEqual(['effectiveAt']);
    expect((await ana.post(`/api/services/${id}/statuses`, { status: 'full' })).statusCode).toBe(400);
    expect((await admin.post(`/api/services/${id}/statuses`, { status: 'open' })).statusCode).toBe(403);
    const filtered = (await ana.get('/api/directory/search?availability=waitingList')).json().services;
    expect(filtered.map((s: { id: string }) => s.id)).toEqual([id]);
  });
});

describe('printable directory', () => {
  it('groups active services by need, in the language asked', async () => {
    const fr = (await ana.get('/api/directory/print?language=fr')).json();
    const food = fr.categories.find((c: { code: string }) => c.code === 'food');
    expect(food.label).toBe('Alimentation');
    expect(food.services[0]).toMatchObject({ name: 'Comptoir alimentaire', organisation: 'Partage Saint-Jean' });
    expect(food.services[0].hours).toEqual(['lun. 10 h–11 h']);
    expect(food.services[0].address).toBe('123 rue Wellington Sud, Sherbrooke');
    const en = (await admin.get('/api/directory/print?language=en')).json();
    expect(en.categories.map((c: { label: string }) => c.label)).toEqual(['Food', 'Income, budget']);
    expect(en.categories[0].services[0].hours).toEqual(['Mon 10:00–11:00']);
  });
});
