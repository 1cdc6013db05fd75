import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { projectStages } from '../../../../core/collective.ts';
import { signedInRoute, text } from '../../app/route-base.ts';
import type { ProjectFilters } from './data.ts';

/** Community projects (issue 7): the list, and one project's page. Joined into the tree by app/router.tsx. */
const projectsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/projects',
  validateSearch: (search: Record<string, unknown>): ProjectFilters => ({
    neighbourhoodId: text(search.neighbourhoodId),
    stage: projectStages.find((stage) => stage === search.stage),
    status: search.status === 'all' ? 'all' : undefined,
  }),
  component: lazyRouteComponent(() => import('./ProjectsPage.tsx'), 'ProjectsPage'),
});

const projectRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/projects/$id',
  component: lazyRouteComponent(() => import('./ProjectPage.tsx'), 'ProjectPage'),
});

export const projectRoutes = [projectsRoute, projectRoute] as const;
