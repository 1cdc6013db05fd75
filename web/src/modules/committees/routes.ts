import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../app/route-base.ts';

/** Partner committees and their meetings, written without names (issue 7, decision 0020). */
const committeesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/committees',
  component: lazyRouteComponent(() => import('./CommitteesPage.tsx'), 'CommitteesPage'),
});

const committeeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/committees/$committeeId',
  component: lazyRouteComponent(() => import('./CommitteePage.tsx'), 'CommitteePage'),
});

const newMeetingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/committees/$committeeId/meetings/new',
  component: lazyRouteComponent(() => import('./MeetingPage.tsx'), 'NewMeetingPage'),
});

const meetingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/committees/$committeeId/meetings/$meetingId',
  /** `created`: just saved from the new-meeting page, which says so once it has moved here. */
  validateSearch: (search: Record<string, unknown>): { created?: boolean } => ({
    created: search.created === true || search.created === 'true' ? true : undefined,
  }),
  component: lazyRouteComponent(() => import('./MeetingPage.tsx'), 'MeetingPage'),
});

export const committeeRoutes = [committeesRoute, committeeRoute, newMeetingRoute, meetingRoute];
