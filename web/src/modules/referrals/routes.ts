import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireSignedIn, rootRoute, signedInRoute, text } from '../../app/route-base.ts';

/** Closed-loop referrals and bridging support (issue 5). */
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
  component: lazyRouteComponent(() => import('./ReferralsPage.tsx'), 'ReferralsPage'),
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
  component: lazyRouteComponent(() => import('./ReferPage.tsx'), 'ReferPage'),
});

/** What the team learns: charts, loaded only when opened. */
const learnRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/referrals/learn',
  component: lazyRouteComponent(() => import('./LearnPage.tsx'), 'LearnPage'),
});

const referralRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/referrals/$referralId',
  validateSearch: (search: Record<string, unknown>): { created?: boolean } => ({
    created: search.created === true || search.created === 'true' ? true : undefined,
  }),
  component: lazyRouteComponent(() => import('./ReferralPage.tsx'), 'ReferralPage'),
});

/** The printable slip: signed in, but without the app's header and tabs around it. */
const slipRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/referrals/$referralId/slip',
  validateSearch: (search: Record<string, unknown>): { lang?: 'fr' | 'en' } => ({
    lang: search.lang === 'fr' || search.lang === 'en' ? search.lang : undefined,
  }),
  beforeLoad: requireSignedIn,
  component: lazyRouteComponent(() => import('./SlipPage.tsx'), 'SlipPage'),
});

const bridgingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/bridging/$supportId',
  component: lazyRouteComponent(() => import('./BridgingPage.tsx'), 'BridgingPage'),
});

export const referralRoutes = [referralsRoute, referRoute, learnRoute, referralRoute, bridgingRoute];

/** Outside the layout: the printable slip. */
export const referralPrintRoutes = [slipRoute];
