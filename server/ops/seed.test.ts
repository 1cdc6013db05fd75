import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../core/roles.ts';
import { auditLog, neighbourhoods, teams, users } from '../db/schema/index.ts';
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
    const [[u], [t], [n], [a]] = await Promise.all([
      db.select({ n: count() }).from(users),
      db.select({ n: count() }).from(teams),
      db.select({ n: count() }).from(neighbourhoods),
      db.select({ n: count() }).from(auditLog),
    ]);
    return { users: u?.n, teams: t?.n, neighbourhoods: n?.n, audit: a?.n };
  };

  it('builds a team of every role on both sides of the ocean, and runs again without duplicating', async () => {
    const first = await seedDemo(test.database.db);
    const afterFirst = await totals();
    expect(afterFirst.teams).toBe(demoTeams.length);
    expect(afterFirst.neighbourhoods).toBe(4);

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
});
