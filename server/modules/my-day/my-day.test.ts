import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildEncounter, buildPerson, buildSession, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let anaId: string;
let benId: string;
let teamA: string;
let teamB: string;
const today = '2026-11-25';
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  teamB = (await buildTeam(db)).id;
  const anaUser = await buildUser(db, { teamIds: [teamA] });
  anaId = anaUser.id;
  benId = (await buildUser(db, { teamIds: [teamA] })).id;
  ana = await signedInAgent(t.app, anaUser.email);
});
afterAll(() => t.close());

describe('my day', () => {
  it('gathers today’s sessions (mine first), due follow-ups, recent encounters and people met lately', async () => {
    const db = t.database.db;
    const bens = await buildSession(db, teamA, { createdBy: benId, onDate: today, startedAt: at(today, 8) });
    const mine = await buildSession(db, teamA, { createdBy: anaId, onDate: today, startedAt: at(today, 9) });
    await buildSession(db, teamA, {
      createdBy: anaId,
      onDate: '2026-11-20',
      startedAt: at('2026-11-20'),
      endedAt: at('2026-11-20', 12),
    });
    await buildSession(db, teamB, { onDate: today });
    const overdue = await buildEncounter(db, teamA, {
      createdBy: anaId,
      followUpOn: '2026-11-20',
      occurredAt: at('2026-11-18'),
    });
    const due = await buildEncounter(db, teamA, { createdBy: anaId, followUpOn: today, occurredAt: at('2026-11-24') });
    await buildEncounter(db, teamA, { createdBy: anaId, followUpOn: '2026-12-01', occurredAt: at('2026-11-24') });
    await buildEncounter(db, teamA, { createdBy: benId, followUpOn: today, occurredAt: at('2026-11-24') });
    const recentPerson = await buildPerson(db, teamA, { nickname: 'Vu hier' });
    const olderPerson = await buildPerson(db, teamA, { nickname: 'Vu la semaine passée' });
    await buildEncounter(db, teamA, { createdBy: benId, personId: olderPerson.id, occurredAt: at('2026-11-17') });
    await buildEncounter(db, teamA, { createdBy: anaId, personId: recentPerson.id, occurredAt: at('2026-11-24', 15) });
    const otherTeamPerson = await buildPerson(db, teamB, { nickname: 'Ailleurs' });
    await buildEncounter(db, teamB, { personId: otherTeamPerson.id, occurredAt: at('2026-11-24') });

    const day = (await ana.get(`/api/my-day?date=${today}`)).json();
    expect(day.date).toBe(today);
    expect(day.sessions.map((s: { id: string }) => s.id)).toEqual([mine.id, bens.id]);
    expect(day.followUps.map((f: { state: string; encounter: { id: string } }) => [f.state, f.encounter.id])).toEqual([
      ['overdue', overdue.id],
      ['dueToday', due.id],
    ]);
    expect(day.recentEncounters.every((e: { createdBy: string }) => e.createdBy === anaId)).toBe(true);
    expect(day.recentPeople.map((p: { nickname: string }) => p.nickname)).toEqual(['Vu hier', 'Vu la semaine passée']);
  });

  it('drops a follow-up once done', async () => {
    const encounter = await buildEncounter(t.database.db, teamA, { createdBy: anaId, followUpOn: '2026-11-01' });
    expect((await ana.post(`/api/encounters/${encounter.id}/follow-up`, { done: true })).statusCode).toBe(200);
    const day = (await ana.get(`/api/my-day?date=${today}`)).json();
    expect(day.followUps.map((f: { encounter: { id: string } }) => f.encounter.id)).not.toContain(encounter.id);
  });
});
