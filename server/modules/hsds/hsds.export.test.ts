import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import { serviceContacts, serviceLocations, serviceNeighbourhoods, serviceSchedules } from '../../db/schema/index.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildActor, buildService } from '../../test-support/directory-factories.ts';
import { buildNeighbourhood, buildTeam, buildUser } from '../../test-support/factories.ts';
import { seedTaxonomies } from '../taxonomies/taxonomies.service.ts';
import { packageProblems, serviceProblems } from './hsds.validator.ts';

let t: TestApp;
let worker: Agent;
let serviceId: string;
let keyPersonServiceId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await seedTaxonomies(db);
  const team = await buildTeam(db);
  const neighbourhood = await buildNeighbourhood(db, team.id, { name: 'Centre-Sud' });
  const user = await buildUser(db, { role: 'worker', teamIds: [team.id] });
  worker = await signedInAgent(t.app, user.email);

  const organisation = await buildActor(db, {
    name: 'Carrefour d’entraide du quartier',
    description: 'Organisme communautaire.',
    email: 'info@carrefour.example.org',
    website: 'carrefour.example.org',
    phone: '819 555-0100',
    address: '125, rue Wellington Sud',
    city: 'Sherbrooke',
    postalCode: 'J1H 5C8',
  });
  const service = await buildService(db, {
    actorId: organisation.id,
    name: 'Dépannage alimentaire',
    description: 'Paniers d’épicerie une fois par mois.',
    email: 'pas une adresse',
    url: 'https://carrefour.example.org/depannage',
    phone: '819 555-0101',
    needs: ['food', 'income', 'unknownNeed'],
    audiences: ['families', 'lowIncome'],
    languages: ['fr', 'en', 'ar'],
    requiredDocuments: ['Preuve de résidence', 'Carte d’assurance maladie'],
    free: true,
    feesDescription: 'Gratuit, contribution volontaire de 2 $.',
    minimumAge: 18,
    eligibilityDescription: 'Résidents du quartier.',
    applicationProcess: 'Appeler le matin.',
    hsdsStatus: 'active',
  });
  serviceId = service.id;
  const locationId = uuidv7();
  await db.insert(serviceLocations).values([
    {
      id: locationId,
      serviceId,
      name: 'Sous-sol de l’église',
      address: '200, rue King Est',
      city: 'Sherbrooke',
      region: 'QC',
      postalCode: 'J1G 1A1',
      country: 'CA',
      latitude: 45.4,
      longitude: -71.88,
      accessibility: 'Rampe d’accès à l’arrière',
      transportation: 'Bus 2',
    },
    { id: uuidv7(), serviceId, name: 'Point de service sans adresse' },
  ]);
  await db.insert(serviceSchedules).values([
    { id: uuidv7(), serviceId, locationId, weekday: 2, opensAt: '09:00', closesAt: '12:00' },
    { id: uuidv7(), serviceId, weekday: 4, opensAt: '13:30', closesAt: '16:00', validFrom: '2026-01-01' },
    { id: uuidv7(), serviceId, description: 'Sur rendez-vous le vendredi' },
  ]);
  await db.insert(serviceContacts).values({
    id: uuidv7(),
    serviceId,
    name: 'Accueil',
    title: 'Intervenante',
    email: 'accueil@carrefour.example.org',
    phone: '819 555-0102',
  });
  await db.insert(serviceNeighbourhoods).values({ serviceId, neighbourhoodId: neighbourhood.id });
  await buildService(db, { actorId: organisation.id, name: 'Service minimal', needs: [], languages: [] });

  const keyPerson = await buildActor(db, {
    kind: 'keyPerson',
    teamId: team.id,
    category: 'pivot',
    name: 'Ginette Pivot',
  });
  keyPersonServiceId = (await buildService(db, { actorId: keyPerson.id, name: 'Écoute chez Ginette' })).id;
});
afterAll(() => t.close());

