import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HsdsImportReport, HsdsImportRow } from '../../../core/contracts/hsds.ts';
import { actors, auditLog, serviceLocations, serviceSchedules, services } from '../../db/schema/index.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildNeighbourhood, buildTeam, buildUser } from '../../test-support/factories.ts';
import { seedTaxonomies } from '../taxonomies/taxonomies.service.ts';
import { serviceProblems } from './hsds.validator.ts';

const fixtures = path.resolve(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readFileSync(path.join(fixtures, name));
/** A folder of CSV files, zipped as a publisher would send it (in a sub-folder, as zips often are). */
const zipFolder = (name: string) =>
  Buffer.from(
    zipSync(
      Object.fromEntries(
        readdirSync(path.join(fixtures, name)).map((file) => [
          `export-2026/${file}`,
          new Uint8Array(fixture(`${name}/${file}`)),
        ]),
      ),
    ),
  );

/** A small zip whose directory announces `size` bytes for services.csv (as a zip bomb would). */
function zipAnnouncing(size: number): Buffer {
  const zip = Buffer.from(zipSync({ 'services.csv': strToU8('id,name,status\nz-1,Zip,active\n') }));
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(size, central + 24);
  return zip;
}

let t: TestApp;
let coordinator: Agent;
let worker: Agent;
let centreSud: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await seedTaxonomies(db);
  const team = await buildTeam(db);
  centreSud = (await buildNeighbourhood(db, team.id, { name: 'Centre-Sud' })).id;
  coordinator = await signedInAgent(t.app, (await buildUser(db, { role: 'coordinator', teamIds: [team.id] })).email);
  worker = await signedInAgent(t.app, (await buildUser(db, { role: 'worker', teamIds: [team.id] })).email);
});
afterAll(() => t.close());

function upload(agent: Agent, body: Buffer | string, query: string, contentType = 'application/json') {
  return agent.post(`/api/hsds/import?${query}`, body, { headers: { 'content-type': contentType } });
}

/** Row counts of every table an import may write. */
async function snapshot() {
  const result = await t.database.query<Record<string, number>>(`select
    (select count(*)::int from actors) as actors,
    (select count(*)::int from services) as services,
    (select count(*)::int from service_locations) as locations,
    (select count(*)::int from service_schedules) as schedules,
    (select count(*)::int from service_contacts) as contacts,
    (select count(*)::int from service_neighbourhoods) as areas,
    (select count(*)::int from service_statuses) as statuses,
    (select count(*)::int from audit_log where entity_type = 'hsds_import') as audits,
    (select coalesce(max(updated_at)::text, '') from services) as last_update`);
  return result[0];
}

const row = (report: HsdsImportReport, externalId: string) =>
  report.rows.find((r) => r.externalId === externalId) as HsdsImportRow;
const saidEn = (texts: { en: string }[]) => texts.map((x) => x.en).join(' | ');

describe('HSDS import: a minimal publisher (plain array, few fields)', () => {
  it('dry-runs: says per record what would be created or rejected and why, and writes nothing', async () => {
    const before = await snapshot();
    const response = await upload(
      coordinator,
      fixture('minimal-211.json'),
      'source=211 Estrie&filename=minimal-211.json',
    );
    expect(response.statusCode).toBe(200);
    const report = response.json() as HsdsImportReport;
    expect(report).toMatchObject({ dryRun: true, source: '211 Estrie', format: 'json' });
    expect(report.counts).toEqual({ created: 3, updated: 0, rejected: 2 });
    expect(row(report, '211-00019').reasons[0]).toEqual({ fr: 'Nom (name) manquant.', en: 'Name (name) missing.' });
    expect(saidEn(row(report, '211-00020').reasons)).toContain('Unknown status "open"');
    expect(saidEn(row(report, '211-00021').warnings)).toContain('imported as active');
    // Service 1 names an organisation that is not in the file; service 2 has none.
    expect(saidEn(row(report, '211-00017').warnings)).toContain('Organisation org-044 is not in the file');
    expect(row(report, '211-00018').organisation).toBe('211 Estrie');
    expect(row(report, '211-00018').where).toEqual({ fr: 'Service 2 ([1])', en: 'Service 2 ([1])' });
    expect(await snapshot()).toEqual(before);
  });

  it('imports in one go, then updates on a second import instead of duplicating', async () => {
    const first = (await upload(coordinator, fixture('minimal-211.json'), 'dryRun=false&source=211 Estrie')).json();
    expect(first).toMatchObject({ dryRun: false, counts: { created: 3, updated: 0, rejected: 2 } });
    expect(first.organisations).toEqual({ created: 1, updated: 0 });
    const imported = await t.database.db.select().from(services).where(eq(services.externalSource, '211 Estrie'));
    expect(imported.map((s) => s.externalId).sort()).toEqual(['211-00017', '211-00018', '211-00021']);
    const publisher = await t.database.db
      .select()
      .from(actors)
      .where(and(eq(actors.externalSource, '211 Estrie'), eq(actors.kind, 'organisation')));
    expect(publisher.map((a) => a.name)).toEqual(['211 Estrie']);
    expect(imported.every((s) => s.actorId === publisher[0]?.id && s.hsdsStatus === 'active')).toBe(true);

    const before = await snapshot();
    const second = (await upload(coordinator, fixture('minimal-211.json'), 'dryRun=false&source=211 Estrie')).json();
    expect(second.counts).toEqual({ created: 0, updated: 3, rejected: 2 });
    expect(second.organisations).toEqual({ created: 0, updated: 1 });
    const after = await snapshot();
    expect({ ...after, audits: 0, last_update: '' }).toEqual({ ...before, audits: 0, last_update: '' });
    expect(after?.audits).toBe((before?.audits as number) + 1);
  });

  it('makes what it imported searchable in the directory', async () => {
    const rows = await t.database.query<{ external_id: string }>(
      `select external_id from services
       where external_source = '211 Estrie' and search_vector @@ to_tsquery('french', 'impots')`,
    );
    expect(rows.map((r) => r.external_id)).toEqual(['211-00018']);
  });

  it('keeps who imported what file in the audit log', async () => {
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'hsds_import'));
    expect(entries.length).toBe(2);
    expect(entries[0]?.details).toMatchObject({ source: '211 Estrie', format: 'json', created: 3, rejected: 2 });
    expect(entries[0]?.actorRole).toBe('coordinator');
  });
});

