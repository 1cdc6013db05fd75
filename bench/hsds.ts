import { uuidv7 } from '../core/uuid.ts';
import type { DatabaseHandle } from '../server/db/client.ts';
import {
  actors,
  neighbourhoods,
  serviceContacts,
  serviceLocations,
  serviceNeighbourhoods,
  serviceSchedules,
  services,
  teams,
} from '../server/db/schema/index.ts';
import { exportJson } from '../server/modules/hsds/hsds.export.ts';

/**
 * Issue #5's export figure: the whole directory as HSDS 3.0 JSON, with 5 000 services each carrying
 * two locations (address, accessibility), five weekly opening slots, a contact, two neighbourhoods,
 * languages, needs, audiences and required documents. Rows are inserted directly; the export is
 * the app's own function (the same the route answers with), timed over a few runs.
 */
type Timing = { p50: number; p95: number; max: number; runs: number };

const serviceCount = 5_000;
const organisationCount = 500;
const runs = 5;

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0, runs: sorted.length };
}

const names = [
  'Dépannage alimentaire',
  'Comité logement',
  'Clinique d’impôts',
  'Halte-garderie',
  'Cours de français',
  'Travail de rue',
  'Aide aux devoirs',
  'Popote roulante',
];
const needSets = [['food'], ['housing', 'rights'], ['income'], ['family'], ['language', 'migration'], ['substanceUse']];
const streets = ['rue King Est', 'rue Wellington Sud', 'rue Galt Ouest', 'boulevard Jacques-Cartier', 'rue Belvédère'];

async function insertChunks<T>(rows: T[], insert: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

async function fill(database: DatabaseHandle): Promise<void> {
  const { db } = database;
  const teamId = uuidv7();
  const stamp = Date.now().toString(36);
  await db.insert(teams).values({ id: teamId, name: 'Banc HSDS', code: `bench-hsds-${stamp}` });
  const areaIds = Array.from({ length: 12 }, () => uuidv7());
  await db
    .insert(neighbourhoods)
    .values(areaIds.map((id, k) => ({ id, teamId, name: `Quartier ${k + 1}`, code: `bench-hsds-${stamp}-${k}` })));
  const organisationIds = Array.from({ length: organisationCount }, () => uuidv7());
  await insertChunks(
    organisationIds.map((id, k) => ({
      id,
      kind: 'organisation',
      category: 'communityGroup',
      name: `Organisme communautaire ${k + 1}`,
      description: 'Organisme à but non lucratif du quartier.',
      email: `info${k}@organisme.example.org`,
      website: `https://organisme${k}.example.org`,
      phone: '819 555-0100',
      address: `${100 + k}, ${streets[k % streets.length]}`,
      city: 'Sherbrooke',
      postalCode: 'J1H 5C8',
    })),
    (part) => db.insert(actors).values(part),
  );
  const serviceRows: (typeof services.$inferInsert)[] = [];
  const locationRows: (typeof serviceLocations.$inferInsert)[] = [];
  const scheduleRows: (typeof serviceSchedules.$inferInsert)[] = [];
  const contactRows: (typeof serviceContacts.$inferInsert)[] = [];
  const areaRows: (typeof serviceNeighbourhoods.$inferInsert)[] = [];
  for (let k = 0; k < serviceCount; k++) {
    const id = uuidv7();
    serviceRows.push({
      id,
      actorId: organisationIds[k % organisationCount] as string,
      name: `${names[k % names.length]} ${k + 1}`,
      description: 'Accueil sans rendez-vous, accompagnement et référence vers les ressources du quartier.',
      eligibilityDescription: 'Résidents du quartier.',
      applicationProcess: 'Se présenter sur place ou téléphoner.',
      phone: '819 555-0101',
      email: `service${k}@organisme.example.org`,
      url: `https://organisme.example.org/services/${k}`,
      languages: k % 3 === 0 ? ['fr', 'en', 'ar'] : ['fr'],
      needs: needSets[k % needSets.length] as string[],
      audiences: ['families', 'lowIncome'],
      requiredDocuments: ['Preuve de résidence'],
      free: k % 4 !== 0,
      feesDescription: k % 4 === 0 ? '5 $ par visite' : null,
      minimumAge: k % 5 === 0 ? 18 : null,
    });
    const locations = [uuidv7(), uuidv7()];
    locations.forEach((locationId, j) => {
      locationRows.push({
        id: locationId,
        serviceId: id,
        name: j === 0 ? 'Local principal' : 'Point de service',
        address: `${200 + k}, ${streets[(k + j) % streets.length]}`,
        city: 'Sherbrooke',
        region: 'QC',
        postalCode: 'J1G 1A1',
        country: 'CA',
        latitude: 45.4 + (k % 100) / 1000,
        longitude: -71.89 + (k % 100) / 1000,
        accessibility: j === 0 ? 'Entrée de plain-pied' : null,
      });
    });
    for (let day = 1; day <= 5; day++) {
      scheduleRows.push({
        id: uuidv7(),
        serviceId: id,
        locationId: locations[day % 2] as string,
        weekday: day,
        opensAt: '09:00',
        closesAt: day === 5 ? '12:00' : '16:30',
      });
    }
    contactRows.push({
      id: uuidv7(),
      serviceId: id,
      name: 'Accueil',
      email: `accueil${k}@organisme.example.org`,
      phone: '819 555-0102',
    });
    areaRows.push(
      { serviceId: id, neighbourhoodId: areaIds[k % areaIds.length] as string },
      { serviceId: id, neighbourhoodId: areaIds[(k + 5) % areaIds.length] as string },
    );
  }
  await insertChunks(serviceRows, (part) => db.insert(services).values(part));
  await insertChunks(locationRows, (part) => db.insert(serviceLocations).values(part));
  await insertChunks(scheduleRows, (part) => db.insert(serviceSchedules).values(part));
  await insertChunks(contactRows, (part) => db.insert(serviceContacts).values(part));
  await insertChunks(areaRows, (part) => db.insert(serviceNeighbourhoods).values(part));
}

export async function measureHsdsExport(
  database: DatabaseHandle,
  log: (line: string) => void,
): Promise<{ exportMs: Timing; services: number; bytes: number }> {
  log(`  HSDS export: filling ${serviceCount.toLocaleString('en')} services with their nested objects…`);
  await fill(database);
  await database.query('analyze');
  let body = await exportJson(database.db); // warm-up
  const samples: number[] = [];
  // CPU time too: PGlite runs in this process, so it tells the cost when other work shares the machine.
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    body = await exportJson(database.db);
    samples.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const exported = (JSON.parse(body) as { total_items: number }).total_items;
  const figures = { exportMs: timing(samples), services: exported, bytes: Buffer.byteLength(body) };
  log(
    `  HSDS JSON export of ${exported.toLocaleString('en')} services: p50 ${figures.exportMs.p50.toFixed(0)} ms, ` +
      `max ${figures.exportMs.max.toFixed(0)} ms (CPU p50 ${timing(cpu).p50.toFixed(0)} ms), ` +
      `${(figures.bytes / 1024 / 1024).toFixed(1)} MB`,
  );
  return figures;
}
