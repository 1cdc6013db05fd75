import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { projectStages } from '../../../../core/collective.ts';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { signedInRoute, text } from '../../app/route-base.ts';
import type { ProjectFilters } from './data.ts';

/**
 * Projects list the team's people: an administrator reads them only through the API with a stated
 * reason, so the pages tell them they are not for them (as the network pages do).
 */
const teamMembersOnly = ({ context }: { context: { user: CurrentUser } }) => {
  if (context.user.role === 'admin') throw redirect({ to: '/not-allowed' });
};

/** Community projects (issue 7): the list, and one project's page. Joined into the tree by app/router.tsx. */
const projectsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/projects',
  validateSearch: (search: Record<string, unknown>): ProjectFilters => ({
    neighbourhoodId: text(search.neighbourhoodId),
    stage: projectStages.find((stage) => stage === search.stage),
    status: search.status === 'all' ? 'all' : undefined,
  }),
  beforeLoad: teamMembersOnly,
  component: lazyRouteComponent(() => import('./ProjectsPage.tsx'), 'ProjectsPage'),
});

const projectRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/projects/$id',
  beforeLoad: teamMembersOnly,
  component: lazyRouteComponent(() => import('./ProjectPage.tsx'), 'ProjectPage'),
});

export const projectRoutes = [projectsRoute, projectRoute] as const;
