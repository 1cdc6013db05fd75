import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Agent } from '../../test-support/agent.ts';
import type { TestApp } from '../../test-support/app.ts';
import { buildService } from '../../test-support/directory-factories.ts';
import { buildEncounter, buildPerson } from '../../test-support/factories.ts';
import { auditOf as auditIn, DAY, daysAgo, referralWorld } from './referrals.fixture.ts';

let t: TestApp;
let ana: Agent;
let ben: Agent;
let anaId: string;
let teamA: string;
let teamB: string;
let serviceId: string;
const auditOf = (entityType: string, entityId: string) => auditIn(t, entityType, entityId);

beforeAll(async () => {
  ({ t, ana, ben, anaId, teamA, teamB, serviceId } = await referralWorld());
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
