import { Button, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProjectApproach, projectApproaches } from '../../../../core/collective.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { neighbourhoodsQuery } from '../directory/data.ts';
import { createProject, projectsKey } from './data.ts';

const formFields = ['title', 'issue', 'approach', 'neighbourhoodId'];

/** Four fields to start: a name, the issue in the neighbourhood's words, where, and the approach. */
export function NewProjectForm({ neighbourhoodId }: { neighbourhoodId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const hoods = useQuery(neighbourhoodsQuery);
  const [title, setTitle] = useState('');
  const [issue, setIssue] = useState('');
  const [approach, setApproach] = useState<ProjectApproach>('sociocommunity');
  const [hood, setHood] = useState(neighbourhoodId ?? '');
  const chosenHood = hood || hoods.data?.items[0]?.id || '';
  const create = useMutation({
    mutationFn: () => createProject({ title, issue, approach, neighbourhoodId: chosenHood }),
    onSuccess: async (project) => {
      await queryClient.invalidateQueries({ queryKey: projectsKey });
      await navigate({ to: '/projects/$id', params: { id: project.id } });
    },
  });
  const { general, field } = useApiError(create.error, formFields);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Stack gap="md">
        <FormAlert message={general} />
        <TextInput
          size="md"
          label={t('projects.fields.title')}
          placeholder={t('projects.fields.titlePlaceholder')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={field('title')}
          required
        />
        <Textarea
          size="md"
          label={t('projects.fields.issue')}
          placeholder={t('projects.fields.issuePlaceholder')}
          value={issue}
          onChange={(event) => setIssue(event.currentTarget.value)}
          error={field('issue')}
          autosize
          minRows={3}
          required
        />
        <NativeSelect
          size="md"
          label={t('projects.neighbourhood')}
          value={chosenHood}
          onChange={(event) => setHood(event.currentTarget.value)}
          error={field('neighbourhoodId')}
          data={(hoods.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))}
        />
        <NativeSelect
          size="md"
          label={t('projects.fields.approach')}
          value={approach}
          onChange={(event) => setApproach(event.currentTarget.value as ProjectApproach)}
          error={field('approach')}
          data={projectApproaches.map((value) => ({ value, label: t(`projects.approaches.${value}`) }))}
        />
        <Button type="submit" size="lg" loading={create.isPending}>
          {t('projects.create')}
        </Button>
      </Stack>
    </form>
  );
}
