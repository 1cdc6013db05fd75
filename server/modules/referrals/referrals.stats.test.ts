import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import { encounters, referrals } from '../../db/schema/index.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildReferral, buildService } from '../../test-support/directory-factories.ts';
import { buildNeighbourhood, buildPlace, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let stranger: Agent;
let admin: Agent;
let teamA: string;
let teamB: string;
let busy: string;
let saturated: string;
let failing: string;
let neighbourhood: string;

const DAY = 86_400_000;
const from = '2026-01-01';
const to = '2026-06-30';
const on = (day: string, plusDays = 0) => new Date(new Date(`${day}T15:00:00Z`).getTime() + plusDays * DAY);

type Outcome = { status: string; reason?: string; afterDays?: number; needs?: string[]; encounterId?: string };

async function refer(teamId: string, serviceId: string, outcomes: Outcome[], referred = '2026-03-02') {
  for (const o of outcomes) {
    const referredAt = on(referred);
    const closedAt =
      o.status === 'connected' || o.status === 'failed' || o.status === 'refused' || o.status === 'expired';
    const changed = on(referred, o.afterDays ?? 3);
    await buildReferral(t.database.db, teamId, {
      serviceId,
      needs: o.needs ?? ['food'],
      status: o.status,
      failureReason: o.reason ?? null,
      referredAt,
      statusChangedAt: closedAt ? changed : referredAt,
      connectedAt: o.status === 'connected' ? changed : null,
      closedAt: closedAt ? changed : null,
      encounterId: o.encounterId ?? null,
    });
  }
}
const times = (n: number, outcome: Outcome) => Array.from({ length: n }, () => outcome);

/** Every count-like number in the answer: none may be 0 to 4. */
function smallCounts(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => smallCounts(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, v]) => {
      if (key === 'thresholds') return [];
      const counted = ['referred', 'connected', 'failed', 'expired', 'open', 'count'].includes(key);
      if (counted && typeof v === 'number' && v < 5) return [`${path}.${key}=${v}`];
      return smallCounts(v, `${path}.${key}`);
    });
  return [];
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  teamB = (await buildTeam(db)).id;
  neighbourhood = (await buildNeighbourhood(db, teamA)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  stranger = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
  busy = (await buildService(db, { name: 'Cuisine collective', needs: ['food'] })).id;
  saturated = (await buildService(db, { name: 'Logement social', needs: ['housing'], availability: 'waitingList' })).id;
  failing = (await buildService(db, { name: 'Clinique sans rendez-vous', needs: ['physicalHealth'] })).id;

  // Busy: 12 referrals, 8 connected after 2 to 9 days, 3 failed (didNotGo), 1 still open.
  await refer(teamA, busy, [
    ...[2, 3, 3, 4, 5, 6, 8, 9].map((afterDays) => ({ status: 'connected', afterDays })),
    ...times(3, { status: 'failed', reason: 'didNotGo' }),
    { status: 'sent' },
  ]);
  // Saturated: 6 referrals, all failed for the waiting list; the service says waiting list too.
  await refer(teamA, saturated, times(6, { status: 'failed', reason: 'waitingList', needs: ['housing'] }));
  // Failing: 10 outcomes, 7 refused or failed, 3 connected.
  await refer(teamA, failing, [
    ...times(4, { status: 'refused', reason: 'notEligible', needs: ['physicalHealth'] }),
    ...times(3, { status: 'failed', reason: 'noAnswer', needs: ['physicalHealth'] }),
    ...times(3, { status: 'connected', needs: ['physicalHealth'] }),
  ]);
  // Outside the period, and another team's: never counted.
  await refer(teamA, busy, times(5, { status: 'connected' }), '2025-11-02');
  await refer(teamB, busy, times(7, { status: 'connected' }));
  // Made during encounters in a place of the neighbourhood: 6, for the neighbourhood filter.
  const place = await buildPlace(db, teamA);
  await db.execute(sql`update places set neighbourhood_id = ${neighbourhood} where id = ${place.id}`);
  for (let i = 0; i < 6; i++) {
    const id = uuidv7();
    await db
      .insert(encounters)
      .values({ id, teamId: teamA, identification: 'anonymous', occurredAt: on('2026-04-01'), placeId: place.id });
    await refer(teamA, busy, [{ status: 'connected', encounterId: id, afterDays: 1 }], '2026-04-01');
  }
});
afterAll(() => t.close());

