import { eq } from 'drizzle-orm';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database } from '../../db/client.ts';
import { diagnostics, diagnosticVersions } from '../../db/schema/index.ts';
import { buildNeedSignal } from '../diagnostic-factories.ts';
import { everyone, type Row, signedIn, teamA } from './matrix.ts';

const sections = { history: 'Ancien quartier ouvrier.' };

/** Team A's neighbourhood diagnostic, made on first use with one draft version. */
async function diagnosticOf(db: Database, neighbourhoodId: string, teamId: string) {
  const [found] = await db.select().from(diagnostics).where(eq(diagnostics.neighbourhoodId, neighbourhoodId));
  if (found) return found;
  const id = uuidv7();
  await db.insert(diagnostics).values({ id, neighbourhoodId, teamId, currentVersion: 1 });
  await db.insert(diagnosticVersions).values({
    id: uuidv7(),
    diagnosticId: id,
    number: 1,
    status: 'draft',
    title: 'Diagnostic 2026',
    sections,
    priorities: [],
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
  });
  return (await db.select().from(diagnostics).where(eq(diagnostics.id, id)))[0]!;
}

/** Rows of need signals and the diagnostic (issue 6). */
export const diagnosticRows: Row[] = [
  {
    route: 'GET /api/need-signals',
    call: () => ({ url: '/api/need-signals' }),
    // Another team's members get their own (empty) list; an admin states a reason.
    expected: { ...signedIn(200), admin: 403 },
  },
  {
    route: 'POST /api/need-signals/detect',
    call: () => ({ url: '/api/need-signals/detect', payload: {} }),
    expected: { ...everyone(403), anonymous: 401, coordinator: 200, otherCoordinator: 200 },
  },
  {
    route: 'PATCH /api/need-signals/:id',
    call: async (w, t) => {
      const signal = await buildNeedSignal(t.database.db, w.teamA, w.neighbourhoodA);
      return { url: `/api/need-signals/${signal.id}`, payload: { baseVersion: 1, status: 'acknowledged' } };
    },
    expected: teamA(200),
  },
  {
    route: 'GET /api/need-signal-settings',
    call: (w) => ({ url: `/api/need-signal-settings?teamId=${w.teamA}` }),
    expected: { ...signedIn(200), otherWorker: 404, otherCoordinator: 404 },
  },
  {
    route: 'PATCH /api/need-signal-settings',
    call: (w) => ({
      url: '/api/need-signal-settings',
      payload: { teamId: w.teamA, windowDays: 60, minEncounters: 8, minPeople: 2, minRisePercent: null },
    }),
    expected: { ...everyone(403), anonymous: 401, coordinator: 200, otherCoordinator: 404 },
  },
  {
    route: 'GET /api/diagnostics',
    call: () => ({ url: '/api/diagnostics' }),
    expected: { ...signedIn(200), admin: 403 },
  },
  {
    route: 'GET /api/diagnostics/neighbourhoods/:id',
    call: (w) => ({ url: `/api/diagnostics/neighbourhoods/${w.neighbourhoodA}` }),
    expected: teamA(200),
  },
  {
    route: 'GET /api/diagnostics/neighbourhoods/:id/figures',
    call: (w) => ({ url: `/api/diagnostics/neighbourhoods/${w.neighbourhoodA}/figures` }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/diagnostics/neighbourhoods/:id/versions',
    call: async (w, t) => {
      const { currentVersion } = await diagnosticOf(t.database.db, w.neighbourhoodA, w.teamA);
      return {
        url: `/api/diagnostics/neighbourhoods/${w.neighbourhoodA}/versions`,
        payload: {
          baseVersion: currentVersion,
          title: 'Diagnostic 2026',
          sections,
          periodFrom: '2026-01-01',
          periodTo: '2026-12-31',
        },
      };
    },
    expected: teamA(201),
  },
  {
    route: 'GET /api/diagnostics/:id/versions/:number',
    call: async (w, t) => {
      const { id } = await diagnosticOf(t.database.db, w.neighbourhoodA, w.teamA);
      return { url: `/api/diagnostics/${id}/versions/1` };
    },
    expected: teamA(200),
  },
  {
    route: 'GET /api/diagnostics/:id/pdf',
    call: async (w, t) => {
      const { id } = await diagnosticOf(t.database.db, w.neighbourhoodA, w.teamA);
      return { url: `/api/diagnostics/${id}/pdf` };
    },
    expected: teamA(200),
  },
];
