import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { availabilities } from '../../../../core/directory.ts';
import { coordinatorsOnly, requireSignedIn, rootRoute, signedInRoute, text } from '../../app/route-base.ts';

/** The neighbourhood directory's pages (issue 5), and its HSDS exchange page. */
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
  component: lazyRouteComponent(() => import('./DirectoryPage.tsx'), 'DirectoryPage'),
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
  component: lazyRouteComponent(() => import('./ServiceFormPage.tsx'), 'NewServicePage'),
});

const serviceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/services/$serviceId',
  component: lazyRouteComponent(() => import('./ServicePage.tsx'), 'ServicePage'),
});

const editServiceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/services/$serviceId/edit',
  beforeLoad: directoryEditor,
  component: lazyRouteComponent(() => import('./ServiceFormPage.tsx'), 'EditServicePage'),
});

const newActorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/actors/new',
  validateSearch: (search: Record<string, unknown>): { kind: 'organisation' | 'keyPerson' } => ({
    kind: search.kind === 'keyPerson' ? 'keyPerson' : 'organisation',
  }),
  beforeLoad: directoryEditor,
  component: lazyRouteComponent(() => import('./ActorFormPage.tsx'), 'NewActorPage'),
});

const actorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/actors/$actorId',
  component: lazyRouteComponent(() => import('./ActorPage.tsx'), 'ActorPage'),
});

const editActorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/actors/$actorId/edit',
  beforeLoad: directoryEditor,
  component: lazyRouteComponent(() => import('./ActorFormPage.tsx'), 'EditActorPage'),
});

/** The printable directory: signed in, without the app's header and tabs around it. */
const directoryPrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/directory/print',
  validateSearch: (search: Record<string, unknown>): { lang?: 'fr' | 'en' } => ({
    lang: search.lang === 'fr' || search.lang === 'en' ? search.lang : undefined,
  }),
  beforeLoad: requireSignedIn,
  component: lazyRouteComponent(() => import('./PrintPage.tsx'), 'PrintPage'),
});

/** Exchanging the directory in Open Referral HSDS 3.0 (export, import with a dry run): coordinators and admins. */
const hsdsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/directory/hsds',
  beforeLoad: coordinatorsOnly,
  component: lazyRouteComponent(() => import('../hsds/HsdsPage.tsx'), 'HsdsPage'),
});

export const directoryRoutes = [
  directoryRoute,
  newServiceRoute,
  serviceRoute,
  editServiceRoute,
  newActorRoute,
  actorRoute,
  editActorRoute,
  hsdsRoute,
];

/** Outside the layout: the printable directory. */
export const directoryPrintRoutes = [directoryPrintRoute];
