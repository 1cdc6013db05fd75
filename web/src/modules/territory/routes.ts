import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { coordinatorsOnly, signedInRoute } from '../../app/route-base.ts';

/** The territory pages (issue 6), joined into the route tree by app/router.tsx. */
const territoryRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/territory',
  component: lazyRouteComponent(() => import('./TerritoryPage.tsx'), 'TerritoryPage'),
});

const importsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/territory/imports',
  beforeLoad: coordinatorsOnly,
  component: lazyRouteComponent(() => import('./ImportsPage.tsx'), 'ImportsPage'),
});

const rankingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/territory/ranking',
  component: lazyRouteComponent(() => import('./RankingPage.tsx'), 'RankingPage'),
});

const neighbourhoodRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/territory/neighbourhoods/$neighbourhoodId',
  component: lazyRouteComponent(() => import('./NeighbourhoodTerritoryPage.tsx'), 'NeighbourhoodTerritoryPage'),
});

/** Coverage and places are the teams' field work: members only (admins read field work with a reason, elsewhere). */
const membersOnly = ({ context }: { context: { user: CurrentUser } }) => {
  if (context.user.role === 'admin') throw redirect({ to: '/not-allowed' });
};

const coverageRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/territory/coverage',
  beforeLoad: membersOnly,
  component: lazyRouteComponent(() => import('./CoveragePage.tsx'), 'CoveragePage'),
});

const placesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/territory/places',
  beforeLoad: membersOnly,
  component: lazyRouteComponent(() => import('./PlacesPage.tsx'), 'PlacesPage'),
});

export const territoryRoutes = [
  territoryRoute,
  importsRoute,
  rankingRoute,
  neighbourhoodRoute,
  coverageRoute,
  placesRoute,
] as const;
