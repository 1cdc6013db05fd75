import { Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OwnershipLevel, ownershipLevels } from '../../../../core/collective.ts';
import type { Project } from '../../../../core/contracts/projects.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { changeOwnership } from './data.ts';
import { OwnershipChart } from './OwnershipChart.tsx';
import { ProjectSection } from './ProjectSection.tsx';
import { useProjectMutation } from './use-project-mutation.ts';

/** Who carries the project: the step chart over time, and the level recorded now (one field, one button). */
export function OwnershipSection({ project, canWrite }: { project: Project; canWrite: boolean }) {
  const { t } = useTranslation();
  const nextUp = ownershipLevels[ownershipLevels.indexOf(project.ownership) + 1] ?? project.ownership;
  const [level, setLevel] = useState<OwnershipLevel>(nextUp);
  const { mutation, general, field } = useProjectMutation(
    project.id,
    (chosen: OwnershipLevel) => changeOwnership(project, chosen),
    ['level'],
  );
  return (
    <ProjectSection title={t('projects.ownership.title')}>
      <Text fw={700}>{t(`projects.ownership.levels.${project.ownership}`)}</Text>
      <Text fz="sm" c="dimmed">
        {t('projects.ownership.help')}
      </Text>
      <OwnershipChart project={project} />
      {canWrite ? (
        <Stack gap="sm">
          <FormAlert message={general} />
          <NativeSelect
            size="md"
            label={t('projects.ownership.level')}
            value={level}
            onChange={(event) => setLevel(event.currentTarget.value as OwnershipLevel)}
            error={field('level')}
            data={ownershipLevels.map((value) => ({ value, label: t(`projects.ownership.levels.${value}`) }))}
          />
          <Button
            size="md"
            variant="light"
            styles={wrappingButton}
            loading={mutation.isPending}
            disabled={level === project.ownership}
            onClick={() => mutation.mutate(level)}
          >
            {t('projects.ownership.raise')}
          </Button>
        </Stack>
      ) : null}
    </ProjectSection>
  );
}
