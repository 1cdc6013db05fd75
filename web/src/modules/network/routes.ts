import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { interactionKinds } from '../../../../core/network.ts';
import { signedInRoute, text } from '../../app/route-base.ts';
import { allEdgeKinds, type EdgeKind } from './data.ts';
import { type SizeMetric, sizeMetrics } from './graph-style.ts';

/**
 * The network pages (issue 6): the graph with its metrics, two dates compared, interactions with
 * actors. The maillage is a team's knowledge: its members see it; an administrator, who reads field
 * records only with a stated reason, is told the page is not for them.
 */
const teamMembersOnly = ({ context }: { context: { user: CurrentUser } }) => {
  if (context.user.role === 'admin') throw redirect({ to: '/not-allowed' });
};

const isDay = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const day = (value: unknown) => (isDay(value) ? (value as string) : undefined);

type NetworkSearch = {
  at?: string;
  kinds?: EdgeKind[];
  neighbourhoodId?: string;
  derived?: false;
  size?: SizeMetric;
};

function filtersFrom(search: Record<string, unknown>): Omit<NetworkSearch, 'at' | 'size'> {
  const listed = Array.isArray(search.kinds) ? search.kinds : [search.kinds];
  const kinds = allEdgeKinds.filter((kind) => listed.includes(kind));
  return {
    kinds: kinds.length ? kinds : undefined,
    neighbourhoodId: text(search.neighbourhoodId),
    derived: search.derived === false || search.derived === 'false' ? false : undefined,
  };
}

const networkRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/network',
  validateSearch: (search: Record<string, unknown>): NetworkSearch => ({
    ...filtersFrom(search),
    at: day(search.at),
    size: sizeMetrics.find((metric) => metric === search.size),
  }),
  beforeLoad: teamMembersOnly,
  component: lazyRouteComponent(() => import('./NetworkPage.tsx'), 'NetworkPage'),
});

type CompareSearch = Omit<NetworkSearch, 'at' | 'size'> & { from?: string; to?: string };

const compareRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/network/compare',
  validateSearch: (search: Record<string, unknown>): CompareSearch => ({
    ...filtersFrom(search),
    from: day(search.from),
    to: day(search.to),
  }),
  beforeLoad: teamMembersOnly,
  component: lazyRouteComponent(() => import('./ComparePage.tsx'), 'ComparePage'),
});

type InteractionsSearch = {
  actorId?: string;
  kind?: (typeof interactionKinds)[number];
  page?: number;
};

const interactionsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/network/interactions',
  validateSearch: (search: Record<string, unknown>): InteractionsSearch => {
    const page = Number(search.page);
    return {
      actorId: text(search.actorId),
      kind: interactionKinds.find((kind) => kind === search.kind),
      page: Number.isInteger(page) && page > 1 ? page : undefined,
    };
  },
  beforeLoad: teamMembersOnly,
  component: lazyRouteComponent(() => import('./InteractionsPage.tsx'), 'InteractionsPage'),
});

export const networkRoutes = [networkRoute, compareRoute, interactionsRoute];
