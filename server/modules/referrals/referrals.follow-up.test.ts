import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../test-support/agent.ts';
import type { TestApp } from '../../test-support/app.ts';
import { buildPerson } from '../../test-support/factories.ts';
import { auditOf as auditIn, daysAgo, referralWorld, today } from './referrals.fixture.ts';

let t: TestApp;
let ana: Agent;
let ben: Agent;
let stranger: Agent;
let coordinator: Agent;
let admin: Agent;
let teamA: string;
let serviceId: string;
const auditOf = (entityType: string, entityId: string) => auditIn(t, entityType, entityId);

beforeAll(async () => {
  ({ t, ana, ben, stranger, coordinator, admin, teamA, serviceId } = await referralWorld());
});
afterAll(() => t.close());

describe('check-backs', () => {
  it('puts an open referral on its maker’s day at day 7 and day 30 until something is recorded', async () => {
    const referral = (
      await ana.post('/api/referrals', { serviceId, needs: ['food'], status: 'sent', referredAt: daysAgo(8) })
    ).json();
    expect(referral.checkBackDue).toMatchObject({ day: 7 });
    const day = (await ana.get(`/api/my-day?date=${today()}`)).json();
    const item = day.checkBacks.find((c: { referral: { id: string } }) => c.referral.id === referral.id);
    expect(item).toMatchObject({ day: 7, referral: { slipNumber: referral.slipNumber } });
    // On Ben's day it is not: he did not make it. The team list shows it.
    const bens = (await ben.get(`/api/my-day?date=${today()}`)).json();
    expect(bens.checkBacks.map((c: { referral: { id: string } }) => c.referral.id)).not.toContain(referral.id);
    const due = (await ben.get('/api/referrals?checkBackDue=true')).json();
    expect(due.items.map((r: { id: string }) => r.id)).toContain(referral.id);

    const checked = await ana.post(`/api/referrals/${referral.id}/check-backs`, {
      note: 'Appelé le service : pas encore de nouvelles.',
    });
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({ checkBackDue: null, version: 2 });
    expect(checked.json().events.at(-1)).toMatchObject({ kind: 'checkBack' });
    const later = (await ana.get(`/api/my-day?date=${today()}`)).json();
    expect(later.checkBacks.map((c: { referral: { id: string } }) => c.referral.id)).not.toContain(referral.id);
    const notDue = (await ana.get('/api/referrals?checkBackDue=false&status=open')).json();
    expect(notDue.items.map((r: { id: string }) => r.id)).toContain(referral.id);
  });

  it('asks again at day 30 after a check-back at day 8, and never once the outcome is known', async () => {
    const old = (
      await ana.post('/api/referrals', { serviceId, needs: ['food'], status: 'sent', referredAt: daysAgo(31) })
    ).json();
    await ana.post(`/api/referrals/${old.id}/check-backs`, { occurredAt: daysAgo(23) });
    const again = (await ana.get(`/api/referrals/${old.id}`)).json();
    expect(again.checkBackDue).toMatchObject({ day: 30 });
    const closed = (
      await ana.post('/api/referrals', { serviceId, needs: ['food'], status: 'sent', referredAt: daysAgo(9) })
    ).json();
    await ana.post(`/api/referrals/${closed.id}/status`, {
      baseVersion: 1,
      status: 'failed',
      reason: 'lostContact',
      occurredAt: daysAgo(8.5),
    });
    const day = (await ana.get(`/api/my-day?date=${today()}`)).json();
    const ids = day.checkBacks.map((c: { referral: { id: string } }) => c.referral.id);
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(closed.id);
    const noCheckBack = await ana.post(`/api/referrals/${closed.id}/check-backs`, {});
    expect(noCheckBack.statusCode).toBe(422);
  });

  it('follows the check-back days a coordinator sets; a worker may not change them', async () => {
    expect((await ana.get('/api/referral-settings')).json()).toEqual({ checkBackDays: [7, 30], expireAfterDays: 60 });
    expect((await ana.patch('/api/referral-settings', { checkBackDays: [2] })).statusCode).toBe(403);
    const bad = await coordinator.patch('/api/referral-settings', { checkBackDays: [0, 3, 3] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toMatch(/^checkBackDays/);
    const saved = await coordinator.patch('/api/referral-settings', { checkBackDays: [14, 3] });
    expect(saved.json()).toEqual({ checkBackDays: [3, 14], expireAfterDays: 60 });
    const referral = (
      await ana.post('/api/referrals', { serviceId, needs: ['food'], status: 'sent', referredAt: daysAgo(4) })
    ).json();
    expect(referral.checkBackDue).toMatchObject({ day: 3 });
    const day = (await ana.get(`/api/my-day?date=${today()}`)).json();
    expect(day.checkBacks.find((c: { referral: { id: string } }) => c.referral.id === referral.id)?.day).toBe(3);
    await coordinator.patch('/api/referral-settings', { checkBackDays: [7, 30] });
  });
});

describe('the printable slip', () => {
  it('gives where to go and when, for which needs, who sent them; the name only when shared under consent', async () => {
    const db = t.database.db;
    const marie = await buildPerson(db, teamA, { firstName: 'Marie', lastName: 'Gagnon' });
    const named = (
      await ana.post('/api/referrals', { personId: marie.id, serviceId, needs: ['food'], sharedItems: ['name'] })
    ).json();
    const slip = (await ana.get(`/api/referrals/${named.id}/slip`)).json();
    expect(slip).toMatchObject({
      slipNumber: named.slipNumber,
      service: {
        name: 'Banque alimentaire du Faubourg',
        phone: '418 555-0101',
        locations: [{ address: '12, rue de la Chapelle', city: 'Québec' }],
        hours: [{ weekday: 3, opensAt: '13:00', closesAt: '16:30' }],
      },
      needs: [{ code: 'food', label: { fr: 'Alimentation', en: 'Food' } }],
      worker: { firstName: 'Ana' },
      team: { name: 'Équipe Saint-Roch' },
      person: { name: 'Marie Gagnon', phone: null },
    });
    expect(await auditOf('person', marie.id)).toContainEqual(expect.objectContaining({ action: 'read' }));

    const unshared = (await ana.post('/api/referrals', { personId: marie.id, serviceId, needs: ['food'] })).json();
    const plain = (await ana.get(`/api/referrals/${unshared.id}/slip`)).json();
    expect(plain.person).toEqual({ name: null, phone: null });
    expect(JSON.stringify(plain)).not.toContain('Gagnon');

    // Consent withdrawn afterwards: the name leaves the slip.
    await db.execute(
      sql`update people set consent_given_at = null, first_name = null, last_name = null where id = ${marie.id}`,
    );
    expect((await ana.get(`/api/referrals/${named.id}/slip`)).json().person.name).toBeNull();
  });
});

describe('scoping and audit', () => {
  it('hides a referral from another team, lets an admin read it only with a reason, and logs reads about a person', async () => {
    const person = await buildPerson(t.database.db, teamA);
    const referral = (await ana.post('/api/referrals', { personId: person.id, serviceId, needs: ['food'] })).json();
    expect((await stranger.get(`/api/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/referrals/${referral.id}/slip`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/referrals/${referral.id}/notes`, { note: 'Hé' })).statusCode).toBe(404);
    const theirList = (await stranger.get('/api/referrals')).json();
    expect(theirList.items.map((r: { id: string }) => r.id)).not.toContain(referral.id);
    expect((await stranger.get(`/api/referrals?teamId=${teamA}`)).json().items).toEqual([]);
    expect((await stranger.get(`/api/referrals?slipNumber=${referral.slipNumber}`)).json().items).toEqual([]);
    expect((await ana.get(`/api/referrals?slipNumber=${referral.slipNumber.toLowerCase()}`)).json().items).toHaveLength(
      1,
    );

    expect((await admin.get(`/api/referrals/${referral.id}`)).json().error.code).toBe('reason_required');
    const headers = { 'x-access-reason': encodeURIComponent('Plainte no 7') };
    expect((await admin.get(`/api/referrals/${referral.id}`, { headers })).statusCode).toBe(200);
    expect((await admin.post('/api/referrals', { serviceId, needs: ['food'] })).statusCode).toBe(403);

    await ben.get(`/api/referrals/${referral.id}`);
    const reads = (await auditOf('referral', referral.id)).filter((e) => e.action === 'read');
    expect(reads.length).toBe(2);
  });
});
