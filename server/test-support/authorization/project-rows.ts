import { uuidv7 } from '../../../core/uuid.ts';
import { communityProjects, projectMilestones } from '../../db/schema/index.ts';
import type { TestApp } from '../app.ts';
import { type Row, signedIn, teamA } from './matrix.ts';

/** Rows of the community project routes (issue 7): team A's projects. */
async function projectOf(t: TestApp, teamId: string, neighbourhoodId: string) {
  const [row] = await t.database.db
    .insert(communityProjects)
    .values({
      id: uuidv7(),
      teamId,
      neighbourhoodId,
      title: 'Café Partage',
      issue: 'L’isolement des aînés',
      approach: 'sociocommunity',
      startedOn: '2026-01-10',
    })
    .returning();
  return row!.id;
}

const url = async (w: Parameters<Row['call']>[0], t: TestApp, rest = '') =>
  `/api/projects/${await projectOf(t, w.teamA, w.neighbourhoodA)}${rest}`;

export const projectRows: Row[] = [
  {
    route: 'GET /api/projects',
    call: () => ({ url: '/api/projects' }),
    expected: { ...signedIn(200), admin: 403 },
  },
  {
    route: 'POST /api/projects',
    call: (w) => ({
      url: '/api/projects',
      payload: {
        teamId: w.teamA,
        neighbourhoodId: w.neighbourhoodA,
        title: 'Mobilisation transport',
        issue: 'Le bus ne passe plus le dimanche.',
        approach: 'sociopolitical',
      },
    }),
    expected: teamA(201, 422),
  },
  {
    route: 'GET /api/projects/:id',
    call: async (w, t) => ({ url: await url(w, t) }),
    expected: teamA(200),
  },
  {
    route: 'PATCH /api/projects/:id',
    call: async (w, t) => ({ url: await url(w, t), payload: { baseVersion: 1, approach: 'socioeconomic' } }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/projects/:id/stage',
    call: async (w, t) => ({ url: await url(w, t, '/stage'), payload: { baseVersion: 1, stage: 'mobilisation' } }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/projects/:id/ownership',
    call: async (w, t) => ({ url: await url(w, t, '/ownership'), payload: { baseVersion: 1, level: 'coLed' } }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/projects/:id/milestones',
    call: async (w, t) => ({
      url: await url(w, t, '/milestones'),
      payload: { stage: 'planning', title: 'Trouver une salle', plannedOn: '2026-04-15' },
    }),
    expected: teamA(201),
  },
  {
    route: 'PATCH /api/projects/:id/milestones/:itemId',
    call: async (w, t) => {
      const projectId = await projectOf(t, w.teamA, w.neighbourhoodA);
      const [row] = await t.database.db
        .insert(projectMilestones)
        .values({ id: uuidv7(), projectId, stage: 'planning', title: 'Trouver une salle', plannedOn: '2026-04-15' })
        .returning();
      return { url: `/api/projects/${projectId}/milestones/${row!.id}`, payload: { reachedOn: '2026-04-10' } };
    },
    expected: teamA(200),
  },
  {
    route: 'POST /api/projects/:id/journal',
    call: async (w, t) => ({
      url: await url(w, t, '/journal'),
      payload: { kind: 'decision', text: 'Le café ouvrira le mardi matin.' },
    }),
    expected: teamA(201),
  },
];
