import { coordinators, next, type Row, signedIn } from './matrix.ts';

/** Rows of the HSDS import and export (issue 5): export to every signed-in role, import to coordinators and admins. */
export const hsdsRows: Row[] = [
  { route: 'GET /api/hsds/export.json', call: () => ({ url: '/api/hsds/export.json' }), expected: signedIn(200) },
  { route: 'GET /api/hsds/export.zip', call: () => ({ url: '/api/hsds/export.zip' }), expected: signedIn(200) },
  {
    route: 'POST /api/hsds/import',
    call: () => ({
      url: '/api/hsds/import?dryRun=true&source=Matrice',
      payload: [{ id: `svc-${next()}`, name: 'Halte-garderie', status: 'active' }],
    }),
    expected: coordinators(200),
  },
];
