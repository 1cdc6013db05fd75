import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute, text } from '../../app/route-base.ts';
import type { RunSearch } from './data.ts';
import { periodSearchOf } from './period.ts';

/** Dashboards, reports and report templates (issue 8), joined into the route tree by app/router.tsx. */

const uuidLike = (value: unknown) => {
  const id = text(value);
  return id && /^[0-9a-f-]{36}$/i.test(id) ? id : undefined;
};

const reportsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reports',
  component: lazyRouteComponent(() => import('./ReportsPage.tsx'), 'ReportsPage'),
});

const runRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reports/run/$templateId',
  validateSearch: (search: Record<string, unknown>): RunSearch => ({
    ...periodSearchOf(search),
    teamId: uuidLike(search.teamId),
    neighbourhoodId: uuidLike(search.neighbourhoodId),
  }),
  component: lazyRouteComponent(() => import('./ReportRunPage.tsx'), 'ReportRunPage'),
});

const newTemplateRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reports/templates/new',
  component: lazyRouteComponent(() => import('./TemplatePage.tsx'), 'NewTemplatePage'),
});

const editTemplateRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reports/templates/$id',
  component: lazyRouteComponent(() => import('./TemplatePage.tsx'), 'EditTemplatePage'),
});

export const reportRoutes = [reportsRoute, runRoute, newTemplateRoute, editTemplateRoute] as const;
