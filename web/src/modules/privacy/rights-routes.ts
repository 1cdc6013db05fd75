import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { coordinatorsOnly, signedInRoute } from '../../app/route-base.ts';

/** The registers of people's rights (issue 8), for coordinators and admins; joined by app/router.tsx. */
const consentRegisterRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/consent-register',
  beforeLoad: coordinatorsOnly,
  component: lazyRouteComponent(() => import('./ConsentRegisterPage.tsx'), 'ConsentRegisterPage'),
});

const incidentRegisterRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/incident-register',
  beforeLoad: coordinatorsOnly,
  component: lazyRouteComponent(() => import('./IncidentRegisterPage.tsx'), 'IncidentRegisterPage'),
});

export const rightsRoutes = [consentRegisterRoute, incidentRegisterRoute] as const;
