import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { auditActions } from '../../../core/audit-actions.ts';
import type { CurrentUser } from '../../../core/contracts/auth.ts';
import { availabilities } from '../../../core/directory.ts';
import { sessionQuery } from '../api/session.ts';
import { PageLoader } from '../ui/PageLoader.tsx';
import { RouteError } from '../ui/RouteError.tsx';
import { queryClient } from './query-client.ts';

type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: lazyRouteComponent(() => import('../modules/home/NotFoundPage.tsx'), 'NotFoundPage'),
});

async function signedInUser(context: RouterContext): Promise<CurrentUser | null> {
  return (await context.queryClient.ensureQueryData(sessionQuery)).user;
}

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

/** Every page behind sign-in: the layout with navigation, and the user in the route context. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    const user = await signedInUser(context);
    if (!user) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    if (user.mustChangePassword) throw redirect({ to: '/choose-password' });
    return { user };
  },
  component: lazyRouteComponent(() => import('./layout/AppLayout.tsx'), 'AppLayout'),
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

// ---- neighbourhood directory (issue 5) ----

type DirectorySearch = {
  q?: string;
  need?: string;
  language?: string;
  neighbourhoodId?: string;
  openNow?: boolean;
  availability?: (typeof availabilities)[number][];
};

const directoryRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory',
  validateSearch: (search: Record<string, unknown>): DirectorySearch => {
    const listed = Array.isArray(search.availability) ? search.availability : [search.availability];
    const availability = availabilities.filter((value) => listed.includes(value));
    return {
      q: text(search.q),
      need: text(search.need),
      language: text(search.language),
      neighbourhoodId: text(search.neighbourhoodId),
      openNow: search.openNow === true || search.openNow === 'true' ? true : undefined,
      availability: availability.length ? availability : undefined,
    };
  },
  component: lazyRouteComponent(() => import('../modules/directory/DirectoryPage.tsx'), 'DirectoryPage'),
});

/** Administrators read the directory; the forms are for those who keep it. */
const directoryEditor = ({ context }: { context: { user: CurrentUser } }) => {
  if (context.user.role === 'admin') throw redirect({ to: '/not-allowed' });
};

const newServiceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/services/new',
  validateSearch: (search: Record<string, unknown>): { actorId?: string } => ({ actorId: text(search.actorId) }),
  beforeLoad: directoryEditor,
  component: lazyRouteComponent(() => import('../modules/directory/ServiceFormPage.tsx'), 'NewServicePage'),
});

const serviceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/services/$serviceId',
  component: lazyRouteComponent(() => import('../modules/directory/ServicePage.tsx'), 'ServicePage'),
});

const editServiceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/services/$serviceId/edit',
  beforeLoad: directoryEditor,
  component: lazyRouteComponent(() => import('../modules/directory/ServiceFormPage.tsx'), 'EditServicePage'),
});

const newActorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/actors/new',
  validateSearch: (search: Record<string, unknown>): { kind: 'organisation' | 'keyPerson' } => ({
    kind: search.kind === 'keyPerson' ? 'keyPerson' : 'organisation',
  }),
  beforeLoad: directoryEditor,
  component: lazyRouteComponent(() => import('../modules/directory/ActorFormPage.tsx'), 'NewActorPage'),
});

const actorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/actors/$actorId',
  component: lazyRouteComponent(() => import('../modules/directory/ActorPage.tsx'), 'ActorPage'),
});

const editActorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/actors/$actorId/edit',
  beforeLoad: directoryEditor,
  component: lazyRouteComponent(() => import('../modules/directory/ActorFormPage.tsx'), 'EditActorPage'),
});

/** The printable directory: signed in, without the app's header and tabs around it. */
const directoryPrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/directory/print',
  validateSearch: (search: Record<string, unknown>): { lang?: 'fr' | 'en' } => ({
    lang: search.lang === 'fr' || search.lang === 'en' ? search.lang : undefined,
  }),
  beforeLoad: async ({ context, location }) => {
    const user = await signedInUser(context);
    if (!user) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: lazyRouteComponent(() => import('../modules/directory/PrintPage.tsx'), 'PrintPage'),
});

// ---- referrals (issue 5) ----

const referralFilterValues = ['due', 'open', 'connected', 'failed', 'refused', 'expired', 'all'] as const;
type ReferralsSearch = { filter?: (typeof referralFilterValues)[number]; mine?: boolean; page?: number };

const referralsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/referrals',
  validateSearch: (search: Record<string, unknown>): ReferralsSearch => {
    const page = Number(search.page);
    return {
      filter: referralFilterValues.find((value) => value === search.filter),
      mine: search.mine === true || search.mine === 'true' ? true : undefined,
      page: Number.isInteger(page) && page > 1 ? page : undefined,
    };
  },
  component: lazyRouteComponent(() => import('../modules/referrals/ReferralsPage.tsx'), 'ReferralsPage'),
});

type ReferSearch = { encounterId?: string; personId?: string; needs?: string[] };

const referRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/referrals/new',
  validateSearch: (search: Record<string, unknown>): ReferSearch => ({
    encounterId: text(search.encounterId),
    personId: text(search.personId),
    needs: Array.isArray(search.needs) ? search.needs.map(String).filter(Boolean) : undefined,
  }),
  component: lazyRouteComponent(() => import('../modules/referrals/ReferPage.tsx'), 'ReferPage'),
});

/** What the team learns: charts, loaded only when opened. */
const learnRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/referrals/learn',
  component: lazyRouteComponent(() => import('../modules/referrals/LearnPage.tsx'), 'LearnPage'),
});

const referralRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/referrals/$referralId',
  validateSearch: (search: Record<string, unknown>): { created?: boolean } => ({
    created: search.created === true || search.created === 'true' ? true : undefined,
  }),
  component: lazyRouteComponent(() => import('../modules/referrals/ReferralPage.tsx'), 'ReferralPage'),
});

/** The printable slip: signed in, but without the app's header and tabs around it. */
const slipRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/referrals/$referralId/slip',
  validateSearch: (search: Record<string, unknown>): { lang?: 'fr' | 'en' } => ({
    lang: search.lang === 'fr' || search.lang === 'en' ? search.lang : undefined,
  }),
  beforeLoad: async ({ context, location }) => {
    const user = await signedInUser(context);
    if (!user) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: lazyRouteComponent(() => import('../modules/referrals/SlipPage.tsx'), 'SlipPage'),
});

const bridgingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/bridging/$supportId',
  component: lazyRouteComponent(() => import('../modules/referrals/BridgingPage.tsx'), 'BridgingPage'),
});

/** Coordinators (and admins) edit the lists of needs, actions, rights, barriers, themes and counters. */
const taxonomiesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/taxonomies',
  beforeLoad: ({ context }) => {
    if (context.user.role !== 'coordinator' && context.user.role !== 'admin') throw redirect({ to: '/not-allowed' });
  },
  component: lazyRouteComponent(() => import('../modules/taxonomies/TaxonomiesPage.tsx'), 'TaxonomiesPage'),
});

/** Exchanging the directory in Open Referral HSDS 3.0 (export, import with a dry run): coordinators and admins. */
const hsdsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/hsds',
  beforeLoad: ({ context }) => {
    if (context.user.role !== 'coordinator' && context.user.role !== 'admin') throw redirect({ to: '/not-allowed' });
  },
  component: lazyRouteComponent(() => import('../modules/hsds/HsdsPage.tsx'), 'HsdsPage'),
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

export type AuditSearch = {
  page?: number;
  action?: (typeof auditActions)[number];
  entityType?: string;
  actorId?: string;
  from?: string;
  to?: string;
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/audit',
  validateSearch: (search: Record<string, unknown>): AuditSearch => {
    const page = Number(search.page);
    return {
      page: Number.isInteger(page) && page > 1 ? page : undefined,
      action: auditActions.find((action) => action === search.action),
      entityType: text(search.entityType),
      actorId: text(search.actorId),
      from: text(search.from),
      to: text(search.to),
    };
  },
  component: lazyRouteComponent(() => import('../modules/privacy/AuditPage.tsx'), 'AuditPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/settings',
  component: lazyRouteComponent(() => import('../modules/settings/SettingsPage.tsx'), 'SettingsPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  choosePasswordRoute,
  slipRoute,
  directoryPrintRoute,
  signedInRoute.addChildren([
    homeRoute,
    accountRoute,
    teamRoute,
    sessionRoute,
    contactRoute,
    peopleRoute,
    personRoute,
    syncRoute,
    referralsRoute,
    referRoute,
    learnRoute,
    referralRoute,
    bridgingRoute,
    directoryRoute,
    newServiceRoute,
    serviceRoute,
    editServiceRoute,
    newActorRoute,
    actorRoute,
    editActorRoute,
    taxonomiesRoute,
    hsdsRoute,
    notAllowedRoute,
    adminRoute.addChildren([usersRoute, teamsAdminRoute, auditRoute, settingsRoute]),
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
