import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildNeighbourhood, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let other: Agent;
let admin: Agent;
let teamA: string;
let neighbourhood: string;
let anaId: string;

const fieldsOf = (body: { error: { fields?: { path: string }[] } }) =>
  (body.error.fields ?? []).map((f) => f.path).sort();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  const teamB = (await buildTeam(db)).id;
  neighbourhood = (await buildNeighbourhood(db, teamA)).id;
  const user = await buildUser(db, { teamIds: [teamA], name: 'Ana Lopez' });
  anaId = user.id;
  ana = await signedInAgent(t.app, user.email);
  other = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
});
afterAll(() => t.close());

describe('organisations', () => {
  it('are created by a worker, shared with every team, read but not written by an admin', async () => {
    const created = await ana.post('/api/actors', {
      kind: 'organisation',
      category: 'food',
      name: 'Moisson Estrie',
      phone: '819 555-0199',
      city: 'Sherbrooke',
      languages: ['fr', 'EN'],
      neighbourhoodIds: [neighbourhood],
      isHostPartner: true,
      hostedWorkers: [{ userId: anaId, sharePercent: 40 }],
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      teamId: null,
      languages: ['fr', 'en'],
      neighbourhoodIds: [neighbourhood],
      isHostPartner: true,
      hostedWorkers: [{ userId: anaId, name: 'Ana Lopez', sharePercent: 40 }],
      contact: { phone: '819 555-0199', city: 'Sherbrooke' },
      version: 1,
    });
    expect((await other.get(`/api/actors/${body.id}`)).json().name).toBe('Moisson Estrie');
    expect((await admin.get(`/api/actors/${body.id}`)).statusCode).toBe(200);
    expect((await admin.patch(`/api/actors/${body.id}`, { baseVersion: 1, name: 'X' })).statusCode).toBe(403);
    const changed = await other.patch(`/api/actors/${body.id}`, {
      baseVersion: 1,
      description: 'Banque alimentaire régionale',
    });
    expect(changed.json()).toMatchObject({ version: 2, description: 'Banque alimentaire régionale' });
  });

  it('answers a stale version with 409 and the current record', async () => {
    const id = (
      await ana.post('/api/actors', { kind: 'organisation', category: 'housing', name: 'Comité logement' })
    ).json().id;
    await ana.patch(`/api/actors/${id}`, { baseVersion: 1, city: 'Sherbrooke' });
    const stale = await ana.patch(`/api/actors/${id}`, { baseVersion: 1, city: 'Magog' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: { code: 'version_conflict' },
      current: { version: 2, contact: { city: 'Sherbrooke' } },
    });
  });

  it('refuses bad input field by field, never a 500', async () => {
    const bad = await ana.post('/api/actors', {
      kind: 'organisation',
      category: 'pivot',
      name: 'Mauvais',
      neighbourhoodIds: ['00000000-0000-7000-8000-000000000000'],
      hostedWorkers: [{ userId: '00000000-0000-7000-8000-000000000001' }],
      isHostPartner: false,
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad.json())).toEqual(['category', 'hostedWorkers', 'hostedWorkers.0.userId', 'neighbourhoodIds.0']);
    const teamed = await ana.post('/api/actors', { kind: 'organisation', category: 'food', name: 'X', teamId: teamA });
    expect(fieldsOf(teamed.json())).toEqual(['teamId']);
    const schema = await ana.post('/api/actors', {
      kind: 'organisation',
      category: 'food',
      name: '',
      website: 'ftp://x',
    });
    expect(schema.statusCode).toBe(400);
    expect(fieldsOf(schema.json())).toEqual(expect.arrayContaining(['name', 'website']));
  });

  it('are listed and searched by name without accents or with a typo; deactivated ones leave the list', async () => {
    await ana.post('/api/actors', {
      kind: 'organisation',
      category: 'healthSocial',
      name: 'Centre de santé Élisabeth-Bruyère',
    });
    const find = async (search: string) =>
      (await other.get(`/api/actors?search=${encodeURIComponent(search)}`))
        .json()
        .items.map((a: { name: string }) => a.name);
    expect(await find('elisabeth bruyere')).toContain('Centre de santé Élisabeth-Bruyère');
    expect(await find('Elizabeth')).toContain('Centre de santé Élisabeth-Bruyère');
    const id = (
      await ana.post('/api/actors', {
        kind: 'organisation',
        category: 'culture',
        name: 'Maison de la culture Fleurimont',
      })
    ).json().id;
    const gone = await ana.post(`/api/actors/${id}/deactivate`, {});
    expect(gone.json()).toMatchObject({ active: false, version: 2 });
    expect(await find('Fleurimont')).toEqual([]);
    const all = (await ana.get('/api/actors?search=Fleurimont&includeInactive=true')).json();
    expect(all.items).toHaveLength(1);
  });
});

describe('key persons', () => {
  let keyPerson: string;

  it('belong to one team: contact details only under consent', async () => {
    const refused = await ana.post('/api/actors', {
      kind: 'keyPerson',
      category: 'pivot',
      name: 'Madame Rose',
      phone: '819 555-0111',
    });
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused.json())).toEqual(['phone']);
    const created = await ana.post('/api/actors', {
      kind: 'keyPerson',
      category: 'pivot',
      name: 'Madame Rose',
      phone: '819 555-0111',
      consent: { scope: 'identityAndContact' },
    });
    expect(created.statusCode).toBe(201);
    keyPerson = created.json().id;
    expect(created.json()).toMatchObject({
      teamId: teamA,
      contact: { phone: '819 555-0111' },
      consent: { scope: 'identityAndContact', recordedBy: anaId },
    });
    const bare = await ana.post('/api/actors', {
      kind: 'keyPerson',
      category: 'naturalHelper',
      name: 'Le voisin du 12',
    });
    expect(bare.json()).toMatchObject({ contact: null, consent: null });
    expect(
      (await ana.patch(`/api/actors/${bare.json().id}`, { baseVersion: 1, email: 'v@example.org' })).statusCode,
    ).toBe(422);
  });

  it('are not found by another team, listed for their team only, and every read is logged', async () => {
    expect((await other.get(`/api/actors/${keyPerson}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/actors/${keyPerson}`, { baseVersion: 1, name: 'X' })).statusCode).toBe(404);
    expect((await other.get('/api/actors?kind=keyPerson')).json().items).toEqual([]);
    expect((await ana.get('/api/actors?search=rose')).json().items.map((a: { id: string }) => a.id)).toContain(
      keyPerson,
    );
    expect((await other.get('/api/directory/search?q=rose')).json().actors).toEqual([]);
    expect((await admin.get(`/api/actors/${keyPerson}`)).statusCode).toBe(403);
    expect(
      (
        await admin.get(`/api/actors/${keyPerson}`, {
          headers: { 'x-access-reason': encodeURIComponent('Vérification') },
        })
      ).statusCode,
    ).toBe(200);
    await ana.get(`/api/actors/${keyPerson}`);
    const reads = (await t.database.db.execute(
      sql`select actor_role, reason from audit_log where entity_id = ${keyPerson} and action = 'read' order by id`,
    )) as unknown as { rows: { actor_role: string; reason: string | null }[] };
    expect(reads.rows).toEqual([
      { actor_role: 'admin', reason: 'Vérification' },
      { actor_role: 'worker', reason: null },
    ]);
  });
});
