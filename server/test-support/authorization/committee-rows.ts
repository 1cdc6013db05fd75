import { uuidv7 } from '../../../core/uuid.ts';
import { committeeMeetings, committees } from '../../db/schema/index.ts';
import type { TestApp } from '../app.ts';
import { type Row, signedIn, teamA } from './matrix.ts';

/** Rows of the committee routes (issue 7): team A's committees and meetings, without names. */
async function committeeOf(t: TestApp, teamId: string) {
  const [row] = await t.database.db
    .insert(committees)
    .values({ id: uuidv7(), teamId, name: 'Table Ascot' })
    .returning();
  return row!.id;
}

async function meetingOf(t: TestApp, teamId: string) {
  const committeeId = await committeeOf(t, teamId);
  const [row] = await t.database.db
    .insert(committeeMeetings)
    .values({ id: uuidv7(), committeeId, teamId, heldOn: '2026-11-18', minutes: 'Tour de table.' })
    .returning();
  return row!.id;
}

const meeting = { heldOn: '2026-11-18', minutes: 'Huit partenaires présents.' };

export const committeeRows: Row[] = [
  {
    route: 'GET /api/committees',
    call: () => ({ url: '/api/committees' }),
    expected: { ...signedIn(200), admin: 403 },
  },
  {
    route: 'POST /api/committees',
    call: (w) => ({ url: '/api/committees', payload: { teamId: w.teamA, name: 'Table de quartier' } }),
    expected: teamA(201, 422),
  },
  {
    route: 'GET /api/committees/:id',
    call: async (w, t) => ({ url: `/api/committees/${await committeeOf(t, w.teamA)}` }),
    expected: teamA(200),
  },
  {
    route: 'PATCH /api/committees/:id',
    call: async (w, t) => ({
      url: `/api/committees/${await committeeOf(t, w.teamA)}`,
      payload: { baseVersion: 1, purpose: 'Codéveloppement' },
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/committees/:id/meetings',
    call: async (w, t) => ({ url: `/api/committees/${await committeeOf(t, w.teamA)}/meetings`, payload: meeting }),
    expected: teamA(201),
  },
  {
    route: 'POST /api/committee-meetings/check',
    call: (w) => ({
      url: '/api/committee-meetings/check',
      payload: { teamId: w.teamA, texts: [{ path: 'minutes', text: 'Tour de table' }] },
    }),
    expected: teamA(200, 422),
  },
  {
    route: 'GET /api/committee-meetings/:id',
    call: async (w, t) => ({ url: `/api/committee-meetings/${await meetingOf(t, w.teamA)}` }),
    expected: teamA(200),
  },
  {
    route: 'PATCH /api/committee-meetings/:id',
    call: async (w, t) => ({
      url: `/api/committee-meetings/${await meetingOf(t, w.teamA)}`,
      payload: { baseVersion: 1, minutes: 'Neuf partenaires présents.' },
    }),
    expected: teamA(200),
  },
];
