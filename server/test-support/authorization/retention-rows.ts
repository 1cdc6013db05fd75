import { adminOnly, type Row } from './matrix.ts';

/** Retention rules, the purge and its log (issue 8, point 5): admins only, everyone else 403. */
export const retentionRows: Row[] = [
  { route: 'GET /api/retention/rules', call: () => ({ url: '/api/retention/rules' }), expected: adminOnly(200) },
  {
    route: 'PUT /api/retention/rules',
    call: () => ({ url: '/api/retention/rules', payload: { rules: { anonymousEncounters: 36 } } }),
    expected: adminOnly(200),
  },
  { route: 'POST /api/retention/dry-run', call: () => ({ url: '/api/retention/dry-run' }), expected: adminOnly(200) },
  { route: 'POST /api/retention/purge', call: () => ({ url: '/api/retention/purge' }), expected: adminOnly(200) },
  { route: 'GET /api/retention/runs', call: () => ({ url: '/api/retention/runs' }), expected: adminOnly(200) },
];
