import { Card, Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { CoverageList } from './CoverageList.tsx';
import { forgottenColor, isForgotten, type Period, periodRange, periods, radiusOf, visitedColor } from './coverage.ts';
import { coverageQuery } from './data.ts';
import { LegendLine } from './Legend.tsx';
import { TerritoryMap } from './map/TerritoryMap.tsx';
import { useMyNeighbourhoods, useOutlines, useSectorGround } from './neighbourhoods.ts';
import { TerritoryLinks } from './TerritoryLinks.tsx';

/** Where the team went, how often, and where no one has gone lately, by place or by neighbourhood. */
export function CoveragePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [period, setPeriod] = useState<Period>('last30Days');
  const [by, setBy] = useState<'place' | 'neighbourhood'>('place');
  const [days, setDays] = useState<number | string>(30);
  const range = periodRange(period);
  const coverage = useQuery(coverageQuery({ ...range, by }));
  const threshold = typeof days === 'number' && days >= 1 ? days : 30;
  const { neighbourhoods } = useMyNeighbourhoods();
  const outlines = useOutlines(neighbourhoods.map((n) => n.id));
  const ground = useSectorGround();

  const zones = coverage.data?.zones ?? [];
  const points = useMemo(() => {
    const busiest = Math.max(0, ...zones.map((z) => z.sessions + z.encounters));
    // Forgotten places last, so their red dot is drawn over a visited neighbour's.
    const ordered = [...zones].sort((a, b) => Number(isForgotten(a, threshold)) - Number(isForgotten(b, threshold)));
    return ordered.flatMap((zone) =>
      zone.id && zone.location && by === 'place'
        ? [
            {
              id: zone.id,
              ...zone.location,
              radius: radiusOf(zone, busiest),
              color: isForgotten(zone, threshold) ? forgottenColor : visitedColor,
            },
          ]
        : [],
    );
  }, [zones, by, threshold]);
  const [selected, setSelected] = useState<string | null>(null);

  return (
    <Stack gap="md">
      <PageTitle title={t('territory.coverage.title')} description={t('territory.coverage.intro')} />
      <TerritoryLinks here="coverage" />
      <Stack gap="sm">
        <SegmentedControl
          fullWidth
          size="md"
          aria-label={t('territory.coverage.period')}
          value={period}
          onChange={(value) => setPeriod(value as Period)}
          data={periods.map((value) => ({ value, label: t(`territory.coverage.periods.${value}`) }))}
        />
        <SegmentedControl
          fullWidth
          size="md"
          aria-label={t('territory.coverage.by')}
          value={by}
          onChange={(value) => setBy(value as typeof by)}
          data={[
            { value: 'place', label: t('territory.coverage.byPlace') },
            { value: 'neighbourhood', label: t('territory.coverage.byNeighbourhood') },
          ]}
        />
        <NumberInput
          size="md"
          label={t('territory.coverage.threshold')}
          description={t('territory.coverage.thresholdHint')}
          min={1}
          max={730}
          value={days}
          onChange={setDays}
          error={typeof days === 'number' && days >= 1 ? undefined : t('territory.coverage.thresholdError')}
        />
      </Stack>
      <Text fz="sm" c="dimmed">
        {t('territory.coverage.range', { from: formatDay(range.from, language), to: formatDay(range.to, language) })}
      </Text>
      {coverage.isPending ? (
        <PageLoader />
      ) : coverage.isError ? (
        <EmptyMessage title={t('territory.coverage.error')}>{t('territory.coverage.errorText')}</EmptyMessage>
      ) : (
        <>
          <Card withBorder radius="md" p="sm">
            <Group gap="lg" data-testid="coverage-total">
              <Text fw={700} fz="lg">
                {t('territory.coverage.sessionCount', { count: coverage.data.total.sessions })}
              </Text>
              <Text fw={700} fz="lg">
                {t('territory.coverage.encounterCount', { count: coverage.data.total.encounters })}
              </Text>
            </Group>
          </Card>
          {by === 'place' ? (
            <>
              <TerritoryMap
                label={t('territory.coverage.mapLabel')}
                sectors={ground}
                outlines={outlines}
                points={points}
                onPointTap={setSelected}
              />
              <Stack gap={4}>
                <LegendLine
                  color={forgottenColor}
                  label={t('territory.coverage.legendForgotten', { count: threshold })}
                />
                <LegendLine color={visitedColor} label={t('territory.coverage.legendVisited')} />
                <Text fz="sm" c="dimmed">
                  {t('territory.coverage.legendSize')}
                </Text>
              </Stack>
            </>
          ) : null}
          <CoverageList zones={zones} by={by} threshold={threshold} selected={selected} />
        </>
      )}
      <RouterButton to="/territory/places" size="md" variant="light" styles={wrappingButton}>
        {t('territory.coverage.managePlaces')}
      </RouterButton>
    </Stack>
  );
}
