import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildTeam, buildUser } from '../../test-support/factories.ts';

type Entry = {
  action: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  reason: string | null;
};

let t: TestApp;
let admin: Agent;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  const user = await buildUser(t.database.db, { role: 'admin' });
  adminId = user.id;
  admin = await signedInAgent(t.app, user.email);
});
afterAll(() => t.close());

const entries = async (query: string): Promise<Entry[]> => {
  const response = await admin.get(`/api/audit?${query}`);
  expect(response.statusCode).toBe(200);
  return response.json().items;
};

describe('audit log', () => {
  it('records every write with who, what, which record and from where', async () => {
    const created = await admin.post(
      '/api/teams',
      { name: 'Équipe Ascot', code: 'audit-ascot' },
      { headers: { 'user-agent': 'Téléphone de terrain' } },
    );
    const teamId = created.json().id;
    await admin.patch(`/api/teams/${teamId}`, { name: 'Équipe Ascot-Nord' });
    const [update, create] = await entries(`entityId=${teamId}`);
    expect(create).toMatchObject({ action: 'create', entityType: 'team', actorId: adminId });
    expect(update).toMatchObject({ action: 'update', entityType: 'team', actorId: adminId });
    expect(create).toMatchObject({ ip: '127.0.0.1', userAgent: 'Téléphone de terrain', actorRole: 'admin' });
  });

  it('records a read of a person-level record, with the reason given', async () => {
    const team = await buildTeam(t.database.db);
    const worker = await buildUser(t.database.db, { teamIds: [team.id] });
    await admin.get(`/api/users/${worker.id}`, { headers: { 'x-access-reason': 'Demande de la coordination' } });
    const [read] = await entries(`entityId=${worker.id}&action=read`);
    expect(read).toMatchObject({
      action: 'read',
      entityType: 'user',
      actorId: adminId,
      reason: 'Demande de la coordination',
    });
  });

  it('filters by action, record type, author and period, and pages', async () => {
    const other = await buildUser(t.database.db, { role: 'admin' });
    const otherAgent = await signedInAgent(t.app, other.email);
    await otherAgent.post('/api/teams', { name: 'Équipe Cureghem', code: 'audit-cureghem' });
    const byOther = await entries(`actorId=${other.id}&action=create`);
    expect(byOther).toHaveLength(1);
    expect(byOther[0]).toMatchObject({ entityType: 'team', actorId: other.id });
    expect((await entries('entityType=team')).every((e) => e.entityType === 'team')).toBe(true);
    expect(await entries(`from=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    const firstPage = await admin.get('/api/audit?limit=2');
    expect(firstPage.json().items).toHaveLength(2);
    expect(firstPage.json().total).toBeGreaterThan(2);
    const secondPage = await admin.get('/api/audit?limit=2&offset=2');
    expect(secondPage.json().items[0].id).not.toBe(firstPage.json().items[0].id);
  });

  it('cannot be changed or erased, even by the application itself', async () => {
    await admin.patch('/api/settings', { deploymentName: 'Relais Sherbrooke' });
    const before = await t.database.query<{ total: string }>('select count(*)::text as total from audit_log');
    for (const statement of ["update audit_log set reason = 'effacé'", 'delete from audit_log', 'truncate audit_log']) {
      await expect(t.database.query(statement)).rejects.toThrow(/append-only/);
    }
    const after = await t.database.query<{ total: string }>('select count(*)::text as total from audit_log');
    expect(after[0]?.total).toBe(before[0]?.total);
  });

  it('is closed to workers, and shows a coordinator only what concerns their teams (none: nothing)', async () => {
    const worker = await signedInAgent(t.app, (await buildUser(t.database.db, { role: 'worker' })).email);
    expect((await worker.get('/api/audit')).statusCode).toBe(403);
    const coordinator = await buildUser(t.database.db, { role: 'coordinator' });
    const agent = await signedInAgent(t.app, coordinator.email);
    const seen = await agent.get('/api/audit');
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual({ items: [], total: 0 });
  });
});
