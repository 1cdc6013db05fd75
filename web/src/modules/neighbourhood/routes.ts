import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../app/route-base.ts';

/** The neighbourhood hub (issue 6): one tab that leads to the territory, network and diagnostic pages. */
const hubRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/neighbourhood',
  component: lazyRouteComponent(() => import('./NeighbourhoodHubPage.tsx'), 'NeighbourhoodHubPage'),
});

export const neighbourhoodRoutes = [hubRoute];
