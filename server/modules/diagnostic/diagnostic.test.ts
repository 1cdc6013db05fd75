import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildNamedEncounters, buildNeedSignal, buildPlaceIn } from '../../test-support/diagnostic-factories.ts';
import { buildNeighbourhood, buildTeam, buildUser } from '../../test-support/factories.ts';
import { pdfText } from '../../test-support/pdf-text.ts';
import { buildSector } from '../../test-support/territory-factories.ts';
import { renderDiagnosticPdf } from './diagnostic.pdf.ts';

let t: TestApp;
let hoodId: string;
let teamId: string;
let parkId: string;
let coordinator: Agent;
let worker: Agent;
let otherCoordinator: Agent;
let admin: Agent;

const sections = (history: string) => ({
  history,
  population: 'Beaucoup de familles monoparentales et de nouveaux arrivants.',
  livingConditions: '',
  needs: 'Logement insalubre, insécurité alimentaire.',
  resources: 'Une table de concertation active.',
  gaps: '',
});
const body = (baseVersion: number, extra: Record<string, unknown> = {}) => ({
  baseVersion,
  title: 'Diagnostic 2026',
  sections: sections('Ancien quartier ouvrier, près de la voie ferrée.'),
  priorities: [{ title: 'Se loger dignement', detail: 'Mobiliser les locataires.' }],
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const team = await buildTeam(db);
  const other = await buildTeam(db);
  teamId = team.id;
  hoodId = (await buildNeighbourhood(db, team.id, { name: 'Ascot' })).id;
  await buildNeighbourhood(db, other.id);
  coordinator = await signedInAgent(t.app, (await buildUser(db, { role: 'coordinator', teamIds: [team.id] })).email);
  worker = await signedInAgent(t.app, (await buildUser(db, { role: 'worker', teamIds: [team.id] })).email);
  otherCoordinator = await signedInAgent(
    t.app,
    (await buildUser(db, { role: 'coordinator', teamIds: [other.id] })).email,
  );
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
  // Two sectors of 1 000 and 3 000 inhabitants; median income 20 000 and 40 000 → weighted 35 000.
  const a = await buildSector(db, { lon: 4.35 });
  const b = await buildSector(db, { lon: 4.36 });
  const patched = await coordinator.patch(`/api/territory/neighbourhoods/${hoodId}`, {
    sectorIds: [a.id, b.id],
  });
  expect(patched.statusCode).toBe(200);
  const csv = [
    'sector;indicator;year;value;source',
    `${a.code};population;2021;1000;Recensement 2021`,
    `${b.code};population;2021;3000;Recensement 2021`,
    `${a.code};median_income;2021;20000;Recensement 2021`,
    `${b.code};median_income;2021;40000;Recensement 2021`,
  ].join('\n');
  expect((await coordinator.post('/api/territory/indicators/import', { csv })).statusCode).toBe(200);
  const park = await buildPlaceIn(db, team.id, hoodId, 'Parc Jacques-Cartier');
  parkId = park.id;
  await buildPlaceIn(db, team.id, hoodId, 'Square oublié');
  await buildNamedEncounters(db, { teamId: team.id, placeId: park.id, needs: ['housing'], count: 7, known: 2 });
  await buildNeedSignal(db, team.id, hoodId, { need: 'housing', encounters: 14, people: 3 });
});
afterAll(() => t.close());

