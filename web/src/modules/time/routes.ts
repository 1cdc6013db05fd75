import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { PeriodKind } from '../../../../core/contracts/time.ts';
import { signedInRoute, text } from '../../app/route-base.ts';

/** The team's time and the daily team log (issue 7), joined into the route tree by app/router.tsx. */

export type TimeSearch = { period?: PeriodKind; date?: string };

const timeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/time',
  validateSearch: (search: Record<string, unknown>): TimeSearch => {
    const date = text(search.date);
    return {
      period: search.period === 'month' ? 'month' : search.period === 'week' ? 'week' : undefined,
      date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    };
  },
  component: lazyRouteComponent(() => import('./TimePage.tsx'), 'TimePage'),
});

const teamLogRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/team-log',
  component: lazyRouteComponent(() => import('./TeamLogPage.tsx'), 'TeamLogPage'),
});

export const timeRoutes = [timeRoute, teamLogRoute] as const;
