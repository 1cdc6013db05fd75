import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { activityKinds } from '../../../../core/collective.ts';
import { signedInRoute, text } from '../../app/route-base.ts';

/** Collective activities and their sessions' attendance (issue 7). */
type ActivitiesSearch = { kind?: (typeof activityKinds)[number]; neighbourhoodId?: string };

const activitiesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/activities',
  validateSearch: (search: Record<string, unknown>): ActivitiesSearch => ({
    kind: activityKinds.find((kind) => kind === search.kind),
    neighbourhoodId: text(search.neighbourhoodId),
  }),
  component: lazyRouteComponent(() => import('./ActivitiesPage.tsx'), 'ActivitiesPage'),
});

const activityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/activities/$activityId',
  component: lazyRouteComponent(() => import('./ActivityPage.tsx'), 'ActivityPage'),
});

/** The quick attendance of one session: a new id made on the phone opens a new session. */
const attendanceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/activities/$activityId/sessions/$sessionId',
  component: lazyRouteComponent(() => import('./AttendancePage.tsx'), 'AttendancePage'),
});

export const activityRoutes = [activitiesRoute, activityRoute, attendanceRoute];
