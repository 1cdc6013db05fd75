import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '../../../../core/collective.ts';
import type { Project } from '../../../../core/contracts/projects.ts';
import { useCurrentUser } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouteErrorMessage } from '../../ui/RouteErrorMessage.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { projectQuery, updateProject } from './data.ts';
import { EditProjectForm } from './EditProjectForm.tsx';
import { JournalSection } from './JournalSection.tsx';
import { LinksSection } from './LinksSection.tsx';
import { OwnershipSection } from './OwnershipSection.tsx';
import { PeopleSection } from './PeopleSection.tsx';
import { ProjectSection } from './ProjectSection.tsx';
import { StageSection } from './StageSection.tsx';
import { useProjectMutation } from './use-project-mutation.ts';

/**
 * One community project: its issue, the stage stepper with "move to the next stage" as the big
 * button, citizen ownership over time, what it answers, its people and partners, its journal.
 */
export function ProjectPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const { id } = useParams({ from: '/signed-in/projects/$id' });
  const project = useQuery(projectQuery(id));
  const [editing, setEditing] = useState(false);
  const status = useProjectMutation(id, (next: ProjectStatus) =>
    updateProject(project.data as Project, { status: next }),
  );
  if (project.isPending) return <PageLoader />;
  if (project.isError) return <RouteErrorMessage error={project.error} />;
  const p = project.data;
  const canWrite = user.role !== 'admin' && p.status === 'active';
  return (
    <Stack gap="md">
      <PageTitle
        title={p.title}
        description={`${p.neighbourhoodName} · ${t(`projects.approaches.${p.approach}`)} · ${t('projects.since', {
          date: formatDay(p.startedOn, language),
        })}`}
      />
      {p.status !== 'active' ? (
        <Group>
          <Tag tone="gray">{t(`projects.statuses.${p.status}`)}</Tag>
        </Group>
      ) : null}
      <ProjectSection title={t('projects.issue')}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{p.issue}</Text>
        {canWrite ? (
          <Group>
            <Button
              variant="light"
              size="md"
              leftSection={<IconPencil size={20} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('projects.edit')}
            </Button>
          </Group>
        ) : null}
      </ProjectSection>
      <FormModal opened={editing} onClose={() => setEditing(false)} title={t('projects.edit')}>
        <EditProjectForm project={p} onDone={() => setEditing(false)} />
      </FormModal>
      <StageSection project={p} canWrite={canWrite} />
      <OwnershipSection key={p.ownership} project={p} canWrite={canWrite} />
      <LinksSection project={p} canWrite={canWrite} />
      <PeopleSection project={p} canWrite={canWrite} />
      <JournalSection project={p} canWrite={canWrite} />
      {user.role !== 'admin' ? (
        <Stack gap="sm">
          <FormAlert message={status.general} />
          {p.status === 'active' ? (
            <Group grow>
              <Button
                size="md"
                variant="default"
                styles={wrappingButton}
                onClick={() => status.mutation.mutate('closed')}
              >
                {t('projects.close')}
              </Button>
              <Button
                size="md"
                variant="default"
                styles={wrappingButton}
                onClick={() => status.mutation.mutate('archived')}
              >
                {t('projects.archive')}
              </Button>
            </Group>
          ) : (
            <Button size="md" variant="default" onClick={() => status.mutation.mutate('active')}>
              {t('projects.reopen')}
            </Button>
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
