import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildService } from '../../test-support/directory-factories.ts';
import { buildPerson, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let ben: Agent;
let stranger: Agent;
let teamA: string;
let serviceId: string;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const dayAgo = (n: number) => daysAgo(n).slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  const teamB = (await buildTeam(db)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  ben = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  stranger = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
  serviceId = (await buildService(db, { name: 'Office municipal d’habitation', availability: 'waitingList' })).id;
});
afterAll(() => t.close());

describe('bridging support (suivi-pont)', () => {
  it('accompanies a person while they wait for the service: contacts add up, the end is dated', async () => {
    const person = await buildPerson(t.database.db, teamA, { nickname: 'Grand Louis' });
    const referral = (await ana.post('/api/referrals', { personId: person.id, serviceId, needs: ['housing'] })).json();
    const created = await ana.post('/api/bridging-supports', {
      referralId: referral.id,
      purpose: 'Garder le lien pendant la liste d’attente',
      startedOn: dayAgo(10),
      plannedEndOn: dayAgo(-30),
    });
    expect(created.statusCode).toBe(201);
    const support = created.json();
    expect(support).toMatchObject({
      teamId: teamA,
      person: { id: person.id, nickname: 'Grand Louis' },
      referral: { id: referral.id, slipNumber: referral.slipNumber, serviceName: 'Office municipal d’habitation' },
      active: true,
      contactCount: 0,
      version: 1,
      contacts: [],
    });
    await ana.post(`/api/bridging-supports/${support.id}/contacts`, {
      kind: 'call',
      durationMinutes: 15,
      occurredAt: daysAgo(8),
    });
    const second = await ben.post(`/api/bridging-supports/${support.id}/contacts`, {
      kind: 'accompaniment',
      durationMinutes: 120,
      note: 'Accompagné au rendez-vous à l’OMH.',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ contactCount: 2, totalMinutes: 135, version: 1 });
    expect(second.json().contacts.map((c: { kind: string }) => c.kind)).toEqual(['accompaniment', 'call']);

    const ended = await ana.patch(`/api/bridging-supports/${support.id}`, { baseVersion: 1, endedOn: dayAgo(0) });
    expect(ended.json()).toMatchObject({ active: false, endedOn: dayAgo(0), version: 2 });
    const stale = await ben.patch(`/api/bridging-supports/${support.id}`, { baseVersion: 1, purpose: 'Autre' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, active: false });

    const mine = (await ana.get(`/api/bridging-supports?personId=${person.id}`)).json();
    expect(mine.items.map((s: { id: string }) => s.id)).toEqual([support.id]);
    expect(
      (await ana.get('/api/bridging-supports?active=true')).json().items.map((s: { id: string }) => s.id),
    ).not.toContain(support.id);
    expect((await ana.get(`/api/bridging-supports?referralId=${referral.id}`)).json().total).toBe(1);
  });

  it('names each bad field, and keeps another team out', async () => {
    const person = await buildPerson(t.database.db, teamA);
    const nobody = await ana.post('/api/bridging-supports', { purpose: 'Rien' });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().error.fields[0].path).toBe('personId');
    const backwards = await ana.post('/api/bridging-supports', {
      personId: person.id,
      startedOn: dayAgo(1),
      plannedEndOn: dayAgo(5),
    });
    expect(backwards.json().error.fields[0].path).toBe('plannedEndOn');
    const support = (await ana.post('/api/bridging-supports', { personId: person.id })).json();
    expect(support.startedOn).toBe(new Date().toISOString().slice(0, 10));
    const kind = await ana.post(`/api/bridging-supports/${support.id}/contacts`, { kind: 'pigeon' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.fields[0].path).toBe('kind');
    const future = await ana.post(`/api/bridging-supports/${support.id}/contacts`, {
      kind: 'call',
      occurredAt: daysAgo(-2),
    });
    expect(future.json().error.fields[0].path).toBe('occurredAt');
    const endBefore = await ana.patch(`/api/bridging-supports/${support.id}`, { baseVersion: 1, endedOn: dayAgo(3) });
    expect(endBefore.json().error.fields[0].path).toBe('endedOn');

    expect((await stranger.get(`/api/bridging-supports/${support.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/bridging-supports/${support.id}/contacts`, { kind: 'call' })).statusCode).toBe(
      404,
    );
    expect((await stranger.post('/api/bridging-supports', { personId: person.id })).json().error.fields[0].path).toBe(
      'personId',
    );
    expect((await stranger.get('/api/bridging-supports')).json().items).toEqual([]);
  });
});

