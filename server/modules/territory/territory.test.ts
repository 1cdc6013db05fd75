import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildNeighbourhood, buildTeam, buildUser } from '../../test-support/factories.ts';
import { fromWgs84, type Position } from './projections.ts';

let t: TestApp;
let coordinator: Agent;
let worker: Agent;
let otherCoordinator: Agent;
let neighbourhoodId: string;

/** A row of `count` squares of 0.01° from (lon, lat), as a publisher in `code` would give them. */
function strip(code: string, prefix: string, lon: number, lat: number, count: number, crs = true) {
  const project = fromWgs84(code);
  return {
    type: 'FeatureCollection',
    ...(crs ? { crs: { type: 'name', properties: { name: `urn:ogc:def:crs:${code.replace(':', '::')}` } } } : {}),
    features: Array.from({ length: count }, (_, k) => {
      const x = lon + k * 0.01;
      const ring: Position[] = [
        [x, lat],
        [x + 0.01, lat],
        [x + 0.01, lat + 0.01],
        [x, lat + 0.01],
        [x, lat],
      ];
      return {
        type: 'Feature',
        properties: { CD_SECTOR: `${prefix}${k + 1}`, TX_SECTOR_DESCR_FR: `Secteur ${k + 1}` },
        geometry: { type: 'Polygon', coordinates: [ring.map(project)] },
      };
    }),
  };
}

async function rowCount(table: string): Promise<number> {
  const result = (await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]?.n);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const team = await buildTeam(db);
  const other = await buildTeam(db);
  neighbourhoodId = (await buildNeighbourhood(db, team.id, { name: 'Cureghem' })).id;
  coordinator = await signedInAgent(t.app, (await buildUser(db, { role: 'coordinator', teamIds: [team.id] })).email);
  worker = await signedInAgent(t.app, (await buildUser(db, { role: 'worker', teamIds: [team.id] })).email);
  otherCoordinator = await signedInAgent(
    t.app,
    (await buildUser(db, { role: 'coordinator', teamIds: [other.id] })).email,
  );
});
afterAll(() => t.close());

