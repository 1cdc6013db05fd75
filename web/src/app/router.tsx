import { createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { activityRoutes } from '../modules/activities/routes.ts';
import { committeeRoutes } from '../modules/committees/routes.ts';
import { crisisRoutes } from '../modules/crisis/routes.ts';
import { diagnosticRoutes } from '../modules/diagnostic/routes.ts';
import { directoryPrintRoutes, directoryRoutes } from '../modules/directory/routes.ts';
import { neighbourhoodRoutes } from '../modules/neighbourhood/routes.ts';
import { networkRoutes } from '../modules/network/routes.ts';
import { rightsRoutes } from '../modules/privacy/rights-routes.ts';
import { privacyRoutes } from '../modules/privacy/routes.ts';
import { projectRoutes } from '../modules/projects/routes.ts';
import { referralPrintRoutes, referralRoutes } from '../modules/referrals/routes.ts';
import { reportRoutes } from '../modules/reports/routes.ts';
import { territoryRoutes } from '../modules/territory/routes.ts';
import { timeRoutes } from '../modules/time/routes.ts';
import { PageLoader } from '../ui/PageLoader.tsx';
import { RouteError } from '../ui/RouteError.tsx';
import { queryClient } from './query-client.ts';
import { coordinatorsOnly, rootRoute, signedInRoute, signedInUser, text } from './route-base.ts';

/** Where a user lands after signing in: back where they were headed, never off-site. */
const safeRedirect = (target: unknown) =>
  typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : undefined;

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: safeRedirect(search.redirect),
  }),
  beforeLoad: async ({ context }) => {
    const user = await signedInUser(context);
    if (user) throw redirect({ to: user.mustChangePassword ? '/choose-password' : '/' });
  },
  component: lazyRouteComponent(() => import('../modules/auth/SignInPage.tsx'), 'SignInPage'),
});

const choosePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/choose-password',
  beforeLoad: async ({ context }) => {
    const user = await signedInUser(context);
    if (!user) throw redirect({ to: '/sign-in' });
    if (!user.mustChangePassword) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('../modules/auth/ChoosePasswordPage.tsx'), 'ChoosePasswordPage'),
});

const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../modules/home/HomePage.tsx'), 'HomePage'),
});

const accountRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('../modules/account/AccountPage.tsx'), 'AccountPage'),
});

const teamRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/teams/$teamId',
  component: lazyRouteComponent(() => import('../modules/teams/TeamPage.tsx'), 'TeamPage'),
});

// ---- field work (issue 4) ----

const sessionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/sessions/$sessionId',
  component: lazyRouteComponent(() => import('../modules/fieldwork/RunningSessionPage.tsx'), 'RunningSessionPage'),
});

type ContactSearch = { sessionId?: string };

const contactRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/contact',
  validateSearch: (search: Record<string, unknown>): ContactSearch => ({ sessionId: text(search.sessionId) }),
  component: lazyRouteComponent(() => import('../modules/fieldwork/QuickContactPage.tsx'), 'QuickContactPage'),
});

type PeopleSearch = { q?: string };

const peopleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people',
  validateSearch: (search: Record<string, unknown>): PeopleSearch => ({ q: text(search.q) }),
  component: lazyRouteComponent(() => import('../modules/people/PeoplePage.tsx'), 'PeoplePage'),
});

const personRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people/$personId',
  component: lazyRouteComponent(() => import('../modules/people/PersonPage.tsx'), 'PersonPage'),
});

const syncRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/sync',
  component: lazyRouteComponent(() => import('../offline/SyncPage.tsx'), 'SyncPage'),
});

/** Coordinators (and admins) edit the lists of needs, actions, rights, barriers, themes and counters. */
const taxonomiesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/taxonomies',
  beforeLoad: coordinatorsOnly,
  component: lazyRouteComponent(() => import('../modules/taxonomies/TaxonomiesPage.tsx'), 'TaxonomiesPage'),
});

const notAllowedRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/not-allowed',
  component: lazyRouteComponent(() => import('../modules/home/NotAllowedPage.tsx'), 'NotAllowedPage'),
});

/** Admin pages: anyone else is sent to a page that says so, rather than to an error. */
const adminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  id: 'admin',
  beforeLoad: ({ context }) => {
    if (context.user.role !== 'admin') throw redirect({ to: '/not-allowed' });
  },
});

const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/users',
  component: lazyRouteComponent(() => import('../modules/users/UsersPage.tsx'), 'UsersPage'),
});

const teamsAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/teams',
  component: lazyRouteComponent(() => import('../modules/teams/TeamsAdminPage.tsx'), 'TeamsAdminPage'),
});

/** The audit viewer moved to /audit (coordinators too); old links still land there. */
const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/audit',
  beforeLoad: () => {
    throw redirect({ to: '/audit' });
  },
});

const settingsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/settings',
  component: lazyRouteComponent(() => import('../modules/settings/SettingsPage.tsx'), 'SettingsPage'),
});

const retentionRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/retention',
  component: lazyRouteComponent(() => import('../modules/privacy/RetentionPage.tsx'), 'RetentionPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  choosePasswordRoute,
  ...referralPrintRoutes,
  ...directoryPrintRoutes,
  signedInRoute.addChildren([
    homeRoute,
    accountRoute,
    teamRoute,
    sessionRoute,
    contactRoute,
    peopleRoute,
    personRoute,
    syncRoute,
    ...referralRoutes,
    ...directoryRoutes,
    ...territoryRoutes,
    ...networkRoutes,
    ...diagnosticRoutes,
    ...neighbourhoodRoutes,
    ...timeRoutes,
    ...crisisRoutes,
    ...activityRoutes,
    ...committeeRoutes,
    ...projectRoutes,
    ...rightsRoutes,
    ...privacyRoutes,
    ...reportRoutes,
    taxonomiesRoute,
    notAllowedRoute,
    adminRoute.addChildren([usersRoute, teamsAdminRoute, auditRoute, settingsRoute, retentionRoute]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPendingComponent: PageLoader,
  defaultErrorComponent: RouteError,
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
