import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import { serviceLocations, serviceSchedules } from '../../db/schema/index.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildService } from '../../test-support/directory-factories.ts';
import { buildEncounter, buildPerson, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let ben: Agent;
let stranger: Agent;
let coordinator: Agent;
let admin: Agent;
let anaId: string;
let teamA: string;
let teamB: string;
let serviceId: string;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const today = () => new Date().toISOString().slice(0, 10);

async function auditOf(entityType: string, entityId: string) {
  const result = (await t.database.db.execute(
    sql`select action, actor_id, details from audit_log where entity_type = ${entityType} and entity_id = ${entityId} order by at, id`,
  )) as unknown as { rows: { action: string; actor_id: string | null; details: unknown }[] };
  return result.rows;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db, { name: 'Équipe Saint-Roch' })).id;
  teamB = (await buildTeam(db)).id;
  const anaUser = await buildUser(db, { teamIds: [teamA], name: 'Ana Tremblay' });
  anaId = anaUser.id;
  ana = await signedInAgent(t.app, anaUser.email);
  ben = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  stranger = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
  coordinator = await signedInAgent(t.app, (await buildUser(db, { role: 'coordinator', teamIds: [teamA] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
  const service = await buildService(db, {
    name: 'Banque alimentaire du Faubourg',
    phone: '418 555-0101',
    needs: ['food'],
  });
  serviceId = service.id;
  await db.insert(serviceLocations).values({
    id: uuidv7(),
    serviceId,
    name: 'Sous-sol de l’église',
    address: '12, rue de la Chapelle',
    city: 'Québec',
  });
  await db
    .insert(serviceSchedules)
    .values({ id: uuidv7(), serviceId, weekday: 3, opensAt: '13:00', closesAt: '16:30' });
});
afterAll(() => t.close());

describe('making a referral', () => {
  it('refers a person of the team for needs, with a slip number that says nothing about them', async () => {
    const person = await buildPerson(t.database.db, teamA, { nickname: 'Ti-Loup' });
    const response = await ana.post('/api/referrals', {
      personId: person.id,
      serviceId,
      needs: ['food', 'income'],
      status: 'sent',
    });
    expect(response.statusCode).toBe(201);
    const referral = response.json();
    expect(referral).toMatchObject({
      teamId: teamA,
      person: { id: person.id, nickname: 'Ti-Loup' },
      service: { id: serviceId, name: 'Banque alimentaire du Faubourg' },
      needs: ['food', 'income'],
      status: 'sent',
      version: 1,
      checkBackDue: null,
    });
    expect(referral.slipNumber).toMatch(/^R-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/);
    expect(referral.events).toEqual([expect.objectContaining({ kind: 'status', status: 'sent', recordedBy: anaId })]);
    expect(await auditOf('referral', referral.id)).toEqual([expect.objectContaining({ action: 'create' })]);
  });

  it('refers an anonymous contact from an encounter; a person met in an encounter comes with it', async () => {
    const db = t.database.db;
    const anonymous = await buildEncounter(db, teamA, { createdBy: anaId });
    const slip = await ana.post('/api/referrals', { encounterId: anonymous.id, serviceId, needs: ['food'] });
    expect(slip.statusCode).toBe(201);
    expect(slip.json()).toMatchObject({ person: null, encounterId: anonymous.id, status: 'proposed' });
    const named = await ana.post('/api/referrals', {
      encounterId: anonymous.id,
      serviceId,
      needs: ['food'],
      sharedItems: ['name'],
    });
    expect(named.statusCode).toBe(422);
    expect(named.json().error.fields[0].path).toBe('sharedItems');

    const person = await buildPerson(db, teamA);
    const met = await buildEncounter(db, teamA, { personId: person.id, createdBy: anaId });
    const fromEncounter = (
      await ana.post('/api/referrals', { encounterId: met.id, serviceId, needs: ['food'] })
    ).json();
    expect(fromEncounter.person.id).toBe(person.id);
    const numbers = new Set([slip.json().slipNumber, fromEncounter.slipNumber]);
    expect(numbers.size).toBe(2);
  });

  it('takes a referral made yesterday, never one in the future', async () => {
    const yesterday = daysAgo(1);
    const late = await ana.post('/api/referrals', { serviceId, needs: ['food'], referredAt: yesterday });
    expect(late.statusCode).toBe(201);
    expect(late.json().referredAt).toBe(new Date(yesterday).toISOString());
    const future = await ana.post('/api/referrals', {
      serviceId,
      needs: ['food'],
      referredAt: new Date(Date.now() + 2 * DAY).toISOString(),
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.fields[0]).toMatchObject({ path: 'referredAt' });
    expect(future.json().error.message).toHaveProperty('fr');
  });

  it('names each bad field: unknown need, service, another team’s person or encounter, missing needs', async () => {
    const db = t.database.db;
    const theirs = await buildPerson(db, teamB);
    const theirEncounter = await buildEncounter(db, teamB);
    const response = await ana.post('/api/referrals', {
      personId: theirs.id,
      serviceId,
      needs: ['food', 'teleportation'],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['personId']);
    const encounter = await ana.post('/api/referrals', { encounterId: theirEncounter.id, serviceId, needs: ['food'] });
    expect(encounter.json().error.fields[0].path).toBe('encounterId');
    const codes = await ana.post('/api/referrals', { serviceId: uuidv7(), needs: ['food', 'teleportation'] });
    expect(codes.statusCode).toBe(422);
    expect(codes.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['serviceId', 'needs.1']);
    const closed = await buildService(db, { hsdsStatus: 'defunct' });
    const gone = await ana.post('/api/referrals', { serviceId: closed.id, needs: ['food'] });
    expect(gone.json().error.fields[0]).toMatchObject({ path: 'serviceId' });
    expect(gone.json().error.fields[0].message.fr).toMatch(/n’existe plus/);
    const shape = await ana.post('/api/referrals', { serviceId, needs: [], colour: 'blue', status: 'connected' });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['needs', 'colour', 'status']),
    );
    expect(shape.json().error.fields[0].message).toHaveProperty('en');
  });

  it('shares a name or phone only with a consent that covers it', async () => {
    const db = t.database.db;
    const pseudonymous = await buildPerson(db, teamA);
    const refused = await ana.post('/api/referrals', {
      personId: pseudonymous.id,
      serviceId,
      needs: ['food'],
      sharedItems: ['name', 'situation'],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0]).toMatchObject({ path: 'sharedItems' });
    const identified = await buildPerson(db, teamA, { firstName: 'Marie', lastName: 'Gagnon' });
    const phone = await ana.post('/api/referrals', {
      personId: identified.id,
      serviceId,
      needs: ['food'],
      sharedItems: ['phone'],
    });
    expect(phone.statusCode).toBe(422);
    const ok = await ana.post('/api/referrals', {
      personId: identified.id,
      serviceId,
      needs: ['food'],
      sharedItems: ['name', 'situation'],
    });
    expect(ok.statusCode).toBe(201);
  });
});

describe('following a referral', () => {
  it('moves it step by step to connected, dated, each change kept; the partner’s answer is marked', async () => {
    const referral = (await ana.post('/api/referrals', { serviceId, needs: ['food'], referredAt: daysAgo(3) })).json();
    const sent = await ana.post(`/api/referrals/${referral.id}/status`, {
      baseVersion: 1,
      status: 'sent',
      occurredAt: daysAgo(2),
    });
    expect(sent.json()).toMatchObject({ status: 'sent', version: 2 });
    const partnerCalled = daysAgo(1);
    const accepted = await ben.post(`/api/referrals/${referral.id}/status`, {
      baseVersion: 2,
      status: 'accepted',
      fromPartner: true,
      occurredAt: partnerCalled,
      note: 'La coordonnatrice a rappelé : rendez-vous jeudi.',
    });
    expect(accepted.statusCode).toBe(200);
    const connected = (
      await ana.post(`/api/referrals/${referral.id}/status`, { baseVersion: 3, status: 'connected' })
    ).json();
    expect(connected).toMatchObject({ status: 'connected', failureReason: null, version: 4 });
    expect(connected.connectedAt).not.toBeNull();
    expect(connected.closedAt).toBe(connected.connectedAt);
    expect(connected.events.map((e: { status: string }) => e.status)).toEqual([
      'proposed',
      'sent',
      'accepted',
      'connected',
    ]);
    expect(connected.events[2]).toMatchObject({
      fromPartner: true,
      occurredAt: partnerCalled,
      note: 'La coordonnatrice a rappelé : rendez-vous jeudi.',
    });
    const after = await ana.post(`/api/referrals/${referral.id}/status`, {
      baseVersion: 4,
      status: 'failed',
      reason: 'didNotGo',
    });
    expect(after.statusCode).toBe(422);
    expect(after.json().error.fields[0].path).toBe('status');
    expect(after.json().error.message.fr).toMatch(/accrochée/);
    // A move is not dated before the one it follows.
    const other = (await ana.post('/api/referrals', { serviceId, needs: ['food'], referredAt: daysAgo(3) })).json();
    await ana.post(`/api/referrals/${other.id}/status`, { baseVersion: 1, status: 'sent' });
    const backwards = await ana.post(`/api/referrals/${other.id}/status`, {
      baseVersion: 2,
      status: 'accepted',
      occurredAt: daysAgo(1),
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.fields[0].path).toBe('occurredAt');
  });

  it('wants a reason from the list to refuse or fail, and none otherwise', async () => {
    const referral = (await ana.post('/api/referrals', { serviceId, needs: ['food'], status: 'sent' })).json();
    const bare = await ana.post(`/api/referrals/${referral.id}/status`, { baseVersion: 1, status: 'refused' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.fields[0].path).toBe('reason');
    const odd = await ana.post(`/api/referrals/${referral.id}/status`, {
      baseVersion: 1,
      status: 'refused',
      reason: 'tooFar',
    });
    expect(odd.statusCode).toBe(400);
    expect(odd.json().error.fields[0].path).toBe('reason');
    const refused = await ana.post(`/api/referrals/${referral.id}/status`, {
      baseVersion: 1,
      status: 'refused',
      reason: 'notEligible',
    });
    expect(refused.json()).toMatchObject({ status: 'refused', failureReason: 'notEligible' });
    const withReason = (await ana.post('/api/referrals', { serviceId, needs: ['food'] })).json();
    const accepted = await ana.post(`/api/referrals/${withReason.id}/status`, {
      baseVersion: 1,
      status: 'accepted',
      reason: 'other',
    });
    expect(accepted.json().error.fields[0].path).toBe('reason');
    const early = await ana.post(`/api/referrals/${withReason.id}/status`, {
      baseVersion: 1,
      status: 'accepted',
      occurredAt: daysAgo(5),
    });
    expect(early.json().error.fields[0].path).toBe('occurredAt');
  });

  it('answers a stale write with a conflict and the referral as it is now', async () => {
    const referral = (await ana.post('/api/referrals', { serviceId, needs: ['food'] })).json();
    await ana.post(`/api/referrals/${referral.id}/status`, { baseVersion: 1, status: 'sent' });
    const stale = await ben.post(`/api/referrals/${referral.id}/status`, {
      baseVersion: 1,
      status: 'failed',
      reason: 'noAnswer',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().current).toMatchObject({ status: 'sent', version: 2 });
    const patch = await ben.patch(`/api/referrals/${referral.id}`, { baseVersion: 1, needs: ['housing'] });
    expect(patch.statusCode).toBe(409);
    const patched = await ben.patch(`/api/referrals/${referral.id}`, { baseVersion: 2, needs: ['housing', 'food'] });
    expect(patched.json()).toMatchObject({ needs: ['housing', 'food'], version: 3 });
  });

  it('keeps notes without a new version', async () => {
    const referral = (await ana.post('/api/referrals', { serviceId, needs: ['food'] })).json();
    const noted = await ben.post(`/api/referrals/${referral.id}/notes`, {
      note: 'Le service demande une preuve de résidence.',
      fromPartner: true,
    });
    expect(noted.statusCode).toBe(200);
    expect(noted.json().version).toBe(1);
    expect(noted.json().events.at(-1)).toMatchObject({ kind: 'note', fromPartner: true });
    expect((await ben.post(`/api/referrals/${referral.id}/notes`, { note: '  ' })).statusCode).toBe(400);
  });
});

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
