import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { runCli } from '../../cli/run.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildReferral, buildService } from '../../test-support/directory-factories.ts';
import { buildTeam, buildUser } from '../../test-support/factories.ts';
import { expireStaleReferrals } from './referrals.expiry.ts';

/** Expiry sweeps the whole database: a file of its own, so other tests' referrals stay out of it. */
let t: TestApp;
let ana: Agent;
let coordinator: Agent;
let teamA: string;
let serviceId: string;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  coordinator = await signedInAgent(t.app, (await buildUser(db, { role: 'coordinator', teamIds: [teamA] })).email);
  serviceId = (await buildService(db, { needs: ['food'] })).id;
});
afterAll(() => t.close());

describe('expiry', () => {
  it('applies a shorter expiry delay at once, when the coordinator saves it', async () => {
    const quiet = (
      await ana.post('/api/referrals', { serviceId, needs: ['food'], status: 'sent', referredAt: daysAgo(40) })
    ).json();
    expect((await coordinator.patch('/api/referral-settings', { expireAfterDays: 30 })).statusCode).toBe(200);
    const now = (await ana.get(`/api/referrals/${quiet.id}`)).json();
    expect(now.status).toBe('expired');
    expect(now.events.at(-1)).toMatchObject({ status: 'expired', recordedBy: null });
    await coordinator.patch('/api/referral-settings', { expireAfterDays: 60 });
  });

  it('expires an open referral with nothing recorded for 60 days, as Relais itself, and lets the outcome come later', async () => {
    const stale = (
      await ana.post('/api/referrals', { serviceId, needs: ['food'], status: 'sent', referredAt: daysAgo(70) })
    ).json();
    const followed = (
      await ana.post('/api/referrals', { serviceId, needs: ['food'], status: 'sent', referredAt: daysAgo(70) })
    ).json();
    await ana.post(`/api/referrals/${followed.id}/check-backs`, { occurredAt: daysAgo(20) });
    const done = (
      await ana.post('/api/referrals', { serviceId, needs: ['food'], status: 'sent', referredAt: daysAgo(70) })
    ).json();
    await ana.post(`/api/referrals/${done.id}/status`, {
      baseVersion: 1,
      status: 'connected',
      occurredAt: daysAgo(65),
    });

    const now = new Date();
    expect(await expireStaleReferrals(t.database.db, now)).toBeGreaterThanOrEqual(1);
    const expired = (await ana.get(`/api/referrals/${stale.id}`)).json();
    expect(expired).toMatchObject({ status: 'expired', version: 2, checkBackDue: null });
    expect(expired.events.at(-1)).toMatchObject({
      kind: 'status',
      status: 'expired',
      recordedBy: null,
      occurredAt: now.toISOString(),
    });
    expect((await ana.get(`/api/referrals/${followed.id}`)).json().status).toBe('sent');
    expect((await ana.get(`/api/referrals/${done.id}`)).json().status).toBe('connected');
    expect(await expireStaleReferrals(t.database.db, now)).toBe(0);

    const wentOn = daysAgo(40);
    const outcome = await ana.post(`/api/referrals/${stale.id}/status`, {
      baseVersion: 2,
      status: 'connected',
      occurredAt: wentOn,
      note: 'Finalement, elle y est allée il y a un mois.',
    });
    expect(outcome.json()).toMatchObject({ status: 'connected', connectedAt: new Date(wentOn).toISOString() });
  });

  it('waits as long as the setting says', async () => {
    const referral = (
      await ana.post('/api/referrals', { serviceId, needs: ['food'], status: 'sent', referredAt: daysAgo(80) })
    ).json();
    await coordinator.patch('/api/referral-settings', { expireAfterDays: 90 });
    await expireStaleReferrals(t.database.db);
    expect((await ana.get(`/api/referrals/${referral.id}`)).json().status).toBe('sent');
    await coordinator.patch('/api/referral-settings', { expireAfterDays: 60 });
    await expireStaleReferrals(t.database.db, new Date(Date.now() + 1000));
    expect((await ana.get(`/api/referrals/${referral.id}`)).json().status).toBe('expired');
  });
});

describe('expiry at start-up', () => {
  it('sweeps when the app is ready, and stops its timer when the app closes', async () => {
    const stale = await buildReferral(t.database.db, teamA, {
      serviceId,
      status: 'sent',
      referredAt: new Date(Date.now() - 90 * DAY),
    });
    const second = await buildApp({ config: t.config, database: t.database });
    await second.ready();
    expect((await ana.get(`/api/referrals/${stale.id}`)).json()).toMatchObject({ status: 'expired', version: 2 });
    await second.close();
  });
});

describe('expiry from the command line', () => {
  it('runs the same sweep with `relais referrals expire --now`, and refuses a bad date in one line', async () => {
    const referral = (
      await ana.post('/api/referrals', { serviceId, needs: ['food'], status: 'sent', referredAt: daysAgo(30) })
    ).json();
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), database: t.database };
    const later = new Date(Date.now() + 45 * DAY).toISOString();
    expect(await runCli(['referrals', 'expire', '--now', later], io)).toBe(0);
    expect(lines.at(-1)).toMatch(/Referrals expired \/ Orientations expirées: [1-9]/);
    expect((await ana.get(`/api/referrals/${referral.id}`)).json().status).toBe('expired');
    expect(await runCli(['referrals', 'expire', '--now', 'demain'], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/--now "demain" is not a date/);
  });
});
