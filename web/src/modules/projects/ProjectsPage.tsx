import { Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type ProjectStage, projectStages } from '../../../../core/collective.ts';
import type { ProjectSummary } from '../../../../core/contracts/projects.ts';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { neighbourhoodsQuery } from '../directory/data.ts';
import { projectListQuery } from './data.ts';
import { stageNumber } from './format.ts';
import { NewProjectForm } from './NewProjectForm.tsx';
import { OwnershipGauge } from './OwnershipGauge.tsx';

/** The team's community projects: each card says its stage, who carries it and what comes next. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const search = useSearch({ from: '/signed-in/projects' });
  const navigate = useNavigate({ from: '/projects' });
  const projects = useQuery(projectListQuery(search));
  const hoods = useQuery(neighbourhoodsQuery);
  const [creating, { open, close }] = useDisclosure(false);
  const canCreate = user.role !== 'admin';
  return (
    <Stack gap="md">
      <PageTitle
        title={t('projects.title')}
        description={t('projects.intro')}
        actions={
          canCreate ? (
            <Button size="md" onClick={open}>
              {t('projects.newProject')}
            </Button>
          ) : null
        }
      />
      <SimpleGrid cols={2} spacing="sm">
        <NativeSelect
          size="md"
          label={t('projects.neighbourhood')}
          value={search.neighbourhoodId ?? ''}
          onChange={(event) =>
            void navigate({ search: { ...search, neighbourhoodId: event.currentTarget.value || undefined } })
          }
          data={[
            { value: '', label: t('projects.allNeighbourhoods') },
            ...(hoods.data?.items ?? []).map((h) => ({ value: h.id, label: h.name })),
          ]}
        />
        <NativeSelect
          size="md"
          label={t('projects.stage')}
          value={search.stage ?? ''}
          onChange={(event) =>
            void navigate({
              search: { ...search, stage: (event.currentTarget.value || undefined) as ProjectStage | undefined },
            })
          }
          data={[
            { value: '', label: t('projects.allStages') },
            ...projectStages.map((value) => ({ value, label: t(`projects.stages.${value}`) })),
          ]}
        />
      </SimpleGrid>
      <Checkbox
        size="md"
        label={t('projects.showAll')}
        checked={search.status === 'all'}
        onChange={(event) =>
          void navigate({ search: { ...search, status: event.currentTarget.checked ? 'all' : undefined } })
        }
      />
      {projects.isPending ? <PageLoader /> : null}
      {projects.isError ? <FormAlert message={t('common.unexpectedError')} /> : null}
      {projects.data?.items.length === 0 ? (
        <EmptyMessage title={t('projects.none')}>{t('projects.noneHelp')}</EmptyMessage>
      ) : null}
      <Stack gap="sm">
        {projects.data?.items.map((project) => (
          <ProjectCard key={project.id} project={project} />
        ))}
      </Stack>
      <FormModal opened={creating} onClose={close} title={t('projects.newProject')}>
        <NewProjectForm neighbourhoodId={search.neighbourhoodId} />
      </FormModal>
    </Stack>
  );
}

function ProjectCard({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} fz="lg">
            <RouterAnchor
              to="/projects/$id"
              params={{ id: project.id }}
              fw={700}
              style={{ display: 'inline-block', minHeight: 44, paddingBlock: 8 }}
            >
              {project.title}
            </RouterAnchor>
          </Title>
          {project.status !== 'active' ? <Tag tone="gray">{t(`projects.statuses.${project.status}`)}</Tag> : null}
        </Group>
        <Text fz="sm" c="dimmed">
          {project.neighbourhoodName} · {t(`projects.approaches.${project.approach}`)}
        </Text>
        <Group gap="xs">
          <Tag tone="blue">{t(`projects.stages.${project.stage}`)}</Tag>
          <Text fz="sm" c="dimmed">
            {t('projects.stageOf', { n: stageNumber(project.stage) })}
          </Text>
        </Group>
        <OwnershipGauge level={project.ownership} />
        {project.nextMilestone ? (
          <Text fz="sm">
            {t('projects.milestones.next', { title: project.nextMilestone.title })}
            {project.nextMilestone.plannedOn ? ` · ${formatDay(project.nextMilestone.plannedOn, language)}` : ''}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
