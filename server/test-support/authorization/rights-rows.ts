import { uuidv7 } from '../../../core/uuid.ts';
import { privacyIncidents } from '../../db/schema/index.ts';
import type { TestApp } from '../app.ts';
import { buildPerson } from '../factories.ts';
import { everyone, type Row } from './matrix.ts';

/**
 * People's rights (issue 8, point 6): the person's team coordinator exports and erases; an admin
 * reads with a reason (none given here: 403) and never erases; another team's coordinator is told
 * the person or team does not exist. Incidents are not person data: an admin reads them freely.
 */
const coordinatorOfA = (status: number, otherCoordinator = 404, admin = 403) => ({
  ...everyone(403),
  anonymous: 401,
  coordinator: status,
  admin,
  otherCoordinator,
});

async function incidentOf(t: TestApp, teamId: string) {
  const [row] = await t.database.db
    .insert(privacyIncidents)
    .values({ id: uuidv7(), teamId, occurredOn: '2026-11-10', nature: 'lostDevice', dataConcerned: 'Téléphone' })
    .returning();
  return row!.id;
}

export const rightsRows: Row[] = [
  {
    route: 'GET /api/people/:id/access-request',
    call: (w) => ({ url: `/api/people/${w.personA}/access-request` }),
    expected: coordinatorOfA(200),
  },
  {
    route: 'POST /api/people/:id/erasure',
    // A fresh person for each caller: the one erased is gone for the next.
    call: async (w, t) => {
      const person = await buildPerson(t.database.db, w.teamA, { nickname: 'À effacer' });
      return {
        url: `/api/people/${person.id}/erasure`,
        payload: { reason: 'Demande de la personne', confirmNickname: 'À effacer' },
      };
    },
    expected: coordinatorOfA(200),
  },
  {
    route: 'GET /api/consent-register',
    call: (w) => ({ url: `/api/consent-register?teamId=${w.teamA}` }),
    expected: coordinatorOfA(200),
  },
  {
    route: 'GET /api/consent-register.csv',
    call: (w) => ({ url: `/api/consent-register.csv?teamId=${w.teamA}` }),
    expected: coordinatorOfA(200),
  },
  {
    route: 'GET /api/privacy-incidents',
    call: (w) => ({ url: `/api/privacy-incidents?teamId=${w.teamA}` }),
    expected: coordinatorOfA(200, 404, 200),
  },
  {
    route: 'GET /api/privacy-incidents.csv',
    call: (w) => ({ url: `/api/privacy-incidents.csv?teamId=${w.teamA}` }),
    expected: coordinatorOfA(200, 404, 200),
  },
  {
    route: 'POST /api/privacy-incidents',
    call: (w) => ({
      url: '/api/privacy-incidents',
      payload: { teamId: w.teamA, occurredOn: '2026-11-10', nature: 'lostDevice', dataConcerned: 'Téléphone' },
    }),
    expected: coordinatorOfA(201, 422, 201),
  },
  {
    route: 'PATCH /api/privacy-incidents/:id',
    call: async (w, t) => ({
      url: `/api/privacy-incidents/${await incidentOf(t, w.teamA)}`,
      payload: { baseVersion: 1, closedOn: '2026-11-12' },
    }),
    expected: coordinatorOfA(200, 404, 200),
  },
];
