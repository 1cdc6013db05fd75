import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ActivitySummary } from '../../../core/contracts/activities.ts';
import type { Committee, CommitteeSummary, Meeting } from '../../../core/contracts/committees.ts';
import { signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { seedDemo } from '../seed.ts';

describe('seed --demo: collective work', () => {
  let test: TestApp;
  let worker: { email: string; password: string };
  beforeAll(async () => {
    test = await createTestApp();
    const { credentials } = await seedDemo(test.database.db);
    const found = credentials.find((c) => c.role === 'worker' && c.teams.includes('iq-ascot-jardins-fleuris'));
    if (!found) throw new Error('no demo worker in Ascot');
    worker = found;
  });
  afterAll(() => test?.close());

  it('gives a worker La soupière, a tenants’ rights session and a closed women’s group, with past attendance', async () => {
    const agent = await signedInAgent(test.app, worker.email, worker.password);
    const list = (await agent.get('/api/activities')).json() as { items: ActivitySummary[] };
    const byTitle = new Map(list.items.map((activity) => [activity.title, activity]));
    expect(byTitle.get('La soupière')?.kind).toBe('meal');
    expect(byTitle.get('La soupière')?.sessionCount).toBe(6);
    expect(byTitle.get('Groupe des femmes du mardi')?.groupType).toBe('closed');
    expect(byTitle.get('Séance d’information : vos droits de locataire')?.kind).toBe('informationSession');

    const meal = (await agent.get(`/api/activities/${byTitle.get('La soupière')?.id}`)).json() as Activity;
    const today = new Date().toISOString().slice(0, 10);
    for (const session of meal.sessions) {
      expect(session.onDate <= today).toBe(true);
      expect(session.attendees.length).toBeGreaterThan(0);
      expect(session.total).toBeGreaterThan(session.attendees.length);
    }
    expect(meal.sessions.some((s) => s.attendees.some((a) => a.role === 'volunteer'))).toBe(true);
  });

  it('gives a codéveloppement table two meetings whose texts name nobody the team knows', async () => {
    const agent = await signedInAgent(test.app, worker.email, worker.password);
    const list = (await agent.get('/api/committees')).json() as { items: CommitteeSummary[] };
    expect(list.items).toHaveLength(1);
    const committee = (await agent.get(`/api/committees/${list.items[0]?.id}`)).json() as Committee;
    expect(committee.members.length).toBeGreaterThan(0);
    expect(committee.meetings).toHaveLength(2);
    for (const { id } of committee.meetings) {
      const meeting = (await agent.get(`/api/committee-meetings/${id}`)).json() as Meeting;
      expect(meeting.minutes.length).toBeGreaterThan(0);
      // Saved again unchanged, it passes the same check any author's text does.
      const saved = await agent.patch(`/api/committee-meetings/${id}`, {
        baseVersion: meeting.version,
        minutes: meeting.minutes,
        agenda: meeting.agenda,
        situations: meeting.situations,
        decisions: meeting.decisions,
      });
      expect(saved.statusCode, saved.body).toBe(200);
    }
  });

  it('runs again without adding a second set', async () => {
    await seedDemo(test.database.db);
    const [row] = await test.database.query<{ activities: number; committees: number }>(
      `select (select count(*)::int from collective_activities) as activities,
              (select count(*)::int from committees) as committees`,
    );
    expect(row).toEqual({ activities: 6, committees: 2 });
  });
});
