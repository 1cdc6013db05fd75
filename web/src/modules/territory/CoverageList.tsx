import { Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { isForgotten, type Zone } from './coverage.ts';

/** The zones in two lists: where no one has gone lately (first: that is the point), then the others. */
export function CoverageList({
  zones,
  by,
  threshold,
  selected,
}: {
  zones: Zone[];
  by: 'place' | 'neighbourhood';
  threshold: number;
  selected: string | null;
}) {
  const { t } = useTranslation();
  const forgotten = zones.filter((zone) => zone.id && isForgotten(zone, threshold));
  const visited = zones.filter((zone) => !zone.id || !isForgotten(zone, threshold));
  if (zones.length === 0)
    return (
      <Text c="dimmed">
        {by === 'place' ? t('territory.coverage.noPlaces') : t('territory.coverage.noNeighbourhoods')}
      </Text>
    );
  return (
    <Stack gap="md">
      <Stack gap="xs" component="section" aria-labelledby="forgotten-title" data-testid="forgotten">
        <Title order={2} fz="lg" id="forgotten-title">
          {t('territory.coverage.forgottenTitle', { count: threshold })}
        </Title>
        {forgotten.length === 0 ? (
          <Text c="dimmed">{t('territory.coverage.noneForgotten')}</Text>
        ) : (
          <ZoneCards zones={forgotten} selected={selected} by={by} forgotten />
        )}
      </Stack>
      {visited.length ? (
        <Stack gap="xs" component="section" aria-labelledby="visited-title" data-testid="visited">
          <Title order={2} fz="lg" id="visited-title">
            {t('territory.coverage.visitedTitle')}
          </Title>
          <ZoneCards zones={visited} selected={selected} by={by} forgotten={false} />
        </Stack>
      ) : null}
    </Stack>
  );
}

type By = 'place' | 'neighbourhood';

function ZoneCards({
  zones,
  selected,
  by,
  forgotten,
}: {
  zones: Zone[];
  selected: string | null;
  by: By;
  forgotten: boolean;
}) {
  return (
    <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {zones.map((zone) => (
        <ZoneCard key={zone.id ?? 'none'} zone={zone} selected={zone.id === selected} by={by} forgotten={forgotten} />
      ))}
    </Stack>
  );
}

function ZoneCard({ zone, selected, by, forgotten }: { zone: Zone; selected: boolean; by: By; forgotten: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const item = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selected) item.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);
  return (
    <Stack
      component="li"
      ref={item}
      gap={2}
      p="sm"
      style={{
        border: `${selected ? 3 : 1}px solid ${selected ? 'var(--mantine-color-blue-7)' : 'var(--mantine-color-gray-3)'}`,
        borderRadius: 8,
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
          {zone.name ?? (by === 'place' ? t('territory.coverage.noPlace') : t('territory.coverage.noNeighbourhood'))}
        </Text>
        {zone.kind ? <Tag tone="gray">{t(`territory.placeKinds.${zone.kind}`)}</Tag> : null}
      </Group>
      <Text fz="sm">
        {t('territory.coverage.sessionCount', { count: zone.sessions })} ·{' '}
        {t('territory.coverage.encounterCount', { count: zone.encounters })}
      </Text>
      <Text fz="sm" fw={forgotten ? 600 : 400} c={forgotten ? 'red.9' : 'dimmed'}>
        {zone.lastVisit && zone.daysSinceLastVisit === 0
          ? t('territory.coverage.lastVisitToday', { day: formatDay(zone.lastVisit, language) })
          : zone.lastVisit
            ? t('territory.coverage.lastVisit', {
                count: zone.daysSinceLastVisit ?? 0,
                day: formatDay(zone.lastVisit, language),
              })
            : t('territory.coverage.never')}
      </Text>
    </Stack>
  );
}
