import { buildSector } from '../territory-factories.ts';
import { coordinators, next, type Row, signedIn } from './matrix.ts';

const square = (lon: number, lat: number) => [
  [
    [lon, lat],
    [lon + 0.01, lat],
    [lon + 0.01, lat + 0.01],
    [lon, lat + 0.01],
    [lon, lat],
  ],
];

/** Rows of the territory routes (issue 6): sectors, neighbourhoods' outlines, indicators, ranking. */
export const territoryRows: Row[] = [
  {
    route: 'POST /api/territory/sectors/import',
    call: () => ({
      url: '/api/territory/sectors/import',
      payload: {
        geojson: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { code: `M-${next()}` },
              geometry: { type: 'Polygon', coordinates: square(4.35, 50.84) },
            },
          ],
        },
      },
    }),
    expected: coordinators(200),
  },
  { route: 'GET /api/territory/sectors', call: () => ({ url: '/api/territory/sectors' }), expected: signedIn(200) },
  {
    route: 'GET /api/territory/neighbourhoods/:id',
    call: (w) => ({ url: `/api/territory/neighbourhoods/${w.neighbourhoodA}` }),
    expected: signedIn(200),
  },
  {
    route: 'PATCH /api/territory/neighbourhoods/:id',
    call: (w) => ({ url: `/api/territory/neighbourhoods/${w.neighbourhoodA}`, payload: { realBorders: 'Le canal' } }),
    // Another team's coordinator does not draw team A's neighbourhood.
    expected: { ...coordinators(200), otherCoordinator: 403 },
  },
  {
    route: 'POST /api/territory/indicators/import',
    call: async (_w, t) => {
      const sector = await buildSector(t.database.db);
      return {
        url: '/api/territory/indicators/import',
        payload: { csv: `sector;indicator;year;value\n${sector.code};population;2021;2400\n` },
      };
    },
    expected: coordinators(200),
  },
  {
    route: 'GET /api/territory/indicators',
    call: () => ({ url: '/api/territory/indicators' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/territory/indicators/:code/:year',
    call: () => ({ url: '/api/territory/indicators/population/2021' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/territory/ranking',
    call: () => ({
      url: '/api/territory/ranking',
      payload: {
        criteria: [{ indicator: 'median_income', year: 2021, weight: 1, need: 'lower' }],
        population: { indicator: 'population', year: 2021 },
        target: { min: 20000, max: 30000 },
      },
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/territory/coverage',
    call: () => ({ url: '/api/territory/coverage?from=2026-01-01&to=2026-12-31' }),
    // Field work in aggregate: an admin states a reason, as for the records themselves.
    expected: { ...signedIn(200), admin: 403 },
  },
];
