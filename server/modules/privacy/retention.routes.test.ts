import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildEncounter, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signedInAgent>>;
let teamId: string;
beforeAll(async () => {
  t = await createTestApp();
  teamId = (await buildTeam(t.database.db)).id;
  const user = await buildUser(t.database.db, { role: 'admin', name: 'Alix Admin' });
  admin = await signedInAgent(t.app, user.email);
});
afterAll(() => t.close());

describe('retention rules through the API', () => {
  it('lists every rule with its default and bounds, and saves an admin’s change', async () => {
    const listed = (await admin.get('/api/retention/rules')).json();
    expect(listed.rules.find((r: { kind: string }) => r.kind === 'anonymousEncounters')).toMatchObject({
      amount: 36,
      defaultAmount: 36,
      unit: 'months',
      min: 12,
      updatedAt: null,
    });
    expect(listed.purgeHour).toBe(3);
    const saved = await admin.request('PUT', '/api/retention/rules', {
      payload: { rules: { confidentialNotes: 7 }, purgeHour: 4 },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().rules.find((r: { kind: string }) => r.kind === 'confidentialNotes').amount).toBe(7);
    expect(saved.json().purgeHour).toBe(4);
  });

  it.each([
    [{ rules: { anonymousEncounters: 0 } }, 'rules.anonymousEncounters', /Entre 12 et 240 mois/],
    [{ rules: { syncPayloads: 2 } }, 'rules.syncPayloads', /Entre 7 et 3650 jours/],
    [{ rules: { confidentialNotes: 2.5 } }, 'rules.confidentialNotes', /entier/],
    [{ rules: { forever: 12 } }, 'rules.forever', /./],
    [{ purgeHour: 24 }, 'purgeHour', /entre 0 et 23/],
  ])(
    'refuses %j with a 400 naming the field in French and English, and saves nothing',
    async (payload, path, french) => {
      const before = (await admin.get('/api/retention/rules')).json();
      const response = await admin.request('PUT', '/api/retention/rules', { payload });
      expect(response.statusCode).toBe(400);
      const field = response.json().error.fields.find((f: { path: string }) => f.path === path);
      expect(field.message.fr).toMatch(french);
      expect(field.message.en).toBeTruthy();
      expect((await admin.get('/api/retention/rules')).json()).toEqual(before);
    },
  );

  it('runs a dry run then a real purge, both in the log with the admin’s name', async () => {
    await buildEncounter(t.database.db, teamId, { occurredAt: new Date('2019-01-10T10:00:00Z') });
    const dry = await admin.post('/api/retention/dry-run');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, trigger: 'admin', actorName: 'Alix Admin', error: null });
    const anonymous = (run: { results: { kind: string; count: number }[] }) =>
      run.results.find((r) => r.kind === 'anonymousEncounters')?.count;
    expect(anonymous(dry.json())).toBe(1);
    const real = await admin.post('/api/retention/purge');
    expect(real.json()).toMatchObject({ dryRun: false });
    expect(anonymous(real.json())).toBe(1);
    const log = (await admin.get('/api/retention/runs?limit=2')).json().items;
    expect(log.map((r: { id: string }) => r.id)).toEqual([real.json().id, dry.json().id]);
  });

  it('is for admins only', async () => {
    const coordinator = await buildUser(t.database.db, { role: 'coordinator', teamIds: [teamId] });
    const agent = await signedInAgent(t.app, coordinator.email);
    expect((await agent.get('/api/retention/rules')).statusCode).toBe(403);
    expect((await agent.post('/api/retention/purge')).statusCode).toBe(403);
  });
});
