import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityProjects, projectCitizens, projectHistory } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { seedDemo } from '../seed.ts';
import { demoTeams } from './territories.ts';

describe('seed --demo: community projects', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test?.close());

  it('gives each team three projects at different stages, once', async () => {
    await seedDemo(test.database.db);
    const { db } = test.database;
    const projects = await db.select().from(communityProjects).orderBy(asc(communityProjects.title));
    expect(projects).toHaveLength(3 * demoTeams.length);
    const cafe = projects.find((p) => p.title === 'Café Partage');
    expect(cafe).toMatchObject({ stage: 'handover', ownership: 'carriedByCitizens' });
    expect(new Set(projects.map((p) => p.stage))).toEqual(new Set(['handover', 'action', 'planning']));
    const history = await db.select().from(projectHistory);
    expect(history.filter((h) => h.projectId === cafe?.id && h.kind === 'ownership')).toHaveLength(5);
    expect((await db.select().from(projectCitizens)).length).toBeGreaterThan(0);

    await seedDemo(test.database.db);
    expect(await db.select().from(communityProjects)).toHaveLength(projects.length);
  });
});
