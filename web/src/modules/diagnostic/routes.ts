import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute, text } from '../../app/route-base.ts';
import { type SignalFilter, signalFilters } from './data.ts';

/** Need signals and the neighbourhood diagnostic (issue 6), joined into the route tree by app/router.tsx. */

const signalsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/signals',
  validateSearch: (search: Record<string, unknown>): { status?: SignalFilter; neighbourhoodId?: string } => ({
    status: signalFilters.find((value) => value === search.status),
    neighbourhoodId: text(search.neighbourhoodId),
  }),
  component: lazyRouteComponent(() => import('./SignalsPage.tsx'), 'SignalsPage'),
});

const diagnosticsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/diagnostics',
  component: lazyRouteComponent(() => import('./DiagnosticsPage.tsx'), 'DiagnosticsPage'),
});

const diagnosticRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/diagnostics/$neighbourhoodId',
  component: lazyRouteComponent(() => import('./DiagnosticPage.tsx'), 'DiagnosticPage'),
});

export const diagnosticRoutes = [signalsRoute, diagnosticsRoute, diagnosticRoute] as const;
