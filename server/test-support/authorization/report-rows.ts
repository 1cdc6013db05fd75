import { uuidv7 } from '../../../core/uuid.ts';
import { reportTemplates } from '../../db/schema/index.ts';
import type { TestApp } from '../app.ts';
import { everyone, type Row, signedIn } from './matrix.ts';

/**
 * Rows of reports (issue 8): every role reads templates and runs reports of its own teams (an
 * organizer or admin: the whole organisation, no reason needed: counts only); team B is told team
 * A does not exist. Coordinators, organizers and admins save templates.
 */
async function templateOf(t: TestApp) {
  const id = uuidv7();
  await t.database.db
    .insert(reportTemplates)
    .values({ id, name: 'Matrice', indicators: ['needs'], periodType: 'month' });
  return id;
}

const authors = (status: number) => ({
  ...everyone(403),
  anonymous: 401,
  organizer: status,
  coordinator: status,
  admin: status,
  otherCoordinator: status,
});
const teamAReport = { ...signedIn(200), otherWorker: 404, otherCoordinator: 404 };

export const reportRows: Row[] = [
  {
    route: 'GET /api/reports/templates',
    call: () => ({ url: '/api/reports/templates' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/reports/templates',
    call: () => ({
      url: '/api/reports/templates',
      payload: { name: 'Mensuel', indicators: ['needs'], periodType: 'month' },
    }),
    expected: authors(201),
  },
  {
    route: 'PATCH /api/reports/templates/:id',
    call: async (_w, t) => ({
      url: `/api/reports/templates/${await templateOf(t)}`,
      payload: { version: 1, threshold: 7 },
    }),
    expected: authors(200),
  },
  {
    route: 'DELETE /api/reports/templates/:id',
    call: async (_w, t) => ({ url: `/api/reports/templates/${await templateOf(t)}?version=1` }),
    expected: authors(200),
  },
  {
    route: 'GET /api/reports/run',
    call: (w) => ({ url: `/api/reports/run?templateId=dashboard&teamId=${w.teamA}` }),
    expected: teamAReport,
  },
  {
    route: 'GET /api/reports/export',
    call: (w) => ({ url: `/api/reports/export?templateId=ciusssActivity&format=csv&teamId=${w.teamA}` }),
    expected: teamAReport,
  },
  {
    route: 'GET /api/reports/dashboard',
    call: (w) => ({ url: `/api/reports/dashboard?teamId=${w.teamA}` }),
    expected: teamAReport,
  },
];
