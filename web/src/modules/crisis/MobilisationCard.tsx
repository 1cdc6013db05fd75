import { Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Mobilisation } from '../../../../core/contracts/crisis.ts';
import { formatDay } from '../../ui/format.ts';
import { Tag, type TagTone } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';

const statusTone: Record<Mobilisation['status'], TagTone> = {
  proposed: 'orange',
  validated: 'green',
  refused: 'red',
  ended: 'gray',
};

/** The status of a mobilisation and, when it matters, its reminder or waiting prolongation. */
export function MobilisationTags({ mobilisation }: { mobilisation: Mobilisation }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Tag tone={statusTone[mobilisation.status]}>{t(`crisis.statuses.${mobilisation.status}`)}</Tag>
      {mobilisation.proposedEndsOn ? <Tag tone="orange">{t('crisis.prolongationAwaiting')}</Tag> : null}
      {mobilisation.reminder ? (
        <Tag tone={mobilisation.reminder === 'endPassed' ? 'red' : 'orange'}>
          {t(`crisis.${mobilisation.reminder}`)}
        </Tag>
      ) : null}
    </Group>
  );
}

/** One mobilisation in a list: the whole card opens it. */
export function MobilisationCard({ mobilisation }: { mobilisation: Mobilisation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card
      withBorder
      padding="md"
      data-testid="mobilisation"
      renderRoot={(rootProps) => (
        <Link
          to="/crisis/$id"
          params={{ id: mobilisation.id }}
          {...rootProps}
          style={{ color: 'inherit', textDecoration: 'none' }}
        />
      )}
    >
      <Stack gap={6}>
        <Text fw={700} fz="lg">
          {mobilisation.title}
        </Text>
        <MobilisationTags mobilisation={mobilisation} />
        <Text fz="sm">
          {t('crisis.dates', {
            from: formatDay(mobilisation.startsOn, language, 'medium'),
            to: formatDay(mobilisation.endedOn ?? mobilisation.endsOn, language, 'medium'),
          })}
          {' · '}
          {t('crisis.share', { percent: mobilisation.sharePercent })}
        </Text>
        <Text fz="sm" c="dimmed">
          {mobilisation.participants.map((p) => p.name).join(', ')}
        </Text>
      </Stack>
    </Card>
  );
}
