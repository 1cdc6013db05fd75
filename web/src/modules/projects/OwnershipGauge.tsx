import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type OwnershipLevel, ownershipLevels } from '../../../../core/collective.ts';
import { ownershipStep } from './format.ts';

/** Five segments filled up to the level: who carries the project, at a glance in a list. */
export function OwnershipGauge({ level }: { level: OwnershipLevel }) {
  const { t } = useTranslation();
  const filled = ownershipStep(level);
  return (
    <Group
      gap={6}
      wrap="nowrap"
      aria-label={`${t('projects.ownership.title')} : ${t(`projects.ownership.levels.${level}`)}`}
    >
      <Group gap={3} wrap="nowrap" aria-hidden>
        {ownershipLevels.map((value, k) => (
          <span
            key={value}
            style={{
              width: 14,
              height: 10,
              borderRadius: 3,
              background: k < filled ? 'var(--mantine-color-relais-6)' : 'var(--mantine-color-gray-3)',
            }}
          />
        ))}
      </Group>
      <Text fz="sm" c="dimmed">
        {t(`projects.ownership.levels.${level}`)}
      </Text>
    </Group>
  );
}
