import { Alert, Button, Card, Group, NumberInput, SimpleGrid, Slider, Stack, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ranking } from '../../../../core/contracts/territory.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { ApplyZone } from './ApplyZone.tsx';
import { readableAlert } from './alert-styles.ts';
import { indicatorsQuery, rankSectors, sectorsQuery } from './data.ts';
import { LegendLine } from './Legend.tsx';
import { quintileColors } from './map/colors.ts';
import type { MapSector } from './map/layers.ts';
import { TerritoryMap } from './map/TerritoryMap.tsx';
import { RankedList } from './RankedList.tsx';
import { type Criterion, defaultCriteria, defaultTarget, populationCode, rankingRequest } from './ranking.ts';
import { TerritoryLinks } from './TerritoryLinks.tsx';

/** The zone's outline colour on the ranking map. */
export const zoneColor = '#0a3d62';

/** Seed 004: weigh the indicators, set a population target, and see the sectors ranked and a zone proposed. */
export function RankingPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const indicators = useQuery(indicatorsQuery);
  const sectors = useQuery(sectorsQuery);
  const [criteria, setCriteria] = useState<Criterion[]>([]);
  const [target, setTarget] = useState<{ min: number | string; max: number | string }>(defaultTarget);
  useEffect(() => {
    if (indicators.data && criteria.length === 0) setCriteria(defaultCriteria(indicators.data));
  }, [indicators.data, criteria.length]);
  const rank = useMutation({ mutationFn: rankSectors });
  const rankError = useApiError(rank.error, []);
  const population = indicators.data?.find((i) => i.code === populationCode && i.years.length > 0);
  const request = rankingRequest(criteria, population, target);

  const ranking: Ranking | undefined = rank.data;
  const mapSectors = useMemo<MapSector[]>(() => {
    const order = new Map((ranking?.ranked ?? []).map((r, index) => [r.sectorId, index]));
    const count = order.size;
    return (sectors.data?.features ?? []).map((feature) => {
      const index = order.get(feature.id);
      // Rank in fifths, darkest for the neediest fifth.
      const fifth = index === undefined ? null : Math.min(4, Math.floor((index * 5) / Math.max(count, 1)));
      return {
        id: feature.id,
        coordinates: feature.geometry.coordinates,
        fill: fifth === null ? null : quintileColors[4 - fifth]!,
      };
    });
  }, [sectors.data, ranking]);

  if (indicators.isPending || sectors.isPending) return <PageLoader />;
  const label = (code: string) => indicators.data?.find((i) => i.code === code)?.label[language] ?? code;
  const setWeight = (code: string, weight: number) =>
    setCriteria((all) => all.map((c) => (c.code === code ? { ...c, weight } : c)));

  return (
    <Stack gap="md">
      <PageTitle title={t('territory.ranking.title')} description={t('territory.ranking.intro')} />
      <TerritoryLinks here="ranking" />
      {criteria.length === 0 ? (
        <EmptyMessage title={t('territory.ranking.noIndicators')}>
          {t('territory.ranking.noIndicatorsText')}
        </EmptyMessage>
      ) : (
        <Card
          withBorder
          radius="md"
          p="md"
          component="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!('problem' in request)) rank.mutate(request);
          }}
        >
          <Stack gap="md">
            <Title order={2} fz="lg">
              {t('territory.ranking.weights')}
            </Title>
            <Text fz="sm" c="dimmed">
              {t('territory.ranking.weightsHint')}
            </Text>
            {criteria.map((criterion) => (
              <Stack key={criterion.code} gap={4}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={600} id={`weight-${criterion.code}`}>
                    {label(criterion.code)} ({criterion.year})
                  </Text>
                  <Text fw={700} aria-hidden>
                    {criterion.weight}
                  </Text>
                </Group>
                <Text fz="xs" c="dimmed">
                  {t(`territory.ranking.need.${criterion.need}`)}
                </Text>
                <Slider
                  min={0}
                  max={5}
                  step={1}
                  value={criterion.weight}
                  onChange={(weight) => setWeight(criterion.code, weight)}
                  thumbLabel={t('territory.ranking.weightOf', { indicator: label(criterion.code) })}
                  thumbSize={26}
                  size="lg"
                  marks={[0, 1, 2, 3, 4, 5].map((value) => ({ value }))}
                  label={null}
                  mb="xs"
                />
              </Stack>
            ))}
            <Title order={2} fz="lg">
              {t('territory.ranking.population')}
            </Title>
            {population ? (
              <Text fz="sm" c="dimmed">
                {t('territory.ranking.populationFrom', {
                  indicator: population.label[language],
                  year: population.years.at(-1),
                })}
              </Text>
            ) : null}
            <SimpleGrid cols={2} spacing="sm">
              <NumberInput
                size="md"
                label={t('territory.ranking.min')}
                value={target.min}
                min={0}
                step={1000}
                thousandSeparator=" "
                onChange={(min) => setTarget((current) => ({ ...current, min }))}
              />
              <NumberInput
                size="md"
                label={t('territory.ranking.max')}
                value={target.max}
                min={1}
                step={1000}
                thousandSeparator=" "
                onChange={(max) => setTarget((current) => ({ ...current, max }))}
              />
            </SimpleGrid>
            {'problem' in request ? (
              <Alert color="orange" role="status">
                {t(`territory.ranking.problem.${request.problem}`)}
              </Alert>
            ) : null}
            <FormAlert message={rankError.general} />
            <Button
              type="submit"
              size="md"
              disabled={'problem' in request}
              loading={rank.isPending}
              leftSection={<IconChartBar aria-hidden size={20} />}
            >
              {t('territory.ranking.run')}
            </Button>
          </Stack>
        </Card>
      )}
      {ranking ? (
        <Stack gap="md" data-testid="ranking-result">
          <ZoneSummary ranking={ranking} />
          <TerritoryMap
            label={t('territory.ranking.mapLabel')}
            sectors={mapSectors}
            selectedIds={ranking.zone?.sectorIds}
          />
          <Stack gap={4}>
            <LegendLine color={quintileColors[4]} label={t('territory.ranking.legendNeediest')} />
            <LegendLine line="solid" color={zoneColor} label={t('territory.ranking.legendZone')} />
          </Stack>
          {ranking.zone ? <ApplyZone sectorIds={ranking.zone.sectorIds} /> : null}
          <RankedList ranking={ranking} label={label} />
        </Stack>
      ) : null}
    </Stack>
  );
}

function ZoneSummary({ ranking }: { ranking: Ranking }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const zone = ranking.zone;
  if (!zone) return <Alert color="orange">{t('territory.ranking.noZone')}</Alert>;
  const people = new Intl.NumberFormat(language === 'en' ? 'en-CA' : 'fr-CA').format(zone.population);
  return (
    <Alert
      styles={readableAlert}
      color={zone.reachesTarget ? 'green' : 'orange'}
      title={t('territory.ranking.zoneTitle')}
      role="status"
    >
      {t('territory.ranking.zone', { count: zone.sectorIds.length, people })}{' '}
      {zone.reachesTarget ? t('territory.ranking.zoneInTarget') : t('territory.ranking.zoneShort')}
    </Alert>
  );
}
