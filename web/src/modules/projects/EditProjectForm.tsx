import { Button, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProjectApproach, projectApproaches } from '../../../../core/collective.ts';
import type { Project } from '../../../../core/contracts/projects.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { updateProject } from './data.ts';
import { useProjectMutation } from './use-project-mutation.ts';

const formFields = ['title', 'issue', 'approach'];

/**
 * The words of a project change as the citizens make it theirs: its name, the issue as they now
 * put it, and sometimes its approach (a mutual-aid café that turns into a claim to the city).
 */
export function EditProjectForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(project.title);
  const [issue, setIssue] = useState(project.issue);
  const [approach, setApproach] = useState<ProjectApproach>(project.approach);
  const save = useProjectMutation(project.id, () => updateProject(project, { title, issue, approach }), formFields);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutation.mutate(undefined, { onSuccess: onDone });
      }}
    >
      <Stack gap="md">
        <FormAlert message={save.general} />
        <TextInput
          size="md"
          label={t('projects.fields.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={save.field('title')}
          required
        />
        <Textarea
          size="md"
          label={t('projects.fields.issue')}
          value={issue}
          onChange={(event) => setIssue(event.currentTarget.value)}
          error={save.field('issue')}
          autosize
          minRows={3}
          required
        />
        <NativeSelect
          size="md"
          label={t('projects.fields.approach')}
          value={approach}
          onChange={(event) => setApproach(event.currentTarget.value as ProjectApproach)}
          error={save.field('approach')}
          data={projectApproaches.map((value) => ({ value, label: t(`projects.approaches.${value}`) }))}
        />
        <Button type="submit" size="lg" loading={save.mutation.isPending}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