describe('HSDS import: a rich publisher (API page, nested locations, schedules, taxonomy)', () => {
  let report: HsdsImportReport;
  beforeAll(async () => {
    const response = await upload(coordinator, fixture('rich-cisss.json'), 'dryRun=false&filename=rich-cisss.json');
    expect(response.statusCode).toBe(200);
    report = response.json();
  });

  it('names the source after the file when none is given, and rejects the record with a bad age', () => {
    expect(report.source).toBe('rich-cisss');
    expect(report.counts).toEqual({ created: 2, updated: 0, rejected: 1 });
    expect(report.organisations).toEqual({ created: 2, updated: 0 });
    expect(saidEn(row(report, '6b8a0f0e-6f2b-4c5e-9d3a-0c1f2e3d4a53').reasons)).toContain('Invalid minimum age: "six"');
  });

  it('maps languages, needs, areas, locations, hours, contacts, documents and fees', async () => {
    const [service] = await t.database.db
      .select()
      .from(services)
      .where(eq(services.externalId, '6b8a0f0e-6f2b-4c5e-9d3a-0c1f2e3d4a51'));
    expect(service).toMatchObject({
      name: "Guichet d'accès en santé mentale adulte",
      url: 'https://www.santeestrie.example.ca/gasma',
      phone: '819 821-5153',
      languages: ['fr', 'en', 'es'],
      needs: ['mentalHealth'],
      minimumAge: 18,
      free: true,
      requiredDocuments: ["Carte d'assurance maladie"],
    });
    expect(service?.description).toContain('Crisis Intervention');
    const warnings = saidEn(row(report, '6b8a0f0e-6f2b-4c5e-9d3a-0c1f2e3d4a51').warnings);
    expect(warnings).toContain('Unrecognised language left aside: "Klingon"');
    expect(warnings).toContain('no matching neighbourhood: "MRC du Granit"');
    expect(warnings).toContain('kept as text (not a weekly rule)');

    const id = service?.id as string;
    const locations = await t.database.db.select().from(serviceLocations).where(eq(serviceLocations.serviceId, id));
    expect(locations).toHaveLength(3);
    const clsc = locations.find((l) => l.name === 'CLSC de Sherbrooke');
    expect(clsc).toMatchObject({
      address: '50, rue Camirand',
      region: 'QC',
      postalCode: 'J1H 4J5',
      latitude: 45.4012,
      accessibility: 'Entrée accessible en fauteuil roulant — porte automatique',
    });
    expect(locations.find((l) => l.name === 'Point de service de Fleurimont')?.address).toBe(
      '1200, rue King Est, 2e étage',
    );
    const schedules = await t.database.db.select().from(serviceSchedules).where(eq(serviceSchedules.serviceId, id));
    const weekly = schedules.filter((s) => s.weekday !== null);
    expect(weekly).toHaveLength(6); // Monday to Friday at the CLSC, Tuesday evening at Fleurimont
    expect(
      weekly.filter((s) => s.locationId === clsc?.id).map((s) => [s.weekday, s.opensAt, s.closesAt]),
    ).toContainEqual([1, '08:00:00', '16:00:00']);
    expect(schedules.find((s) => s.weekday === null)?.description).toContain('Le premier samedi du mois');
    const areas = await t.database.query<{ neighbourhood_id: string }>(
      `select neighbourhood_id from service_neighbourhoods where service_id = $1`,
      [id],
    );
    expect(areas.map((a) => a.neighbourhood_id)).toEqual([centreSud]);
    const contacts = await t.database.query<{ name: string; phone: string }>(
      `select name, phone from service_contacts where service_id = $1`,
      [id],
    );
    expect(contacts).toEqual([{ name: 'Accueil psychosocial', phone: '819 821-5153 poste 2' }]);
  });

  it('keeps overnight hours as text, status and paid fees as published', async () => {
    const [kitchens] = await t.database.db
      .select()
      .from(services)
      .where(eq(services.externalId, '6b8a0f0e-6f2b-4c5e-9d3a-0c1f2e3d4a52'));
    expect(kitchens).toMatchObject({ hsdsStatus: 'temporarily closed', needs: ['food'], free: false });
    expect(kitchens?.feesDescription).toContain('2.5 CAD');
    expect(saidEn(row(report, '6b8a0f0e-6f2b-4c5e-9d3a-0c1f2e3d4a52').warnings)).toContain('overnight');
  });

  it('exports again what it imported, still valid HSDS', async () => {
    const page = (await worker.get('/api/hsds/export.json')).json();
    const gasma = page.contents.find((s: { name: string }) => s.name.startsWith('Guichet'));
    expect(serviceProblems(gasma)).toEqual([]);
    expect(gasma.organization.name).toBe("CIUSSS de l'Estrie - CHUS");
    expect(gasma.service_at_locations).toHaveLength(3);
  });
});

