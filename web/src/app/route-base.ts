import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import type { CurrentUser } from '../../../core/contracts/auth.ts';
import { sessionQuery } from '../api/session.ts';

/**
 * The two routes every module's routes hang from (the root, and the signed-in layout), and the
 * small guards they share. Each module declares its own routes in its routes.ts; router.tsx joins them.
 */
type RouterContext = { queryClient: QueryClient };

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: lazyRouteComponent(() => import('../modules/home/NotFoundPage.tsx'), 'NotFoundPage'),
});

export async function signedInUser(context: RouterContext): Promise<CurrentUser | null> {
  return (await context.queryClient.ensureQueryData(sessionQuery)).user;
}

/** Every page behind sign-in: the layout with navigation, and the user in the route context. */
export const signedInRoute = createRoute({
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

/** A page outside the layout (a printable sheet) that still needs someone signed in. */
export async function requireSignedIn({ context, location }: { context: RouterContext; location: { href: string } }) {
  const user = await signedInUser(context);
  if (!user) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
}

/** Coordinators and admins only; anyone else is told so rather than shown an error. */
export function coordinatorsOnly({ context }: { context: { user: CurrentUser } }) {
  if (context.user.role !== 'coordinator' && context.user.role !== 'admin') throw redirect({ to: '/not-allowed' });
}

/** A search parameter kept only when it is a non-empty string. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
