import { uuidv7 } from '../../../core/uuid.ts';
import { bridgingSupports } from '../../db/schema/index.ts';
import type { TestApp } from '../app.ts';
import { buildReferral, buildService } from '../directory-factories.ts';
import { coordinators, type Row, signedIn, teamA, type World } from './matrix.ts';

/** A fresh referral of team A for each caller, so writes never collide. */
const referralOfA = async (w: World, t: TestApp) =>
  (await buildReferral(t.database.db, w.teamA, { personId: w.personA })).id;

async function supportOfA(w: World, t: TestApp) {
  const id = uuidv7();
  await t.database.db
    .insert(bridgingSupports)
    .values({ id, teamId: w.teamA, personId: w.personA, startedOn: '2026-11-01' });
  return id;
}

/** Rows of the referral routes (issue 5): referrals, slip, stats, settings, bridging support. */
export const referralRows: Row[] = [
  { route: 'GET /api/referrals', call: () => ({ url: '/api/referrals' }), expected: { ...signedIn(200), admin: 403 } },
  {
    route: 'POST /api/referrals',
    call: async (w, t) => ({
      url: '/api/referrals',
      payload: { teamId: w.teamA, serviceId: (await buildService(t.database.db)).id, needs: ['food'] },
    }),
    expected: teamA(201, 422),
  },
  {
    route: 'GET /api/referrals/:id',
    call: async (w, t) => ({ url: `/api/referrals/${await referralOfA(w, t)}` }),
    expected: teamA(200),
  },
  {
    route: 'PATCH /api/referrals/:id',
    call: async (w, t) => ({
      url: `/api/referrals/${await referralOfA(w, t)}`,
      payload: { baseVersion: 1, needs: ['housing'] },
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/referrals/:id/status',
    call: async (w, t) => ({
      url: `/api/referrals/${await referralOfA(w, t)}/status`,
      payload: { baseVersion: 1, status: 'sent' },
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/referrals/:id/check-backs',
    call: async (w, t) => ({ url: `/api/referrals/${await referralOfA(w, t)}/check-backs`, payload: {} }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/referrals/:id/notes',
    call: async (w, t) => ({
      url: `/api/referrals/${await referralOfA(w, t)}/notes`,
      payload: { note: 'Le service rappellera lundi.' },
    }),
    expected: teamA(200),
  },
  {
    route: 'GET /api/referrals/:id/slip',
    call: async (w, t) => ({ url: `/api/referrals/${await referralOfA(w, t)}/slip` }),
    expected: teamA(200),
  },
  {
    route: 'GET /api/referral-stats',
    call: () => ({ url: '/api/referral-stats' }),
    expected: { ...signedIn(200), admin: 403 },
  },
  { route: 'GET /api/referral-settings', call: () => ({ url: '/api/referral-settings' }), expected: signedIn(200) },
  {
    route: 'PATCH /api/referral-settings',
    call: () => ({ url: '/api/referral-settings', payload: { checkBackDays: [7, 30] } }),
    expected: coordinators(200),
  },
  {
    route: 'GET /api/bridging-supports',
    call: () => ({ url: '/api/bridging-supports' }),
    expected: { ...signedIn(200), admin: 403 },
  },
  {
    route: 'POST /api/bridging-supports',
    call: (w) => ({ url: '/api/bridging-supports', payload: { personId: w.personA } }),
    expected: teamA(201, 422),
  },
  {
    route: 'GET /api/bridging-supports/:id',
    call: async (w, t) => ({ url: `/api/bridging-supports/${await supportOfA(w, t)}` }),
    expected: teamA(200),
  },
  {
    route: 'PATCH /api/bridging-supports/:id',
    call: async (w, t) => ({
      url: `/api/bridging-supports/${await supportOfA(w, t)}`,
      payload: { baseVersion: 1, purpose: 'En attendant la place en logement' },
    }),
    expected: teamA(200),
  },
  {
    route: 'POST /api/bridging-supports/:id/contacts',
    call: async (w, t) => ({
      url: `/api/bridging-supports/${await supportOfA(w, t)}/contacts`,
      payload: { kind: 'call', durationMinutes: 10 },
    }),
    expected: teamA(201),
  },
];
