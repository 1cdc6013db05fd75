import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildTeam, buildUser } from '../../test-support/factories.ts';
import { periodOf } from './split.service.ts';

let t: TestApp;
let ana: Agent;
let ben: Agent;
let coordinator: Agent;
let other: Agent;
let admin: Agent;
let teamA: string;
let anaId: string;
let benId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  const teamB = (await buildTeam(db)).id;
  const anaUser = await buildUser(db, { teamIds: [teamA], name: 'Ana' });
  const benUser = await buildUser(db, { teamIds: [teamA], name: 'Ben' });
  anaId = anaUser.id;
  benId = benUser.id;
  ana = await signedInAgent(t.app, anaUser.email);
  ben = await signedInAgent(t.app, benUser.email);
  coordinator = await signedInAgent(t.app, (await buildUser(db, { role: 'coordinator', teamIds: [teamA] })).email);
  other = await signedInAgent(t.app, (await buildUser(db, { role: 'coordinator', teamIds: [teamB] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
});
afterAll(() => t.close());

const entry = (fields: Record<string, unknown>) => ({ id: uuidv7(), onDate: '2026-11-18', minutes: 60, ...fields });

describe('time entries and the "fait sens quand" criteria', () => {
  it('saves an entry meeting a criterion as within the mandate, and one meeting none as flagged', async () => {
    const fits = await ana.post(
      '/api/time-entries',
      entry({ category: 'orientation', criteria: ['relayTookHold'], note: 'Accompagnement au CLSC' }),
    );
    expect(fits.statusCode).toBe(201);
    expect(fits.json()).toMatchObject({
      outsideMandate: false,
      workerName: 'Ana',
      criteria: [{ code: 'relayTookHold', label: { fr: expect.stringContaining('accrochée') } }],
    });
    const drifts = await ana.post('/api/time-entries', entry({ category: 'networking', noneApply: true }));
    expect(drifts.statusCode).toBe(201);
    expect(drifts.json()).toMatchObject({ outsideMandate: true, criteria: [] });
    const host = await ana.post('/api/time-entries', entry({ category: 'hostPartner', minutes: 120 }));
    expect(host.json()).toMatchObject({ outsideMandate: false });
  });

  it('is saved once under the device id: the same entry sent again answers what was saved', async () => {
    const body = entry({ category: 'hostPartner', minutes: 30 });
    expect((await ana.post('/api/time-entries', body)).statusCode).toBe(201);
    const again = await ana.post('/api/time-entries', { ...body, minutes: 90 });
    expect(again.statusCode).toBe(200);
    expect(again.json().minutes).toBe(30);
    expect((await ben.post('/api/time-entries', body)).statusCode).toBe(409);
  });

  it('logs time offline through the sync, and a replay changes nothing', async () => {
    const entityId = uuidv7();
    const item = {
      id: uuidv7(),
      kind: 'timeEntry.create',
      entityId,
      payload: { onDate: '2026-11-19', minutes: 210, category: 'communityAction', noneApply: true },
    };
    const synced = await ana.post('/api/sync', { items: [item] });
    expect(synced.json().results[0]).toMatchObject({ status: 'applied', data: { outsideMandate: true } });
    expect((await ana.post('/api/sync', { items: [item] })).json().results[0].status).toBe('duplicate');
    const sameEntity = await ana.post('/api/sync', { items: [{ ...item, id: uuidv7() }] });
    expect(sameEntity.json().results[0].status).toBe('applied');
    const listed = (await ana.get(`/api/time-entries?from=2026-11-19&to=2026-11-19`)).json().items;
    expect(listed.filter((e: { id: string }) => e.id === entityId)).toHaveLength(1);
    const refused = await ana.post('/api/sync', {
      items: [{ ...item, id: uuidv7(), entityId: uuidv7(), payload: { ...item.payload, noneApply: false } }],
    });
    expect(refused.json().results[0]).toMatchObject({ status: 'invalid' });
  });

  it('refuses bad input naming the field, in both languages, and saves nothing', async () => {
    const none = await ana.post('/api/time-entries', entry({ category: 'orientation' }));
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields[0]).toMatchObject({
      path: 'criteria',
      message: { fr: expect.stringContaining('aucun ne s’applique'), en: expect.stringContaining('none applies') },
    });
    const wrongMission = await ana.post(
      '/api/time-entries',
      entry({ category: 'orientation', criteria: ['voicesHeard'] }),
    );
    expect(wrongMission.statusCode).toBe(422);
    expect(wrongMission.json().error.fields[0].path).toBe('criteria.0');
    const hostWithCriteria = await ana.post(
      '/api/time-entries',
      entry({ category: 'hostPartner', criteria: ['personHeard'] }),
    );
    expect(hostWithCriteria.statusCode).toBe(422);
    const future = await ana.post('/api/time-entries', entry({ category: 'hostPartner', onDate: '2999-01-01' }));
    expect(future.json().error.fields[0].path).toBe('onDate');
    const tooLong = await ana.post('/api/time-entries', entry({ category: 'hostPartner', minutes: 2000 }));
    expect(tooLong.statusCode).toBe(400);
    const strangerActivity = await ana.post(
      '/api/time-entries',
      entry({ category: 'hostPartner', activityId: uuidv7() }),
    );
    expect(strangerActivity.json().error.fields[0].path).toBe('activityId');
    const listed = (await ana.get('/api/time-entries?from=2026-11-18&to=2026-11-18')).json().items;
    expect(listed.every((e: { minutes: number }) => e.minutes !== 2000)).toBe(true);
  });

  it('shows a worker their own entries only, coordination the whole team, other teams nothing', async () => {
    await ben.post('/api/time-entries', entry({ category: 'networking', criteria: ['fineKnowledge'] }));
    const anaSees = (await ana.get('/api/time-entries')).json().items as { workerId: string }[];
    expect(anaSees.every((e) => e.workerId === anaId)).toBe(true);
    const team = (await coordinator.get('/api/time-entries')).json().items as { workerId: string }[];
    expect(new Set(team.map((e) => e.workerId))).toEqual(new Set([anaId, benId]));
    expect((await other.get(`/api/time-entries?teamId=${teamA}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/time-entries?teamId=${teamA}`)).statusCode).toBe(403);
    const reason = { headers: { 'x-access-reason': encodeURIComponent('Vérification du rapport') } };
    expect((await admin.get(`/api/time-entries?teamId=${teamA}`, reason)).statusCode).toBe(200);
  });

  it('lets a worker take back their own entry, not a colleague’s; coordination may take back any', async () => {
    const mine = (await ana.post('/api/time-entries', entry({ category: 'hostPartner' }))).json();
    expect((await ben.request('DELETE', `/api/time-entries/${mine.id}`)).statusCode).toBe(404);
    expect((await ana.request('DELETE', `/api/time-entries/${mine.id}`)).statusCode).toBe(200);
    const bens = (await ben.post('/api/time-entries', entry({ category: 'hostPartner' }))).json();
    expect((await coordinator.request('DELETE', `/api/time-entries/${bens.id}`)).statusCode).toBe(200);
    expect((await coordinator.request('DELETE', `/api/time-entries/${bens.id}`)).statusCode).toBe(404);
  });
});

describe('mission criteria in the team’s words', () => {
  it('starts from seed 004, and coordination rewords, adds and retires criteria', async () => {
    const start = (await ana.get('/api/mission-criteria')).json();
    const orientation = start.missions.find((m: { mission: string }) => m.mission === 'orientation');
    expect(orientation.criteria.map((c: { code: string }) => c.code)).toEqual([
      'personHeard',
      'relayTookHold',
      'didEverythingPossible',
    ]);
    const refused = await ana.request('PUT', '/api/mission-criteria', {
      payload: { mission: 'orientation', criteria: [{ label: 'Nouveau' }] },
    });
    expect(refused.statusCode).toBe(403);
    const saved = await coordinator.request('PUT', '/api/mission-criteria', {
      payload: {
        mission: 'orientation',
        criteria: [
          { code: 'personHeard', label: orientation.criteria[0].label.fr },
          { code: 'relayTookHold', label: 'La personne a un rendez-vous dans un service' },
          { label: 'Un droit a été ouvert ou rétabli' },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    const list = saved.json().missions.find((m: { mission: string }) => m.mission === 'orientation');
    expect(list.edited).toBe(true);
    expect(
      list.criteria.map((c: { label: { fr: string }; active: boolean; custom: boolean }) => [c.active, c.custom]),
    ).toEqual([
      [true, false],
      [true, false],
      [true, true],
      [false, false],
    ]);
    expect(list.criteria[0].label.en).toBe(orientation.criteria[0].label.en);
    const custom = list.criteria[2].code;
    const withCustom = await ana.post('/api/time-entries', entry({ category: 'orientation', criteria: [custom] }));
    expect(withCustom.json()).toMatchObject({
      outsideMandate: false,
      criteria: [{ label: { fr: 'Un droit a été ouvert ou rétabli' } }],
    });
    const retired = await ana.post(
      '/api/time-entries',
      entry({ category: 'orientation', criteria: ['didEverythingPossible'] }),
    );
    expect(retired.statusCode).toBe(422);
  });

  it('refuses an unknown code and a list with nothing active', async () => {
    const unknown = await coordinator.request('PUT', '/api/mission-criteria', {
      payload: { mission: 'networking', criteria: [{ code: 'nope', label: 'Quelque chose' }] },
    });
    expect(unknown.json().error.fields[0].path).toBe('criteria.0.code');
    const empty = await coordinator.request('PUT', '/api/mission-criteria', {
      payload: { mission: 'networking', criteria: [{ code: 'fineKnowledge', label: 'Connaître', active: false }] },
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.fields[0].path).toBe('criteria');
    const otherTeam = await other.request('PUT', '/api/mission-criteria', {
      payload: { teamId: teamA, mission: 'networking', criteria: [{ label: 'Intrus' }] },
    });
    expect(otherTeam.statusCode).toBe(422);
  });
});

describe('the agreed split and each worker’s actual split', () => {
  it('cuts weeks Monday to Sunday and months by the calendar', () => {
    expect(periodOf('week', '2026-11-18')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodOf('week', '2026-11-16')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodOf('week', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodOf('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('sums each worker’s time against the agreement in force, the worker’s own over the team’s', async () => {
    const team = (await buildTeam(t.database.db)).id;
    const zoe = await buildUser(t.database.db, { teamIds: [team], name: 'Zoé' });
    const yan = await buildUser(t.database.db, { teamIds: [team], name: 'Yan' });
    const boss = await signedInAgent(
      t.app,
      (await buildUser(t.database.db, { role: 'coordinator', teamIds: [team] })).email,
    );
    const zoeAgent = await signedInAgent(t.app, zoe.email);
    const log = (fields: Record<string, unknown>) =>
      zoeAgent.post('/api/time-entries', entry({ onDate: '2026-10-06', ...fields }));
    await log({ category: 'hostPartner', minutes: 120 });
    await log({ category: 'orientation', minutes: 360, criteria: ['personHeard'] });
    await log({ category: 'networking', minutes: 120, noneApply: true });
    await log({ category: 'networking', minutes: 60, onDate: '2026-10-20', criteria: ['fineKnowledge'] });

    const teamSplit = { effectiveFrom: '2026-01-01', hostPartnerPercent: 20 };
    expect((await zoeAgent.post('/api/time-agreements', teamSplit)).statusCode).toBe(403);
    expect((await boss.post('/api/time-agreements', teamSplit)).statusCode).toBe(201);
    const own = await boss.post('/api/time-agreements', {
      workerId: yan.id,
      effectiveFrom: '2026-10-01',
      hostPartnerPercent: 0,
      missionPercents: { orientation: 50, communityAction: 50 },
      note: 'Son partenaire hébergeur fait partie du projet',
    });
    expect(own.statusCode).toBe(201);
    const later = await boss.post('/api/time-agreements', { effectiveFrom: '2026-11-01', hostPartnerPercent: 30 });
    expect(later.statusCode).toBe(201);

    const week = (await boss.get('/api/time-split?period=week&date=2026-10-08')).json();
    expect(week).toMatchObject({ from: '2026-10-05', to: '2026-10-11' });
    const zoeWeek = week.workers.find((w: { name: string }) => w.name === 'Zoé');
    expect(zoeWeek).toMatchObject({
      totalMinutes: 600,
      outsideMandateMinutes: 120,
      minutes: { hostPartner: 120, orientation: 360, networking: 120, communityAction: 0 },
      agreed: { hostPartnerPercent: 20, workerId: null },
    });
    const yanWeek = week.workers.find((w: { name: string }) => w.name === 'Yan');
    expect(yanWeek).toMatchObject({ totalMinutes: 0, agreed: { hostPartnerPercent: 0, workerName: 'Yan' } });

    const month = (await boss.get('/api/time-split?period=month&date=2026-10-31')).json();
    expect(month.workers.find((w: { name: string }) => w.name === 'Zoé').totalMinutes).toBe(660);
    const november = (await boss.get('/api/time-split?period=month&date=2026-11-15')).json();
    expect(november.workers.find((w: { name: string }) => w.name === 'Zoé').agreed.hostPartnerPercent).toBe(30);

    const mine = (await zoeAgent.get('/api/time-split?period=week&date=2026-10-08')).json();
    expect(mine.workers.map((w: { name: string }) => w.name)).toEqual(['Zoé']);
    const history = (await zoeAgent.get('/api/time-agreements')).json().items;
    expect(history.map((a: { effectiveFrom: string }) => a.effectiveFrom)).toEqual([
      '2026-11-01',
      '2026-10-01',
      '2026-01-01',
    ]);
  });

  it('refuses mission shares that do not add up, and a worker of another team', async () => {
    const shares = await coordinator.post('/api/time-agreements', {
      effectiveFrom: '2026-01-01',
      hostPartnerPercent: 20,
      missionPercents: { orientation: 50, networking: 20 },
    });
    expect(shares.statusCode).toBe(400);
    expect(shares.json().error.fields[0].path).toBe('missionPercents');
    const stranger = await buildUser(t.database.db, { teamIds: [] });
    const outsider = await coordinator.post('/api/time-agreements', {
      workerId: stranger.id,
      effectiveFrom: '2026-01-01',
      hostPartnerPercent: 20,
    });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().error.fields[0].path).toBe('workerId');
    expect((await other.get(`/api/time-split?teamId=${teamA}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/time-split?teamId=${teamA}`)).statusCode).toBe(403);
  });
});
