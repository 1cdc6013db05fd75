import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { auditActions } from '../../../../core/audit-actions.ts';
import { coordinatorsOnly, signedInRoute, text } from '../../app/route-base.ts';

/** The audit viewer, a person's access history and break the glass (issue 8), joined by app/router.tsx. */

export type AuditSearch = {
  page?: number;
  action?: (typeof auditActions)[number];
  entityType?: string;
  actorId?: string;
  personId?: string;
  teamId?: string;
  breakGlass?: boolean;
  from?: string;
  to?: string;
};

/** One page for admins (everything) and coordinators (their teams): the server scopes the entries. */
const auditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/audit',
  beforeLoad: coordinatorsOnly,
  validateSearch: (search: Record<string, unknown>): AuditSearch => {
    const page = Number(search.page);
    return {
      page: Number.isInteger(page) && page > 1 ? page : undefined,
      action: auditActions.find((action) => action === search.action),
      entityType: text(search.entityType),
      actorId: text(search.actorId),
      personId: text(search.personId),
      teamId: text(search.teamId),
      breakGlass: search.breakGlass === true || search.breakGlass === 'true' ? true : undefined,
      from: text(search.from),
      to: text(search.to),
    };
  },
  component: lazyRouteComponent(() => import('./AuditPage.tsx'), 'AuditPage'),
});

const personAccessRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people/$personId/access',
  beforeLoad: coordinatorsOnly,
  component: lazyRouteComponent(() => import('./PersonAccessPage.tsx'), 'PersonAccessPage'),
});

export type BreakGlassSearch = { personId?: string };

const breakGlassRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/break-glass',
  validateSearch: (search: Record<string, unknown>): BreakGlassSearch => ({ personId: text(search.personId) }),
  component: lazyRouteComponent(() => import('./BreakGlassPage.tsx'), 'BreakGlassPage'),
});

/** Another team's person under a grant: its own page, so nothing of them lands in the offline cache. */
const grantedPersonRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/granted/$personId',
  component: lazyRouteComponent(() => import('./GrantedPersonPage.tsx'), 'GrantedPersonPage'),
});

export const privacyRoutes = [auditRoute, personAccessRoute, breakGlassRoute, grantedPersonRoute] as const;
