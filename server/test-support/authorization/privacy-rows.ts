import { uuidv7 } from '../../../core/uuid.ts';
import { accessGrants } from '../../db/schema/index.ts';
import type { TestApp } from '../app.ts';
import { buildPerson, buildUser } from '../factories.ts';
import { coordinators, type Row, signedIn, type World } from './matrix.ts';

/**
 * Rows of the audit viewer and break the glass (issue 8, points 3 and 4). Each grant goes to a fresh
 * person of team A, so no caller keeps access to the shared world's person for later rows.
 */
const reason = 'Rencontré à la gare, il demande son suivi';
const freshPersonOfA = async (w: World, t: TestApp) => (await buildPerson(t.database.db, w.teamA)).id;

/** A live grant held by a worker of team B on a fresh person of team A. */
async function grantOnA(w: World, t: TestApp) {
  const holder = await buildUser(t.database.db, { role: 'worker', teamIds: [w.teamB] });
  const id = uuidv7();
  await t.database.db.insert(accessGrants).values({
    id,
    userId: holder.id,
    personId: await freshPersonOfA(w, t),
    teamId: w.teamA,
    reason,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return id;
}

export const privacyRows: Row[] = [
  // Oversight: admins see the whole log, coordinators what concerns their teams; workers none.
  { route: 'GET /api/audit', call: () => ({ url: '/api/audit' }), expected: coordinators(200) },
  { route: 'GET /api/audit/export.csv', call: () => ({ url: '/api/audit/export.csv' }), expected: coordinators(200) },
  {
    route: 'GET /api/audit/people/:id',
    call: (w) => ({ url: `/api/audit/people/${w.personA}` }),
    expected: { ...coordinators(200), otherCoordinator: 404 },
  },
  {
    route: 'POST /api/access-grants/search',
    call: () => ({ url: '/api/access-grants/search', payload: { reason, search: 'Ti-Jean' } }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/access-grants',
    call: async (w, t) => ({ url: '/api/access-grants', payload: { personId: await freshPersonOfA(w, t), reason } }),
    // The team's own members need no glass to break (422 naming the person); everyone else gets it.
    expected: {
      anonymous: 401,
      worker: 422,
      organizer: 422,
      coordinator: 422,
      admin: 201,
      otherWorker: 201,
      otherCoordinator: 201,
    },
  },
  { route: 'GET /api/access-grants', call: () => ({ url: '/api/access-grants' }), expected: signedIn(200) },
  {
    route: 'POST /api/access-grants/:id/revoke',
    call: async (w, t) => ({ url: `/api/access-grants/${await grantOnA(w, t)}/revoke` }),
    // The team's coordinator and admins revoke; nobody else even sees the grant.
    expected: { ...signedIn(404), coordinator: 200, admin: 200 },
  },
];
