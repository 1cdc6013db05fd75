import { Button, Card, CloseButton, Group, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorMap, SectorCollection } from '../../../../core/contracts/territory.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { neighbourhoodsQuery } from '../directory/data.ts';
import { indicatorMapQuery, indicatorsQuery } from './data.ts';
import { formatSquareKilometres, formatValue, latestYear } from './format.ts';

type Feature = SectorCollection['features'][number];

/** A tapped sector: its code and name, its neighbourhoods, and every indicator's latest value. */
export function SectorDetails({ feature, onClose }: { feature: Feature; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const indicators = useQuery(indicatorsQuery).data ?? [];
  const neighbourhoods = useQuery(neighbourhoodsQuery).data?.items ?? [];
  const dated = indicators.flatMap((indicator) => {
    const year = latestYear(indicator);
    return year ? [{ indicator, year }] : [];
  });
  const maps = useQueries({ queries: dated.map(({ indicator, year }) => indicatorMapQuery(indicator.code, year)) });
  const rows = dated.flatMap(({ indicator, year }, index) => {
    const value = maps[index]?.data?.values.find((v) => v.sectorId === feature.id)?.value;
    return value === undefined ? [] : [{ indicator, year, value }];
  });
  const names = neighbourhoods.filter((n) => feature.properties.neighbourhoodIds.includes(n.id)).map((n) => n.name);
  // Tapped far down the list (or on the map), the card must come into view (keyed by sector: one per tap).
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    card.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, []);
  return (
    <Card ref={card} withBorder radius="md" p="md" component="section" aria-live="polite" data-testid="sector-details">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} fz="lg" style={{ overflowWrap: 'anywhere' }}>
            {t('territory.sector', { code: feature.properties.code })}
          </Title>
          {feature.properties.name ? <Text>{feature.properties.name}</Text> : null}
          <Text fz="sm" c="dimmed">
            {formatSquareKilometres(feature.properties.areaSquareMetres, language)}
            {names.length ? ` · ${t('territory.inNeighbourhoods', { names: names.join(', ') })}` : ''}
          </Text>
        </Stack>
        <CloseButton size="lg" aria-label={t('territory.closeSector')} onClick={onClose} />
      </Group>
      {rows.length ? (
        <Table mt="sm" fz="sm" verticalSpacing={6}>
          <Table.Tbody>
            {rows.map(({ indicator, year, value }) => (
              <Table.Tr key={indicator.code}>
                <Table.Th scope="row" fw={500}>
                  {indicator.label[language]} ({year})
                </Table.Th>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatValue(value, indicator, language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text mt="sm" fz="sm" c="dimmed">
          {t('territory.noValuesForSector')}
        </Text>
      )}
    </Card>
  );
}

const pageSize = 30;

/**
 * Every sector with the value shown on the map, neediest first: the map's content for those who
 * cannot see or use it, and the whole page when the browser draws no map.
 */
export function SectorValueList({
  features,
  map,
  selected,
  onSelect,
}: {
  features: Feature[];
  map: IndicatorMap | null;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [shown, setShown] = useState(pageSize);
  const values = new Map((map?.values ?? []).map((v) => [v.sectorId, v.value]));
  const direction = map?.indicator.need === 'lower' ? 1 : -1;
  const sorted = [...features].sort((a, b) => {
    const va = values.get(a.id);
    const vb = values.get(b.id);
    if (va === undefined || vb === undefined) return va === undefined ? (vb === undefined ? 0 : 1) : -1;
    return direction * (va - vb) || a.properties.code.localeCompare(b.properties.code);
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby="sector-list-title" data-testid="sector-list">
      <Title order={2} fz="lg" id="sector-list-title">
        {map
          ? t('territory.listTitle', { indicator: map.indicator.label[language], year: map.year })
          : t('territory.listTitlePlain')}
      </Title>
      <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {sorted.slice(0, shown).map((feature) => {
          const value = values.get(feature.id);
          return (
            <li key={feature.id}>
              <UnstyledButton
                onClick={() => onSelect(feature.id)}
                aria-pressed={feature.id === selected}
                w="100%"
                p="sm"
                style={{
                  minHeight: 48,
                  borderRadius: 8,
                  border: '1px solid var(--mantine-color-gray-3)',
                  background: feature.id === selected ? 'var(--mantine-color-blue-0)' : undefined,
                }}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Text style={{ overflowWrap: 'anywhere' }}>
                    <Text span fw={700}>
                      {feature.properties.code}
                    </Text>
                    {feature.properties.name ? ` · ${feature.properties.name}` : ''}
                  </Text>
                  <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {value === undefined || !map ? '—' : formatValue(value, map.indicator, language)}
                  </Text>
                </Group>
              </UnstyledButton>
            </li>
          );
        })}
      </Stack>
      {sorted.length > shown ? (
        <Button variant="subtle" size="md" onClick={() => setShown(shown + pageSize)}>
          {t('territory.showMore', { count: Math.min(pageSize, sorted.length - shown) })}
        </Button>
      ) : null}
    </Stack>
  );
}