describe('a person’s timeline and merge', () => {
  it('shows referrals and their status changes in order, and a merge moves referrals and supports to the survivor', async () => {
    const db = t.database.db;
    const survivor = await buildPerson(db, teamA, { nickname: 'Mado' });
    const duplicate = await buildPerson(db, teamA, { nickname: 'Madeleine' });
    const referral = (
      await ana.post('/api/referrals', {
        personId: duplicate.id,
        serviceId,
        needs: ['housing'],
        status: 'sent',
        referredAt: daysAgo(5),
      })
    ).json();
    await ana.post(`/api/referrals/${referral.id}/status`, {
      baseVersion: 1,
      status: 'accepted',
      fromPartner: true,
      occurredAt: daysAgo(2),
    });
    await ana.post(`/api/referrals/${referral.id}/check-backs`, { occurredAt: daysAgo(1) });
    const support = (await ana.post('/api/bridging-supports', { personId: duplicate.id, startedOn: dayAgo(4) })).json();

    const timeline = (await ana.get(`/api/people/${duplicate.id}/timeline`)).json();
    expect(timeline.items.map((i: { type: string }) => i.type)).toEqual([
      'referralStatus',
      'bridgingStarted',
      'referral',
    ]);
    expect(timeline.items[0].summary).toMatchObject({ referralId: referral.id, status: 'accepted', fromPartner: true });
    expect(timeline.items[2]).toMatchObject({
      id: referral.id,
      summary: { slipNumber: referral.slipNumber, status: 'accepted', serviceName: 'Office municipal d’habitation' },
    });

    const merged = await ana.post(`/api/people/${survivor.id}/merge`, { absorbedId: duplicate.id });
    expect(merged.statusCode).toBe(200);
    expect((await ana.get(`/api/referrals/${referral.id}`)).json().person).toEqual({
      id: survivor.id,
      nickname: 'Mado',
    });
    expect((await ana.get(`/api/bridging-supports/${support.id}`)).json().person.id).toBe(survivor.id);
    const after = (await ana.get(`/api/people/${survivor.id}/timeline`)).json();
    expect(after.items.map((i: { type: string }) => i.type)).toEqual(['referralStatus', 'bridgingStarted', 'referral']);
    expect((await ana.get(`/api/referrals?personId=${duplicate.id}`)).json().items).toEqual([]);
  });
});

describe('offline', () => {
  it('creates a person, an encounter and a referral from it in one batch; the slip number comes back', async () => {
    const personId = uuidv7();
    const encounterId = uuidv7();
    const referralId = uuidv7();
    const batch = [
      { id: uuidv7(), kind: 'person.create', entityId: personId, payload: { nickname: 'Ti-Guy' } },
      {
        id: uuidv7(),
        kind: 'encounter.create',
        entityId: encounterId,
        payload: { personId, needs: ['housing'], occurredAt: daysAgo(0.1) },
      },
      {
        id: uuidv7(),
        kind: 'referral.create',
        entityId: referralId,
        payload: { encounterId, serviceId, needs: ['housing'], status: 'sent', referredAt: daysAgo(0.1) },
      },
    ];
    const response = await ana.post('/api/sync', { items: batch });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.counts).toMatchObject({ applied: 3, invalid: 0 });
    const result = body.results[2];
    expect(result).toMatchObject({ status: 'applied', entityId: referralId, version: 1 });
    expect(result.data.slipNumber).toMatch(/^R-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/);
    const referral = (await ana.get(`/api/referrals/${referralId}`)).json();
    expect(referral).toMatchObject({ person: { id: personId }, encounterId, slipNumber: result.data.slipNumber });

    const again = (await ana.post('/api/sync', { items: batch })).json();
    expect(again.counts.duplicate).toBe(3);
    expect(again.results[2].data).toEqual({ slipNumber: result.data.slipNumber });

    const moves = [
      { id: uuidv7(), kind: 'referral.checkBack', entityId: referralId, payload: {} },
      {
        id: uuidv7(),
        kind: 'referral.status',
        entityId: referralId,
        baseVersion: 2,
        payload: { status: 'failed', reason: 'waitingList', fromPartner: true },
      },
      { id: uuidv7(), kind: 'referral.status', entityId: referralId, baseVersion: 1, payload: { status: 'connected' } },
      {
        id: uuidv7(),
        kind: 'referral.create',
        entityId: uuidv7(),
        payload: { serviceId, needs: ['housing'], sharedItems: ['name'] },
      },
    ];
    const moved = (await ana.post('/api/sync', { items: moves })).json();
    expect(moved.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'conflict',
      'invalid',
    ]);
    expect(moved.results[2].current).toMatchObject({ status: 'failed', version: 3 });
    expect(moved.results[3].errors[0].path).toBe('sharedItems');
  });
});
