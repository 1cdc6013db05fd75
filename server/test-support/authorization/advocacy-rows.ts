import { buildNeedSignal } from '../diagnostic-factories.ts';
import { type Row, signedIn, teamA } from './matrix.ts';

/** Rows of need signals passed to advocacy and the summary for partners (issue 8, point 7). */
export const advocacyRows: Row[] = [
  {
    route: 'PATCH /api/need-signals/:id/advocacy',
    call: async (w, t) => {
      const signal = await buildNeedSignal(t.database.db, w.teamA, w.neighbourhoodA);
      return {
        url: `/api/need-signals/${signal.id}/advocacy`,
        payload: { baseVersion: 1, themes: ['housing'], structuralProblem: 'Les chambres abordables ferment.' },
      };
    },
    expected: teamA(200),
  },
  {
    route: 'GET /api/need-signals/advocacy-summary',
    call: () => ({ url: '/api/need-signals/advocacy-summary?format=csv' }),
    // Another team's members get their own (empty) summary; an admin states a reason.
    expected: { ...signedIn(200), admin: 403 },
  },
];
