import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildTeam, buildUser } from '../../test-support/factories.ts';
import { addDays, isoDay } from './time.scope.ts';

let t: TestApp;
let ana: Agent;
let ben: Agent;
let other: Agent;
let admin: Agent;
let teamA: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  const teamB = (await buildTeam(db)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA], name: 'Ana' })).email);
  ben = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA], name: 'Ben' })).email);
  other = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
});
afterAll(() => t.close());

const today = isoDay(new Date());
const put = (agent: Agent, onDate: string, payload: Record<string, unknown>) =>
  agent.request('PUT', `/api/team-log/days/${onDate}`, { payload });

describe('the daily team log', () => {
  it('is one page a day shared by the binôme: each saves from the version they read', async () => {
    const first = await put(ana, today, { highlights: 'Belle tournée au parc', toPassOn: 'Rappeler la pharmacie' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ version: 1, authors: [{ name: 'Ana' }] });

    // Ben opened the page before Ana's save: he has no version, so he sees hers instead of erasing it.
    const blind = await put(ben, today, { difficulties: 'Pluie' });
    expect(blind.statusCode).toBe(409);
    expect(blind.json().current).toMatchObject({ toPassOn: 'Rappeler la pharmacie' });

    const added = await put(ben, today, {
      baseVersion: 1,
      highlights: 'Belle tournée au parc',
      difficulties: 'Pluie',
      toPassOn: 'Rappeler la pharmacie',
    });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ version: 2, updatedByName: 'Ben' });
    expect(added.json().authors.map((a: { name: string }) => a.name)).toEqual(['Ana', 'Ben']);

    const stale = await put(ana, today, { baseVersion: 1, highlights: 'Écrasé ?' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(2);

    const log = (await ana.get('/api/team-log')).json();
    expect(log.items[0]).toMatchObject({ onDate: today, difficulties: 'Pluie', version: 2 });
  });

  it('keeps past days as they were read', async () => {
    const old = await put(ana, addDays(today, -5), { highlights: 'Trop tard' });
    expect(old.statusCode).toBe(422);
    expect(old.json().error.fields[0]).toMatchObject({ path: 'onDate', message: { en: expect.any(String) } });
    expect((await put(ana, 'hier', {})).statusCode).toBe(400);
    const tooLong = await put(ana, today, { baseVersion: 2, highlights: 'x'.repeat(4001) });
    expect(tooLong.statusCode).toBe(400);
    expect((await ana.get('/api/team-log')).json().items[0].version).toBe(2);
  });

  it('keeps other teams out, and asks an admin for a reason (that read is logged)', async () => {
    expect((await other.get(`/api/team-log?teamId=${teamA}`)).statusCode).toBe(404);
    expect((await put(other, today, { teamId: teamA, highlights: 'Intrus' })).statusCode).toBe(422);
    expect((await admin.get(`/api/team-log?teamId=${teamA}`)).statusCode).toBe(403);
    const reason = { headers: { 'x-access-reason': encodeURIComponent('Demande de la direction') } };
    expect((await admin.get(`/api/team-log?teamId=${teamA}`, reason)).statusCode).toBe(200);
    expect((await put(admin, today, { teamId: teamA })).statusCode).toBe(403);
  });
});
