import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../core/contracts/projects.ts';
import { ApiError } from '../../api/errors.ts';
import { useApiError } from '../../ui/use-api-error.ts';
import { projectQuery, projectsKey } from './data.ts';

/**
 * A change to a project: the answer is the whole project, so the page shows it at once. A stale
 * version (409) reloads the project and says so, rather than a bare error.
 */
export function useProjectMutation<Arg>(
  projectId: string,
  change: (arg: Arg) => Promise<Project>,
  fields: string[] = [],
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: change,
    onSuccess: async (project) => {
      queryClient.setQueryData(projectQuery(projectId).queryKey, project);
      await queryClient.invalidateQueries({ queryKey: [...projectsKey, 'list'] });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409)
        await queryClient.invalidateQueries({ queryKey: projectQuery(projectId).queryKey });
    },
  });
  const { general, field } = useApiError(mutation.error, fields);
  const stale = mutation.error instanceof ApiError && mutation.error.status === 409;
  return { mutation, general: stale ? t('projects.stale') : general, field };
}
