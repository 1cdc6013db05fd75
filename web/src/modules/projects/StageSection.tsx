import { Button, Checkbox, SimpleGrid, Stack, Stepper, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextProjectStage, type ProjectStage, projectStages } from '../../../../core/collective.ts';
import type { Project } from '../../../../core/contracts/projects.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { addMilestone, markMilestone, moveStage, today } from './data.ts';
import { ProjectSection } from './ProjectSection.tsx';
import { useProjectMutation } from './use-project-mutation.ts';

/**
 * The six stages as a vertical stepper, each with the day it was reached and its milestones; the
 * one big action is moving to the next stage. Milestones are ticked reached in one tap.
 */
export function StageSection({ project, canWrite }: { project: Project; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const next = nextProjectStage(project.stage);
  const [note, setNote] = useState('');
  const move = useProjectMutation(project.id, (stage: ProjectStage) => moveStage(project, stage, note));
  const tick = useProjectMutation(project.id, ({ id, reached }: { id: string; reached: boolean }) =>
    markMilestone(project.id, id, reached ? today() : null),
  );
  const reachedOn = (stage: ProjectStage) => project.stageHistory.filter((h) => h.stage === stage).at(-1)?.onDate;
  return (
    <ProjectSection title={t('projects.stageSection')}>
      <FormAlert message={move.general ?? tick.general} />
      <Stepper
        active={projectStages.indexOf(project.stage)}
        orientation="vertical"
        size="sm"
        allowNextStepsSelect={false}
        // Mantine's tight label line clips the accent of a capital (É of Émergence, Évaluation).
        styles={{ stepLabel: { lineHeight: 1.5, overflow: 'visible' }, stepDescription: { lineHeight: 1.4 } }}
      >
        {projectStages.map((stage) => {
          const on = reachedOn(stage);
          return (
            <Stepper.Step
              key={stage}
              label={t(`projects.stages.${stage}`)}
              description={on ? t('projects.since', { date: formatDay(on, language) }) : undefined}
            />
          );
        })}
      </Stepper>
      {canWrite && next ? (
        <Stack gap="sm">
          <Textarea
            size="md"
            label={t('projects.stageNote')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Button
            size="lg"
            styles={wrappingButton}
            loading={move.mutation.isPending}
            onClick={() => move.mutation.mutate(next, { onSuccess: () => setNote('') })}
          >
            {t('projects.nextStage', { stage: t(`projects.stages.${next}`) })}
          </Button>
        </Stack>
      ) : null}
      {!next ? <Text c="dimmed">{t('projects.lastStage')}</Text> : null}
      <Text fw={700} mt="sm">
        {t('projects.milestones.title')}
      </Text>
      {project.milestones.length === 0 ? <Text c="dimmed">{t('projects.milestones.none')}</Text> : null}
      {project.milestones.map((m) => (
        <Checkbox
          key={m.id}
          size="md"
          disabled={!canWrite}
          checked={m.reachedOn !== null}
          onChange={(event) => tick.mutation.mutate({ id: m.id, reached: event.currentTarget.checked })}
          label={`${m.title} — ${
            m.reachedOn
              ? t('projects.milestones.reachedOn', { date: formatDay(m.reachedOn, language) })
              : m.plannedOn
                ? t('projects.milestones.plannedFor', { date: formatDay(m.plannedOn, language) })
                : ''
          }`}
          description={t(`projects.stages.${m.stage}`)}
        />
      ))}
      {canWrite ? <MilestoneForm project={project} /> : null}
    </ProjectSection>
  );
}

/** A milestone for the current stage: what, and when it is planned (today by default). */
function MilestoneForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [plannedOn, setPlannedOn] = useState(today());
  const { mutation, general, field } = useProjectMutation(
    project.id,
    () => addMilestone(project.id, { stage: project.stage, title, plannedOn: plannedOn || null }),
    ['title', 'plannedOn'],
  );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate(undefined, { onSuccess: () => setTitle('') });
      }}
    >
      <Stack gap="sm">
        <FormAlert message={general} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            size="md"
            label={t('projects.milestones.what')}
            placeholder={t('projects.milestones.whatPlaceholder')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={field('title')}
          />
          <TextInput
            size="md"
            type="date"
            label={t('projects.milestones.plannedOn')}
            value={plannedOn}
            onChange={(event) => setPlannedOn(event.currentTarget.value)}
            error={field('plannedOn')}
          />
        </SimpleGrid>
        <Button type="submit" size="md" variant="light" loading={mutation.isPending} disabled={title.trim().length < 2}>
          {t('projects.milestones.add')}
        </Button>
      </Stack>
    </form>
  );
}