describe('diagnostic', () => {
  it('starts empty for a neighbourhood of the team', async () => {
    const response = await worker.get(`/api/diagnostics/neighbourhoods/${hoodId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: null, currentVersion: 0, latest: null, neighbourhoodName: 'Ascot' });
    const list = (await worker.get('/api/diagnostics')).json().items;
    expect(list).toEqual([expect.objectContaining({ neighbourhoodId: hoodId, diagnosticId: null, status: null })]);
  });

  it('pulls live figures: indicators joined over sectors, coverage, open signals, network', async () => {
    const response = await worker.get(`/api/diagnostics/neighbourhoods/${hoodId}/figures`);
    expect(response.statusCode).toBe(200);
    const figures = response.json();
    expect(figures.sectorCount).toBe(2);
    const byCode = Object.fromEntries(figures.indicators.map((i: { code: string }) => [i.code, i]));
    expect(byCode.population).toMatchObject({ value: 4000, method: 'sum', year: 2021, source: 'Recensement 2021' });
    expect(byCode.median_income).toMatchObject({ value: 35000, method: 'populationWeighted' });
    expect(figures.coverage).toMatchObject({ encounters: 7, places: 2 });
    expect(figures.coverage.placesNotVisited.map((p: { name: string }) => p.name)).toEqual(['Square oublié']);
    expect(figures.signals).toEqual([
      expect.objectContaining({ need: 'housing', encounters: 14, people: '<5', status: 'new' }),
    ]);
    expect(figures.network).toMatchObject({ actors: 0, ties: 0 });
  });

  it('saves each version on top of the last; a stale save answers 409 and loses nothing', async () => {
    const first = await worker.post(`/api/diagnostics/neighbourhoods/${hoodId}/versions`, body(0));
    expect(first.statusCode).toBe(201);
    const saved = first.json();
    expect(saved).toMatchObject({ currentVersion: 1, latest: { number: 1, status: 'draft', figures: null } });
    const priorityId = saved.latest.priorities[0].id;
    expect(priorityId).toMatch(/^[0-9a-f-]{36}$/);

    const stale = await coordinator.post(
      `/api/diagnostics/neighbourhoods/${hoodId}/versions`,
      body(0, { title: 'Autre version' }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.latest.title).toBe('Diagnostic 2026');

    const second = await coordinator.post(
      `/api/diagnostics/neighbourhoods/${hoodId}/versions`,
      body(1, {
        sections: sections('Quartier ouvrier né avec le chemin de fer.'),
        priorities: [{ id: priorityId, title: 'Se loger dignement' }, { title: 'Briser l’isolement des aînés' }],
      }),
    );
    expect(second.statusCode).toBe(201);
    expect(second.json().latest.priorities[0].id).toBe(priorityId);
    expect(second.json().versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const diagnosticId = second.json().id;
    const earlier = (await worker.get(`/api/diagnostics/${diagnosticId}/versions/1`)).json();
    expect(earlier.sections.history).toBe('Ancien quartier ouvrier, près de la voie ferrée.');
  });

  it('refuses bad input naming the field, and saves nothing', async () => {
    const url = `/api/diagnostics/neighbourhoods/${hoodId}/versions`;
    const period = await worker.post(url, body(2, { periodFrom: '2026-12-31', periodTo: '2026-01-01' }));
    expect(period.statusCode).toBe(400);
    expect(period.json().error.fields[0].path).toBe('periodTo');
    const untitled = await worker.post(url, body(2, { title: ' ' }));
    expect(untitled.json().error.fields[0].path).toBe('title');
    const sectionName = await worker.post(url, body(2, { sections: { ...sections('x'), weather: 'sunny' } }));
    expect(sectionName.statusCode).toBe(400);
    const id = '0196f5a0-0000-7000-8000-000000000001';
    const twice = await worker.post(
      url,
      body(2, {
        priorities: [
          { id, title: 'A' },
          { id, title: 'B' },
        ],
      }),
    );
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.fields[0].path).toBe('priorities.1.id');
    expect((await worker.get(`/api/diagnostics/neighbourhoods/${hoodId}`)).json().currentVersion).toBe(2);
    const figures = await worker.get(`/api/diagnostics/neighbourhoods/${hoodId}/figures?from=2026-12-31&to=2026-01-01`);
    expect(figures.statusCode).toBe(400);
    expect(figures.json().error.fields[0].path).toBe('to');
    const diagnosticId = (await worker.get(`/api/diagnostics/neighbourhoods/${hoodId}`)).json().id;
    const pdf = await worker.get(`/api/diagnostics/${diagnosticId}/pdf?version=abc&lang=de`);
    expect(pdf.statusCode).toBe(400);
    expect(
      pdf
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['lang', 'version']);
  });

  it('freezes the figures when a coordinator publishes; later field work does not change them', async () => {
    const url = `/api/diagnostics/neighbourhoods/${hoodId}/versions`;
    const byWorker = await worker.post(url, body(2, { publish: true }));
    expect(byWorker.statusCode).toBe(403);
    expect(byWorker.json().error.fields[0].path).toBe('publish');
    const published = await coordinator.post(url, body(2, { publish: true }));
    expect(published.statusCode).toBe(201);
    const frozen = published.json().latest.figures;
    expect(frozen.coverage.encounters).toBe(7);
    const park = (await worker.get(`/api/diagnostics/neighbourhoods/${hoodId}/figures`)).json();
    expect(park.coverage.encounters).toBe(7);
    await buildNamedEncounters(t.database.db, { teamId, placeId: parkId, needs: ['food'], count: 5 });
    const live = (await worker.get(`/api/diagnostics/neighbourhoods/${hoodId}/figures`)).json();
    expect(live.coverage.encounters).toBe(12);
    const diagnosticId = published.json().id;
    const again = (await worker.get(`/api/diagnostics/${diagnosticId}/versions/3`)).json();
    expect(again.figures.coverage.encounters).toBe(7);
    expect(again.status).toBe('published');
  });

  it('keeps a neighbourhood’s diagnostic to its team; an admin reads it with a reason', async () => {
    const unknown = '0196f5a0-0000-7000-8000-0000000000ff';
    expect((await worker.get(`/api/diagnostics/neighbourhoods/${unknown}`)).statusCode).toBe(404);
    expect((await otherCoordinator.get(`/api/diagnostics/neighbourhoods/${hoodId}`)).statusCode).toBe(404);
    expect((await otherCoordinator.get(`/api/diagnostics/neighbourhoods/${hoodId}/figures`)).statusCode).toBe(404);
    const write = await otherCoordinator.post(`/api/diagnostics/neighbourhoods/${hoodId}/versions`, body(3));
    expect(write.statusCode).toBe(404);
    expect((await admin.get(`/api/diagnostics/neighbourhoods/${hoodId}`)).json().error.code).toBe('reason_required');
    const read = await admin.get(`/api/diagnostics/neighbourhoods/${hoodId}`, {
      headers: { 'x-access-reason': 'Audit' },
    });
    expect(read.json().currentVersion).toBe(3);
    const { id } = read.json();
    expect((await otherCoordinator.get(`/api/diagnostics/${id}/pdf`)).statusCode).toBe(404);
  });

  it('exports a version as a PDF with French or English headings and small counts as "<5"', async () => {
    const { id } = (await worker.get(`/api/diagnostics/neighbourhoods/${hoodId}`)).json();
    const response = await worker.get(`/api/diagnostics/${id}/pdf?version=3`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('diagnostic-ascot-v3.pdf');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(response.rawPayload.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect((await worker.get(`/api/diagnostics/${id}/pdf?version=9`)).statusCode).toBe(404);

    const version = (await worker.get(`/api/diagnostics/${id}/versions/3`)).json();
    const printed = { neighbourhoodName: 'Ascot', version, figures: version.figures, live: false };
    const french = pdfText(await renderDiagnosticPdf(printed, 'fr', { compress: false }));
    for (const expected of [
      'Diagnostic de quartier — Ascot',
      'Histoire',
      'Ancien quartier ouvrier, près de la voie ferrée.',
      'Conditions de vie',
      'Section non rédigée.',
      '1. Se loger dignement',
      'Revenu médian ($)',
      'Recensement 2021',
      'somme, 2 secteurs',
      'Signaux de besoins ouverts',
      'Logement',
      '<5',
      'Square oublié',
      'Chiffres figés à la publication',
    ])
      expect(french).toContain(expected);
    const english = pdfText(await renderDiagnosticPdf(printed, 'en', { compress: false }));
    for (const expected of ['Neighbourhood diagnostic — Ascot', 'Living conditions', 'Open need signals', 'Housing'])
      expect(english).toContain(expected);
    expect(english).not.toContain('Histoire');
  });
});
