import { uuidv7 } from '../../../core/uuid.ts';
import { ties } from '../../db/schema/index.ts';
import { buildActor } from '../directory-factories.ts';
import { type Row, signedIn, teamA } from './matrix.ts';

/** Rows of the network routes (issue 6): ties, interactions with actors, the graph. */
export const networkRows: Row[] = [
  { route: 'GET /api/ties', call: () => ({ url: '/api/ties' }), expected: { ...signedIn(200), admin: 403 } },
  {
    route: 'POST /api/ties',
    call: async (w, t) => ({
      url: '/api/ties',
      payload: {
        teamId: w.teamA,
        actorAId: (await buildActor(t.database.db)).id,
        actorBId: (await buildActor(t.database.db)).id,
        kind: 'collaboration',
      },
    }),
    expected: teamA(201, 422),
  },
  {
    route: 'PATCH /api/ties/:id',
    call: async (w, t) => {
      const [row] = await t.database.db
        .insert(ties)
        .values({
          id: uuidv7(),
          teamId: w.teamA,
          actorAId: (await buildActor(t.database.db)).id,
          actorBId: (await buildActor(t.database.db)).id,
          kind: 'knowsOf',
        })
        .returning();
      return { url: `/api/ties/${row!.id}`, payload: { baseVersion: 1, strength: 3 } };
    },
    expected: teamA(200),
  },
  {
    route: 'GET /api/actor-interactions',
    call: () => ({ url: '/api/actor-interactions' }),
    expected: { ...signedIn(200), admin: 403 },
  },
  {
    route: 'POST /api/actor-interactions',
    call: async (w, t) => ({
      url: '/api/actor-interactions',
      payload: {
        teamId: w.teamA,
        kind: 'meeting',
        occurredOn: '2026-11-20',
        title: 'Rencontre avec le CLSC',
        actorIds: [(await buildActor(t.database.db)).id],
      },
    }),
    expected: teamA(201, 422),
  },
  { route: 'GET /api/network', call: () => ({ url: '/api/network' }), expected: { ...signedIn(200), admin: 403 } },
  {
    route: 'GET /api/network/compare',
    call: () => ({ url: '/api/network/compare?from=2025-01-01&to=2026-01-01' }),
    expected: { ...signedIn(200), admin: 403 },
  },
];
