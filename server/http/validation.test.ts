import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAgent } from '../test-support/agent.ts';
import { createTestApp, type TestApp } from '../test-support/app.ts';
import { buildTeam, buildUser } from '../test-support/factories.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signedInAgent>>;
let teamId: string;
beforeAll(async () => {
  t = await createTestApp({ bodyLimitBytes: 4096 });
  const user = await buildUser(t.database.db, { role: 'admin' });
  admin = await signedInAgent(t.app, user.email);
  teamId = (await buildTeam(t.database.db, { name: 'Ascot', code: 'ascot' })).id;
});
afterAll(() => t.close());

type ErrorAnswer = {
  code: string;
  message: { fr: string; en: string };
  fields?: { path: string; message: { fr: string; en: string } }[];
};
const errorOf = (response: { json(): { error: ErrorAnswer } }) => response.json().error;

describe('bad input', () => {
  it('names every bad field, in French and in English', async () => {
    const response = await admin.post('/api/users', { email: 'pas-un-courriel', name: '', role: 'chef' });
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('invalid_input');
    expect(error.fields?.map((f) => f.path).sort()).toEqual(['email', 'name', 'role']);
    for (const field of error.fields ?? []) {
      expect(field.message.fr.length).toBeGreaterThan(3);
      expect(field.message.en.length).toBeGreaterThan(3);
      expect(field.message.fr).not.toBe(field.message.en);
    }
    expect(error.message.fr).toContain('email');
  });

  it('words a contract’s own rules in both languages too', async () => {
    const worker = await signedInAgent(t.app, (await buildUser(t.database.db, { teamIds: [teamId] })).email);
    const same = crypto.randomUUID();
    const response = await worker.post('/api/ties', { actorAId: same, actorBId: same, kind: 'collaboration' });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).fields).toEqual([
      {
        path: 'actorBId',
        message: { fr: 'Choisissez deux acteurs différents.', en: 'Choose two different actors.' },
      },
    ]);
  });

  it('refuses unknown fields by name, and saves nothing', async () => {
    const response = await admin.post('/api/teams', { name: 'Jardins-Fleuris', code: 'jardins', isAdmin: true });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).fields?.map((f) => f.path)).toEqual(['isAdmin']);
    const teams = (await admin.get('/api/teams')).json().items.map((team: { code: string }) => team.code);
    expect(teams).not.toContain('jardins');
  });

  it('refuses unknown query parameters and bad ids in the address', async () => {
    const unknownQuery = await admin.get('/api/users?sort=name');
    expect(unknownQuery.statusCode).toBe(400);
    expect(errorOf(unknownQuery).fields?.[0]?.path).toBe('sort');
    const badId = await admin.get('/api/users/42');
    expect(badId.statusCode).toBe(400);
    expect(errorOf(badId).fields?.[0]?.path).toBe('id');
  });

  it('answers malformed JSON with a 400 in both languages and no stack trace', async () => {
    const response = await admin.request('POST', '/api/teams', {
      payload: '{"name": "Ascot",',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({
      code: 'malformed_json',
      message: { fr: expect.any(String), en: expect.any(String) },
    });
    expect(response.body).not.toMatch(/at .*\.ts:\d+|stack/i);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await admin.request('POST', '/api/teams', {
      payload: 'name=Ascot',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(415);
  });

  it('refuses an oversized body with a 413', async () => {
    const response = await admin.post('/api/teams', { name: 'x'.repeat(10_000), code: 'trop-long' });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).code).toBe('body_too_large');
  });

  it('answers an empty body where one is needed with a 400', async () => {
    const response = await admin.request('POST', '/api/teams', { headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
  });

  it('answers a taken code with a 409 naming the field, and keeps the first record', async () => {
    const response = await admin.post('/api/teams', { name: 'Autre Ascot', code: 'ascot' });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).fields?.[0]?.path).toBe('code');
    const team = (await admin.get(`/api/teams/${teamId}`)).json();
    expect(team.name).toBe('Ascot');
  });

  it('answers an unknown team with a 422 naming the field', async () => {
    const response = await admin.post('/api/neighbourhoods', {
      name: 'Quartier',
      code: 'quartier',
      teamId: '01900000-0000-7000-8000-000000000000',
    });
    expect(response.statusCode).toBe(422);
    expect(errorOf(response).fields?.[0]?.path).toBe('teamId');
  });

  it('answers an unknown address with a bilingual 404', async () => {
    const response = await admin.get('/api/nowhere');
    expect(response.statusCode).toBe(404);
    expect(errorOf(response).message).toEqual({ fr: expect.any(String), en: expect.any(String) });
  });
});

describe('API description', () => {
  it('serves OpenAPI with every API route and its schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    const documented = Object.keys(spec.paths);
    for (const route of t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))) {
      if (route.url === '/api/openapi.json') continue;
      expect(documented).toContain(route.url.replace(/:(\w+)/g, '{$1}'));
    }
    expect(spec.paths['/api/users'].post.requestBody.content['application/json'].schema.required).toContain('email');
  });

  it('answers health with the database checked', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({ status: 'ok' });
  });
});

describe('health without a database', () => {
  it('answers 503, not ok, when the database is gone', async () => {
    const broken = await createTestApp();
    await broken.database.close();
    const response = await broken.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('database_unavailable');
    await broken.app.close();
  });
});