describe('HSDS JSON export', () => {
  it('gives every service of an organisation as a nested document that validates against HSDS 3.0', async () => {
    const response = await worker.get('/api/hsds/export.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const page = response.json();
    expect(page).toMatchObject({ total_items: 2, total_pages: 1, page_number: 1, first_page: true, last_page: true });
    for (const document of page.contents) expect(serviceProblems(document)).toEqual([]);

    const rich = page.contents.find((s: { id: string }) => s.id === serviceId);
    expect(rich.organization).toMatchObject({ name: 'Carrefour d’entraide du quartier', website: expect.any(String) });
    expect(rich.email).toBeUndefined(); // not an address: left out rather than exported invalid
    expect(rich.languages.map((l: { code: string }) => l.code)).toEqual(['fr', 'en', 'ar']);
    expect(rich.languages[0].name).toBe('French');
    expect(rich.phones[0].number).toBe('819 555-0101');
    expect(rich.schedules).toHaveLength(3);
    expect(rich.schedules[0]).toMatchObject({ freq: 'WEEKLY', byday: 'TU', opens_at: '09:00', closes_at: '12:00' });
    expect(rich.schedules[2]).toEqual({
      id: expect.any(String),
      service_id: serviceId,
      description: 'Sur rendez-vous le vendredi',
    });
    expect(rich.service_at_locations).toHaveLength(2);
    const located = rich.service_at_locations.find(
      (s: { location: { name: string } }) => s.location.name === 'Sous-sol de l’église',
    );
    expect(located.location.addresses[0]).toMatchObject({
      address_1: '200, rue King Est',
      city: 'Sherbrooke',
      country: 'CA',
    });
    expect(located.location.accessibility[0].description).toBe('Rampe d’accès à l’arrière');
    expect(rich.service_areas.map((a: { name: string }) => a.name)).toEqual(['Centre-Sud']);
    expect(rich.required_documents.map((d: { document: string }) => d.document)).toHaveLength(2);
    expect(rich.cost_options[0]).toMatchObject({ amount: 0 });
    expect(rich.contacts[0]).toMatchObject({ name: 'Accueil', phones: [{ number: '819 555-0102' }] });
    const needs = rich.attributes.filter((a: { link_type: string }) => a.link_type === 'need');
    expect(needs.map((a: { taxonomy_term: { code: string } }) => a.taxonomy_term.code)).toEqual([
      'food',
      'income',
      'unknownNeed',
    ]);
    expect(needs[0].taxonomy_term.name).toBe('Alimentation');
  });

  it('never exports a key person nor their services', async () => {
    const body = (await worker.get('/api/hsds/export.json')).body;
    expect(body).not.toContain('Ginette');
    expect(body).not.toContain(keyPersonServiceId);
  });

  it('exports the same identifiers twice in a row', async () => {
    const first = (await worker.get('/api/hsds/export.json')).json();
    const second = (await worker.get('/api/hsds/export.json')).json();
    expect(second.contents).toEqual(first.contents);
  });

  it('refuses someone not signed in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/hsds/export.json' });
    expect(response.statusCode).toBe(401);
  });
});

describe('HSDS CSV package export', () => {
  it('zips one CSV per table of the descriptor, with its columns, required fields, types and enums', async () => {
    const response = await worker.get('/api/hsds/export.zip');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(response.rawPayload));
    const files = new Map(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
    expect(packageProblems(files)).toEqual([]);
    const descriptor = JSON.parse(files.get('datapackage.json') as string);
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(descriptor.resources.map((r: { path: string }) => r.path)).toContain('services.csv');
    const services = files.get('services.csv') as string;
    expect(services.split('\r\n')[0]?.startsWith('id,organization_id,program_id,name')).toBe(true);
    expect(services).toContain('Dépannage alimentaire');
    expect(services).not.toContain('Ginette');
    expect((files.get('schedules.csv') as string).split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(files.get('organizations.csv')).toContain('Carrefour d’entraide du quartier');
    expect(files.get('organizations.csv')).not.toContain('Ginette');
  });
});