describe('HSDS import: a CSV package (other column order, extra columns, BOM, CRLF, in a folder)', () => {
  it('dry-runs the zip, then imports it; a second import updates', async () => {
    const zip = zipFolder('csv-package-estrie');
    const before = await snapshot();
    const dry = (
      await upload(coordinator, zip, 'source=Répertoire Estrie', 'application/zip')
    ).json() as HsdsImportReport;
    expect(await snapshot()).toEqual(before);
    expect(dry.format).toBe('csv');
    expect(dry.counts).toEqual({ created: 4, updated: 0, rejected: 1 });
    expect(row(dry, 'svc-vide').where).toEqual({ fr: 'services.csv, ligne 5', en: 'services.csv, line 5' });
    expect(saidEn(row(dry, 'svc-ateliers').warnings)).toContain('Organisation org-inconnu is not in the file');

    const done = (await upload(coordinator, zip, 'source=Répertoire Estrie&dryRun=false', 'application/zip')).json();
    expect(done.counts).toEqual(dry.counts);
    const rows = await t.database.db.select().from(services).where(eq(services.externalSource, 'Répertoire Estrie'));
    const byId = new Map(rows.map((s) => [s.externalId, s]));
    expect(byId.get('svc-hg')).toMatchObject({
      languages: ['fr', 'ar'],
      needs: ['family'],
      minimumAge: 1,
      maximumAge: 5,
      phone: '819 821-2662',
      feesDescription: '5 $ la demi-journée',
    });
    expect(byId.get('svc-transport')).toMatchObject({ needs: ['mobility'], languages: ['en'], minimumAge: 65 });
    expect(byId.get('svc-transport')?.description).toContain('Aînés');
    expect(byId.get('svc-pop')?.needs).toEqual(['food']);
    const halte = await t.database.query<{ weekday: number; opens_at: string; name: string }>(
      `select s.weekday, s.opens_at::text, l.name from service_schedules s join service_locations l on l.id = s.location_id
       where s.service_id = $1 order by s.weekday`,
      [byId.get('svc-hg')?.id],
    );
    expect(halte).toEqual([
      { weekday: 1, opens_at: '08:30:00', name: 'Maison des familles' },
      { weekday: 3, opens_at: '08:30:00', name: 'Maison des familles' },
      { weekday: 5, opens_at: '08:30:00', name: 'Maison des familles' },
    ]);
    const ateliers = await t.database.query<{ weekday: number; opens_at: string }>(
      `select weekday, opens_at::text from service_schedules where service_id = $1`,
      [byId.get('svc-ateliers')?.id],
    );
    expect(ateliers).toEqual([{ weekday: 6, opens_at: '09:30:00' }]);
    const cab = await t.database.db.select().from(actors).where(eq(actors.externalId, 'org-cab'));
    expect(cab[0]).toMatchObject({ name: "Centre d'action bénévole", phone: '819 823-6598', kind: 'organisation' });

    const again = (await upload(coordinator, zip, 'source=Répertoire Estrie&dryRun=false', 'application/zip')).json();
    expect(again.counts).toEqual({ created: 0, updated: 4, rejected: 1 });
  });

  it('reads a spreadsheet’s CSV saved in Windows-1252, with semicolons', async () => {
    const csv = Buffer.from("id;name;status\r\nw-1;Clinique d'impôts;active\r\n", 'latin1');
    const report = (await upload(coordinator, csv, 'source=Tableur&filename=services.csv', 'text/csv')).json();
    expect(report.rows[0]).toMatchObject({ name: "Clinique d'impôts", action: 'create' });
  });

  it('reads a lone services.csv', async () => {
    const csv = 'id,name,status\r\nseul-1,Comptoir vestimentaire,active\r\n';
    const report = (await upload(coordinator, csv, 'source=CSV seul&filename=services.csv', 'text/csv')).json();
    expect(report).toMatchObject({ format: 'csv', counts: { created: 1, updated: 0, rejected: 0 } });
  });
});

