import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../app/route-base.ts';

/** Crisis mobilisations (issue 7), joined into the route tree by app/router.tsx. */

const listRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/crisis',
  component: lazyRouteComponent(() => import('./CrisisListPage.tsx'), 'CrisisListPage'),
});

const proposeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/crisis/new',
  component: lazyRouteComponent(() => import('./ProposePage.tsx'), 'ProposePage'),
});

const detailRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/crisis/$id',
  component: lazyRouteComponent(() => import('./MobilisationPage.tsx'), 'MobilisationPage'),
});

export const crisisRoutes = [listRoute, proposeRoute, detailRoute] as const;
