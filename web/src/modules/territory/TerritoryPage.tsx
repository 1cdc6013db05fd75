import { Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { indicatorMapQuery, indicatorsQuery, placesQuery, sectorsQuery } from './data.ts';
import { latestYear } from './format.ts';
import { LegendLine, QuintileLegend } from './Legend.tsx';
import { fillOf, outlineColor, placeColor } from './map/colors.ts';
import type { MapSector } from './map/layers.ts';
import { TerritoryMap } from './map/TerritoryMap.tsx';
import { useMyNeighbourhoods, useOutlines } from './neighbourhoods.ts';
import { SectorDetails, SectorValueList } from './SectorValues.tsx';
import { TerritoryLinks } from './TerritoryLinks.tsx';

/** The territory: a choropleth of one indicator and year, the team's neighbourhoods, its places. */
export function TerritoryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const sectors = useQuery(sectorsQuery);
  const indicators = useQuery(indicatorsQuery);
  const places = useQuery({ ...placesQuery(false), enabled: user.role !== 'admin' });
  const { neighbourhoods } = useMyNeighbourhoods();
  const outlines = useOutlines(neighbourhoods.map((n) => n.id));
  const withValues = (indicators.data ?? []).filter((indicator) => indicator.years.length > 0);
  const [chosen, setChosen] = useState<{ code: string; year: number } | null>(null);
  const indicator = withValues.find((i) => i.code === chosen?.code) ?? withValues[0];
  const year = indicator && chosen?.code === indicator.code ? chosen.year : indicator ? latestYear(indicator) : null;
  const values = useQuery({
    ...indicatorMapQuery(indicator?.code ?? '', year ?? 0),
    enabled: Boolean(indicator && year),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const selectedIds = useMemo(() => (selected ? [selected] : []), [selected]);

  const valueBySector = useMemo(
    () => new Map((values.data?.values ?? []).map((v) => [v.sectorId, v.value])),
    [values.data],
  );
  const mapSectors = useMemo<MapSector[]>(
    () =>
      (sectors.data?.features ?? []).map((feature) => {
        const value = valueBySector.get(feature.id);
        return {
          id: feature.id,
          coordinates: feature.geometry.coordinates,
          fill:
            value === undefined || !values.data ? null : fillOf(value, values.data.breaks, values.data.indicator.need),
        };
      }),
    [sectors.data, valueBySector, values.data],
  );
  const points = useMemo(
    () =>
      (places.data ?? []).flatMap((place) =>
        place.location ? [{ id: place.id, ...place.location, radius: 6, color: placeColor }] : [],
      ),
    [places.data],
  );

  if (sectors.isPending || indicators.isPending) return <PageLoader />;
  const features = sectors.data?.features ?? [];
  const steward = user.role === 'coordinator' || user.role === 'admin';
  const selectedFeature = features.find((f) => f.id === selected);

  return (
    <Stack gap="md">
      <PageTitle title={t('territory.title')} description={t('territory.intro')} />
      <TerritoryLinks here="map" />
      {features.length === 0 ? (
        <EmptyMessage
          title={t('territory.noSectors')}
          action={
            steward ? (
              <RouterButton to="/territory/imports" size="md">
                {t('territory.importSectorsFirst')}
              </RouterButton>
            ) : undefined
          }
        >
          {steward ? t('territory.noSectorsSteward') : t('territory.noSectorsWorker')}
        </EmptyMessage>
      ) : (
        <>
          {withValues.length ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <NativeSelect
                size="md"
                label={t('territory.indicator')}
                value={indicator?.code ?? ''}
                onChange={(event) => {
                  const next = withValues.find((i) => i.code === event.currentTarget.value);
                  if (next) setChosen({ code: next.code, year: latestYear(next) ?? 0 });
                }}
                data={withValues.map((i) => ({ value: i.code, label: i.label[language] }))}
              />
              <NativeSelect
                size="md"
                label={t('territory.year')}
                value={String(year ?? '')}
                onChange={(event) =>
                  indicator && setChosen({ code: indicator.code, year: Number(event.currentTarget.value) })
                }
                data={(indicator?.years ?? []).map(String).reverse()}
              />
            </SimpleGrid>
          ) : (
            <Text c="dimmed">{steward ? t('territory.noIndicatorsSteward') : t('territory.noIndicatorsWorker')}</Text>
          )}
          <TerritoryMap
            label={
              indicator && year
                ? t('territory.mapLabel', { indicator: indicator.label[language], year })
                : t('territory.mapLabelPlain')
            }
            sectors={mapSectors}
            outlines={outlines}
            points={points}
            selectedIds={selectedIds}
            onSectorTap={setSelected}
          />
          <Card withBorder radius="md" p="sm">
            <Stack gap="xs">
              {values.data ? <QuintileLegend indicator={values.data.indicator} breaks={values.data.breaks} /> : null}
              {outlines.length ? (
                <LegendLine line="dashed" color={outlineColor} label={t('territory.legend.outlines')} />
              ) : null}
              {points.length ? <LegendLine color={placeColor} label={t('territory.legend.places')} /> : null}
              <Text fz="sm" c="dimmed">
                {t('territory.tapHint')}
              </Text>
            </Stack>
          </Card>
          {selectedFeature ? (
            <SectorDetails key={selectedFeature.id} feature={selectedFeature} onClose={() => setSelected(null)} />
          ) : null}
          <MyNeighbourhoods />
          <SectorValueList features={features} map={values.data ?? null} selected={selected} onSelect={setSelected} />
        </>
      )}
    </Stack>
  );
}

function MyNeighbourhoods() {
  const { t } = useTranslation();
  const { neighbourhoods } = useMyNeighbourhoods();
  if (neighbourhoods.length === 0) return null;
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="lg">
        {t('territory.myNeighbourhoods')}
      </Title>
      <Group gap="xs">
        {neighbourhoods.map((n) => (
          <RouterButton
            key={n.id}
            to="/territory/neighbourhoods/$neighbourhoodId"
            params={{ neighbourhoodId: n.id }}
            variant="default"
            size="md"
          >
            {n.name}
          </RouterButton>
        ))}
      </Group>
    </Stack>
  );
}