describe('HSDS import: bad files change nothing', () => {
  const cases: [string, () => Buffer, string, string][] = [
    ['broken JSON', () => fixture('broken.json'), 'application/json', 'not valid JSON'],
    ['JSON that is not HSDS', () => fixture('not-hsds.json'), 'application/json', 'not an HSDS export'],
    ['a zip that is not one', () => fixture('not-a-zip.zip'), 'application/zip', 'not a zip'],
    [
      'a damaged zip',
      () => zipFolder('csv-package-estrie').subarray(0, 200),
      'application/zip',
      'unreadable or damaged',
    ],
    [
      'a package missing required columns',
      () => zipFolder('csv-missing-column'),
      'application/zip',
      'Required columns',
    ],
    [
      'a zip without services.csv',
      () => Buffer.from(zipSync({ 'notes.csv': strToU8('a,b\n1,2\n') })),
      'application/zip',
      'no services.csv',
    ],
    [
      'a zip that would unzip to more than 200 MB',
      () => zipAnnouncing(300 * 1024 * 1024),
      'application/zip',
      'too large once unzipped',
    ],
    ['a file where nothing is importable', () => fixture('all-rejected.json'), 'application/json', 'None of the 3'],
    ['an empty body', () => Buffer.alloc(0), 'application/json', 'empty'],
  ];
  for (const [what, body, type, message] of cases) {
    it(`answers 400 in both languages to ${what}, dry-run or not`, async () => {
      const before = await snapshot();
      for (const dryRun of ['true', 'false']) {
        const response = await upload(coordinator, body(), `dryRun=${dryRun}&source=Mauvais`, type);
        expect(response.statusCode).toBe(400);
        const { error } = response.json();
        expect(error.code).toBe('bad_hsds_file');
        expect(error.message.en).toContain(message);
        expect(error.message.fr.length).toBeGreaterThan(10);
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it('names the missing columns per file', async () => {
    const { error } = (
      await upload(coordinator, zipFolder('csv-missing-column'), 'source=X', 'application/zip')
    ).json();
    expect(error.fields.map((f: { path: string }) => f.path)).toEqual([
      'services.csv:name',
      'schedules.csv:service_id / location_id / service_at_location_id',
    ]);
  });

  it('accepts a file over the general 1 MB limit, refuses one over 20 MB', async () => {
    const many = Array.from({ length: 4000 }, (_, i) => ({
      id: `gros-${i}`,
      name: `Service ${i}`,
      status: 'active',
      description: 'x'.repeat(300),
    }));
    const big = Buffer.from(JSON.stringify(many));
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const response = await upload(coordinator, big, 'source=Gros');
    expect(response.statusCode).toBe(200);
    expect(response.json().counts.created).toBe(4000);
    const huge = Buffer.alloc(21 * 1024 * 1024, 0x20);
    expect((await upload(coordinator, huge, 'source=Enorme')).statusCode).toBe(413);
  });

  it('refuses a worker (import is for coordinators and admins)', async () => {
    const before = await snapshot();
    const response = await upload(worker, fixture('minimal-211.json'), 'dryRun=false&source=Interdit');
    expect(response.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe('HSDS import in the OpenAPI description', () => {
  it('documents the raw file body, its content types and the query', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = spec.paths['/api/hsds/import'].post;
    expect(Object.keys(operation.requestBody.content)).toEqual(
      expect.arrayContaining(['application/json', 'application/zip', 'text/csv']),
    );
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['dryRun', 'source', 'filename']),
    );
    expect(operation.description).toContain('20 MB');
    expect(spec.paths['/api/hsds/export.json'].get.responses['200']).toBeDefined();
  });
});
