import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentEvents, privacyIncidents } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { seedDemo } from '../seed.ts';
import { demoTeams } from './territories.ts';

describe('seed --demo: consent and incident registers', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test?.close());

  it('fills each team’s consent register and gives it one closed incident, once', async () => {
    await seedDemo(test.database.db);
    const { db } = test.database;
    const incidents = await db.select().from(privacyIncidents);
    expect(incidents).toHaveLength(demoTeams.length);
    expect(incidents.every((i) => i.closedOn !== null && i.nature === 'lostDevice')).toBe(true);
    const consents = await db.select().from(consentEvents);
    expect(consents.length).toBeGreaterThan(0);

    await seedDemo(test.database.db);
    expect(await db.select().from(privacyIncidents)).toHaveLength(incidents.length);
    expect(await db.select().from(consentEvents)).toHaveLength(consents.length);
  });
});