describe('what the team learns', () => {
  it('counts per service and need, with connection rate and median days; counts under 5 never leave the server', async () => {
    const response = await ana.get(`/api/referral-stats?from=${from}&to=${to}`);
    expect(response.statusCode).toBe(200);
    const stats = response.json();
    expect(smallCounts(stats)).toEqual([]);
    expect(stats.teamIds).toEqual([teamA]);
    expect(stats.totals).toMatchObject({ referred: 34, connected: 17, failed: 16, open: '<5', expired: '<5' });

    const byName = Object.fromEntries(stats.byService.map((s: { serviceName: string }) => [s.serviceName, s]));
    expect(stats.byService[0].serviceName).toBe('Cuisine collective');
    expect(byName['Cuisine collective']).toMatchObject({
      referred: 18,
      connected: 14,
      failed: '<5',
      connectionRate: null,
      rateSuppressed: true,
      medianDaysToConnection: 2.5,
    });
    // None of 6 connected: a rate of 0 names no one, so it is shown.
    expect(byName['Logement social']).toMatchObject({
      referred: 6,
      connected: '<5',
      failed: 6,
      connectionRate: 0,
      medianDaysToConnection: null,
      medianSuppressed: false,
    });
    expect(byName['Logement social'].failureReasons).toContainEqual({ reason: 'waitingList', count: 6 });
    expect(byName['Logement social'].failureReasons).toContainEqual({ reason: 'didNotGo', count: '<5' });
    expect(byName['Clinique sans rendez-vous']).toMatchObject({ referred: 10, connected: '<5', failed: 7 });
    expect(byName['Clinique sans rendez-vous'].failureReasons).toContainEqual({ reason: 'notEligible', count: '<5' });

    const food = stats.byNeed.find((n: { need: string }) => n.need === 'food');
    expect(food).toMatchObject({ label: { fr: 'Alimentation', en: 'Food' }, referred: 18, connectionRate: null });

    const flags = Object.fromEntries(
      stats.flagged.map((f: { serviceName: string; flags: string[] }) => [f.serviceName, f.flags]),
    );
    expect(flags).toEqual({ 'Logement social': ['saturated'], 'Clinique sans rendez-vous': ['oftenFails'] });
  });

  it('gives a rate only when enough referrals stand on each side of it', async () => {
    const stats = (await ana.get(`/api/referral-stats?from=${from}&to=${to}`)).json();
    // 17 connected out of 33 outcomes: both sides have 5 or more.
    expect(stats.totals.connectionRate).toBeCloseTo(17 / 33, 3);
    expect(stats.totals.rateSuppressed).toBe(false);
    expect(stats.totals.medianDaysToConnection).not.toBeNull();
  });

  it('narrows to a neighbourhood: referrals made during encounters in its places', async () => {
    const stats = (await ana.get(`/api/referral-stats?from=${from}&to=${to}&neighbourhoodId=${neighbourhood}`)).json();
    expect(stats.totals).toMatchObject({ referred: 6, connected: 6, medianDaysToConnection: 1 });
    expect(smallCounts(stats)).toEqual([]);
  });

  it('shows another team nothing of this one, and an admin everything only with a reason', async () => {
    const theirs = (await stranger.get(`/api/referral-stats?from=${from}&to=${to}`)).json();
    expect(theirs.teamIds).toEqual([teamB]);
    expect(theirs.totals.referred).toBe(7);
    expect(
      (await stranger.get(`/api/referral-stats?from=${from}&to=${to}&teamId=${teamA}`)).json().totals.referred,
    ).toBe('<5');
    expect((await admin.get('/api/referral-stats')).json().error.code).toBe('reason_required');
    const all = await admin.get(`/api/referral-stats?from=${from}&to=${to}`, {
      headers: { 'x-access-reason': encodeURIComponent('Bilan annuel') },
    });
    expect(all.json().totals.referred).toBe(41);
    expect(smallCounts(all.json())).toEqual([]);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const response = await ana.get('/api/referral-stats?from=2026-06-01&to=2026-01-01');
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields[0].path).toBe('from');
    const bad = await ana.get('/api/referral-stats?from=hier');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('from');
  });

  it('counts only referrals of the period', async () => {
    const rows = await t.database.db.select({ id: referrals.id }).from(referrals);
    expect(rows.length).toBe(46);
  });
});
