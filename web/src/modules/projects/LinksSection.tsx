import { Button, CloseButton, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../core/contracts/projects.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { diagnosticQuery, signalsQuery } from '../diagnostic/data.ts';
import { updateProject } from './data.ts';
import { ProjectSection } from './ProjectSection.tsx';
import { useProjectMutation } from './use-project-mutation.ts';

type Links = { signalIds: string[]; priorities: { diagnosticId: string; priorityId: string }[] };

/** The recurring needs and diagnostic priorities of the project's neighbourhood that it answers. */
export function LinksSection({ project, canWrite }: { project: Project; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const signals = useQuery(signalsQuery('all', project.neighbourhoodId));
  const diagnostic = useQuery(diagnosticQuery(project.neighbourhoodId));
  const [signalId, setSignalId] = useState('');
  const [priorityId, setPriorityId] = useState('');
  const { mutation, general } = useProjectMutation(project.id, (links: Partial<Links>) =>
    updateProject(project, links),
  );
  const signalIds = project.signals.map((s) => s.id);
  const priorities = project.priorities.map(({ diagnosticId, priorityId: id }) => ({ diagnosticId, priorityId: id }));
  const needLabel = (id: string, need: string) =>
    signals.data?.items.find((s) => s.id === id)?.needLabel[language] ?? need;
  const unlinkedSignals = (signals.data?.items ?? []).filter((s) => !signalIds.includes(s.id));
  const diagnosticId = diagnostic.data?.id ?? null;
  const unlinkedPriorities = (diagnostic.data?.latest?.priorities ?? []).filter(
    (p) => !priorities.some((linked) => linked.priorityId === p.id),
  );
  return (
    <ProjectSection title={t('projects.links.title')}>
      <FormAlert message={general} />
      <Text fw={700}>{t('projects.links.signals')}</Text>
      {project.signals.length === 0 ? <Text c="dimmed">{t('projects.links.noSignals')}</Text> : null}
      {project.signals.map((signal) => (
        <Group key={signal.id} justify="space-between" wrap="nowrap">
          <Text>{needLabel(signal.id, signal.need)}</Text>
          {canWrite ? (
            <CloseButton
              size="lg"
              aria-label={`${t('projects.links.remove')} : ${needLabel(signal.id, signal.need)}`}
              onClick={() => mutation.mutate({ signalIds: signalIds.filter((id) => id !== signal.id) })}
            />
          ) : null}
        </Group>
      ))}
      {canWrite && unlinkedSignals.length > 0 ? (
        <Stack gap="xs">
          <NativeSelect
            size="md"
            label={t('projects.links.addSignal')}
            value={signalId}
            onChange={(event) => setSignalId(event.currentTarget.value)}
            data={[
              { value: '', label: t('projects.links.choose') },
              ...unlinkedSignals.map((s) => ({ value: s.id, label: s.needLabel[language] })),
            ]}
          />
          <Button
            size="md"
            variant="light"
            disabled={!signalId}
            loading={mutation.isPending}
            onClick={() =>
              mutation.mutate({ signalIds: [...signalIds, signalId] }, { onSuccess: () => setSignalId('') })
            }
          >
            {t('projects.links.addSignal')}
          </Button>
        </Stack>
      ) : null}
      <Text fw={700}>{t('projects.links.priorities')}</Text>
      {project.priorities.length === 0 ? <Text c="dimmed">{t('projects.links.noPriorities')}</Text> : null}
      {project.priorities.map((priority) => (
        <Group key={priority.priorityId} justify="space-between" wrap="nowrap">
          <Text>
            {priority.title} {priority.current ? null : <Tag tone="gray">{t('projects.links.removed')}</Tag>}
          </Text>
          {canWrite ? (
            <CloseButton
              size="lg"
              aria-label={`${t('projects.links.remove')} : ${priority.title}`}
              onClick={() =>
                mutation.mutate({ priorities: priorities.filter((p) => p.priorityId !== priority.priorityId) })
              }
            />
          ) : null}
        </Group>
      ))}
      {canWrite && diagnosticId && unlinkedPriorities.length > 0 ? (
        <Stack gap="xs">
          <NativeSelect
            size="md"
            label={t('projects.links.addPriority')}
            value={priorityId}
            onChange={(event) => setPriorityId(event.currentTarget.value)}
            data={[
              { value: '', label: t('projects.links.choose') },
              ...unlinkedPriorities.map((p) => ({ value: p.id, label: p.title })),
            ]}
          />
          <Button
            size="md"
            variant="light"
            disabled={!priorityId}
            loading={mutation.isPending}
            onClick={() =>
              mutation.mutate(
                { priorities: [...priorities, { diagnosticId, priorityId }] },
                { onSuccess: () => setPriorityId('') },
              )
            }
          >
            {t('projects.links.addPriority')}
          </Button>
        </Stack>
      ) : null}
    </ProjectSection>
  );
}