describe('territory', () => {
  it('imports Statbel-like sectors in Lambert 72, draws a neighbourhood from them and notes its borders', async () => {
    const file = strip('EPSG:31370', '21004A0', 4.32, 50.83, 3);
    const dry = await coordinator.post('/api/territory/sectors/import', { geojson: file, dryRun: true });
    expect(dry.json()).toMatchObject({ dryRun: true, created: 3, updated: 0, projection: 'EPSG:31370' });
    expect(await rowCount('sectors')).toBe(0);
    const imported = await coordinator.post('/api/territory/sectors/import', { geojson: file, source: 'Statbel 2024' });
    expect(imported.json()).toMatchObject({
      created: 3,
      codeProperty: 'CD_SECTOR',
      nameProperty: 'TX_SECTOR_DESCR_FR',
    });

    const sectors = (await worker.get('/api/territory/sectors')).json().features;
    expect(sectors.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([
      '21004A01',
      '21004A02',
      '21004A03',
    ]);
    const [lon, lat] = sectors[0].geometry.coordinates[0][0][0];
    expect(lon).toBeCloseTo(4.32, 5);
    expect(lat).toBeCloseTo(50.83, 5);

    const drawn = await coordinator.patch(`/api/territory/neighbourhoods/${neighbourhoodId}`, {
      sectorIds: sectors.slice(0, 2).map((f: { id: string }) => f.id),
      realBorders: 'Le canal au nord, la voie ferrée à l’est.',
      symbolicBorders: 'Les jeunes ne traversent pas la chaussée de Mons.',
    });
    expect(drawn.statusCode).toBe(200);
    const territory = drawn.json();
    expect(territory).toMatchObject({ version: 1, realBorders: 'Le canal au nord, la voie ferrée à l’est.' });
    // Two touching squares become one outline of about 1.6 km².
    expect(territory.outline).toHaveLength(1);
    expect(territory.areaSquareMetres / 1e6).toBeGreaterThan(1.4);
    expect(territory.areaSquareMetres / 1e6).toBeLessThan(1.7);
    const inView = (await worker.get(`/api/territory/sectors?neighbourhoodId=${neighbourhoodId}`)).json().features;
    expect(inView).toHaveLength(2);
    expect(inView[0].properties.neighbourhoodIds).toEqual([neighbourhoodId]);

    // A second edition of the file updates shapes in place, and the outline follows.
    const moved = await coordinator.post('/api/territory/sectors/import', {
      geojson: strip('EPSG:31370', '21004A0', 4.32, 50.83, 4),
    });
    expect(moved.json()).toMatchObject({ created: 1, updated: 3 });
    expect((await worker.get(`/api/territory/neighbourhoods/${neighbourhoodId}`)).json().version).toBe(2);
  });

  it('refuses a broken or unknown file with the feature named, and changes nothing', async () => {
    const before = await rowCount('sectors');
    const broken = strip('EPSG:4326', 'B', 4.4, 50.9, 3, false);
    (broken.features[2]!.geometry.coordinates[0] as Position[]).pop();
    const refused = await coordinator.post('/api/territory/sectors/import', { geojson: broken });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'geojson.features.2',
        message: expect.objectContaining({ fr: expect.stringContaining('fermé') }),
      }),
    ]);
    const unknown = await coordinator.post('/api/territory/sectors/import', {
      geojson: strip('EPSG:4326', 'U', 4.4, 50.9, 1, false),
      projection: 'EPSG:2154',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields[0].message.en).toContain('Unknown projection');
    expect((await coordinator.post('/api/territory/sectors/import', { geojson: 'nope' })).statusCode).toBe(400);
    expect(await rowCount('sectors')).toBe(before);
  });

  it('imports indicator tables, maps one year in quintiles and ranks sectors for a new neighbourhood', async () => {
    await coordinator.post('/api/territory/sectors/import', { geojson: strip('EPSG:32198', 'R', -71.9, 45.39, 5) });
    const csv = [
      'secteur;indicateur;année;valeur;source',
      ...[
        ['R1', 31000, 0.05, 9000],
        ['R2', 19000, 0.09, 8000],
        ['R3', 16500, 0.11, 7000],
        ['R4', 22000, 0.07, 12000],
        ['R5', 41000, 0.04, 6000],
      ].flatMap(([code, income, diabetes, population]) => [
        `${code};median_income;2021;${income};Statistique Canada`,
        `${code};diabetes_rate;2021;${String(diabetes).replace('.', ',')};INSPQ`,
        `${code};population;2021;${population};Statistique Canada`,
      ]),
    ].join('\n');
    const dry = await coordinator.post('/api/territory/indicators/import', { csv, dryRun: true });
    expect(dry.json()).toMatchObject({ rows: 15, created: 15, updated: 0 });
    expect(await rowCount('indicator_values')).toBe(0);
    expect((await coordinator.post('/api/territory/indicators/import', { csv })).json().created).toBe(15);

    const indicators = (await worker.get('/api/territory/indicators')).json().items;
    expect(indicators.find((i: { code: string }) => i.code === 'median_income')).toMatchObject({
      label: { fr: 'Revenu médian', en: 'Median income' },
      need: 'lower',
      years: [2021],
    });
    const map = (await worker.get('/api/territory/indicators/diabetes_rate/2021')).json();
    expect(map.values).toHaveLength(5);
    expect(map.values.find((v: { code: string }) => v.code === 'R3').value).toBeCloseTo(0.11, 10);
    expect(map.breaks).toHaveLength(4);

    const sectorIds = (await worker.get('/api/territory/sectors?bbox=-72,45,-71.8,45.5'))
      .json()
      .features.map((f: { id: string }) => f.id);
    expect(sectorIds).toHaveLength(5);
    const ranking = await worker.post('/api/territory/ranking', {
      criteria: [
        { indicator: 'median_income', year: 2021, weight: 2, need: 'lower' },
        { indicator: 'diabetes_rate', year: 2021, weight: 1, need: 'higher' },
      ],
      population: { indicator: 'population', year: 2021 },
      target: { min: 20000, max: 30000 },
      sectorIds,
    });
    expect(ranking.statusCode).toBe(200);
    const { ranked, zone } = ranking.json();
    expect(ranked.map((r: { code: string }) => r.code)).toEqual(['R3', 'R2', 'R4', 'R1', 'R5']);
    expect(zone).toMatchObject({ population: 27000, reachesTarget: true });
    expect(zone.sectorIds).toHaveLength(3);
  });

  it('refuses a bad table row by row, and other teams’ or workers’ drawing', async () => {
    const refused = await coordinator.post('/api/territory/indicators/import', {
      csv: 'sector;indicator;year;value\nNOPE;density;2021;12\nR1;density;deux mille;3\n',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['csv.2.sector', 'csv.3.year']);
    expect((await worker.post('/api/territory/indicators/import', { csv: 'a' })).statusCode).toBe(403);
    const drawn = await otherCoordinator.patch(`/api/territory/neighbourhoods/${neighbourhoodId}`, {
      realBorders: 'x',
    });
    expect(drawn.statusCode).toBe(403);
    const stale = await coordinator.patch(`/api/territory/neighbourhoods/${neighbourhoodId}`, {
      realBorders: 'Une autre version',
      baseVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBeGreaterThan(1);
    const twice = await worker.post('/api/territory/ranking', {
      criteria: [
        { indicator: 'density', year: 2021, weight: 1, need: 'higher' },
        { indicator: 'density', year: 2021, weight: 2, need: 'higher' },
      ],
      population: { indicator: 'population', year: 2021 },
      target: { min: 1, max: 2 },
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.fields[0].path).toBe('criteria.1.indicator');
    expect((await worker.get('/api/territory/indicators/nothing/2021')).statusCode).toBe(404);
  });
});
