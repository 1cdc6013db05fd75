import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../core/roles.ts';
import { auditLog, encounters, neighbourhoods, people, teams, users } from '../db/schema/index.ts';
import { signedInAgent } from '../test-support/agent.ts';
import { createTestApp, type TestApp } from '../test-support/app.ts';
import { demoPassword } from './demo/accounts.ts';
import { demoTeams } from './demo/territories.ts';
import { seedDemo } from './seed.ts';

describe('seed --demo', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test?.close());

  const totals = async () => {
    const { db } = test.database;
    const [[u], [t], [n], [a], [p], [e]] = await Promise.all([
      db.select({ n: count() }).from(users),
      db.select({ n: count() }).from(teams),
      db.select({ n: count() }).from(neighbourhoods),
      db.select({ n: count() }).from(auditLog),
      db.select({ n: count() }).from(people),
      db.select({ n: count() }).from(encounters),
    ]);
    return { users: u?.n, teams: t?.n, neighbourhoods: n?.n, audit: a?.n, people: p?.n, encounters: e?.n };
  };

  it('builds a team of every role on both sides of the ocean, and runs again without duplicating', async () => {
    const first = await seedDemo(test.database.db);
    const afterFirst = await totals();
    expect(afterFirst.teams).toBe(demoTeams.length);
    expect(afterFirst.neighbourhoods).toBe(4);
    expect(afterFirst.people).toBeGreaterThan(100);
    expect(afterFirst.encounters).toBeGreaterThan(500);

    // Every place stands on the map, inside the box of its neighbourhood's sectors.
    const spots = await test.database.query<{ name: string; inside: boolean | null }>(
      `select p.name, exists (
         select 1 from neighbourhood_sectors ns join sectors s on s.id = ns.sector_id
         where ns.neighbourhood_id = p.neighbourhood_id
           and p.longitude between s.west and s.east and p.latitude between s.south and s.north
       ) as inside from places p`,
    );
    expect(spots.length).toBeGreaterThan(0);
    for (const spot of spots) expect(spot.inside, spot.name).toBe(true);

    const second = await seedDemo(test.database.db);
    expect(await totals()).toEqual(afterFirst);
    expect(second.credentials).toEqual(first.credentials);

    expect(new Set(first.credentials.map((c) => c.role))).toEqual(new Set(roles));
    for (const team of demoTeams) {
      const members = first.credentials.filter((c) => c.teams.includes(team.code));
      for (const role of ['worker', 'organizer', 'coordinator'] as const) {
        expect(
          members.some((c) => c.role === role),
          `${role} in ${team.code}`,
        ).toBe(true);
      }
    }
  });

  it('lets every demo account sign in with the printed password', async () => {
    const { credentials } = await seedDemo(test.database.db);
    for (const credential of credentials) {
      expect(credential.password).toBe(demoPassword);
      const agent = await signedInAgent(test.app, credential.email, credential.password);
      const me = (await agent.get('/api/auth/session')).json().user;
      expect(me.role).toBe(credential.role);
      expect(me.teams.map((t: { code: string }) => t.code).sort()).toEqual([...credential.teams].sort());
    }
  });

  it('gives each demo worker a round today and follow-ups due today and overdue', async () => {
    await seedDemo(test.database.db);
    const today = new Date().toISOString().slice(0, 10);
    const rows = await test.database.query<{ email: string; due: number; overdue: number; today_rounds: number }>(
      `select u.email,
              (select count(*)::int from encounters e where e.created_by = u.id and e.follow_up_done_at is null and e.follow_up_on = $1) as due,
              (select count(*)::int from encounters e where e.created_by = u.id and e.follow_up_done_at is null and e.follow_up_on < $1) as overdue,
              (select count(*)::int from outreach_session_members m join outreach_sessions s on s.id = m.session_id
                where m.user_id = u.id and s.on_date = $1) as today_rounds
       from users u where u.role = 'worker' and u.email like '%demo.relais.local'`,
      [today],
    );
    expect(rows.length).toBe(4);
    for (const row of rows) {
      expect(row.due, row.email).toBeGreaterThan(0);
      expect(row.overdue, row.email).toBeGreaterThan(0);
    }
    expect(rows.some((row) => row.today_rounds > 0)).toBe(true);
  });

  it('shows need signals detected from the demo’s field work and a drafted diagnostic per team', async () => {
    await seedDemo(test.database.db);
    const rows = await test.database.query<{ code: string; signals: number; acknowledged: number; versions: number }>(
      `select n.code,
              (select count(*)::int from need_signals s where s.team_id = n.team_id) as signals,
              (select count(*)::int from need_signals s where s.team_id = n.team_id and s.status = 'acknowledged') as acknowledged,
              (select count(*)::int from diagnostic_versions v join diagnostics d on d.id = v.diagnostic_id
                where d.neighbourhood_id = n.id) as versions
       from neighbourhoods n where n.code in ('ascot', 'cureghem') order by n.code`,
    );
    expect(rows.map((r) => r.code)).toEqual(['ascot', 'cureghem']);
    for (const row of rows) {
      expect(row.signals, row.code).toBeGreaterThan(0);
      expect(row.acknowledged, row.code).toBe(1);
      expect(row.versions, row.code).toBe(1);
    }
  });

  it('gives each demo team weeks of time by mission, some outside the mandate, the 20/80 agreement and a daily log', async () => {
    await seedDemo(test.database.db);
    const rows = await test.database.query<{ entries: number; outside: number; host: number; days: number }>(
      `select (select count(*)::int from time_entries e where e.team_id = t.id) as entries,
              (select count(*)::int from time_entries e where e.team_id = t.id and e.outside_mandate) as outside,
              (select max(host_partner_percent)::int from time_agreements a where a.team_id = t.id and a.worker_id is null) as host,
              (select count(*)::int from team_log_days d where d.team_id = t.id) as days
       from teams t where t.code in (${demoTeams.map((team) => `'${team.code}'`).join(', ')})`,
    );
    expect(rows).toHaveLength(demoTeams.length);
    for (const row of rows) {
      expect(row.entries).toBeGreaterThan(100);
      expect(row.outside).toBeGreaterThan(0);
      expect(row.host).toBe(20);
      expect(row.days).toBeGreaterThan(20);
    }
  });
});
