import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ranking } from '../../../../core/contracts/territory.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { formatNumber } from './format.ts';

const pageSize = 25;

/** The ranked sectors, neediest first: score (0–100), population, the zone's members marked. */
export function RankedList({ ranking, label }: { ranking: Ranking; label: (code: string) => string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [shown, setShown] = useState(pageSize);
  const zone = new Set(ranking.zone?.sectorIds ?? []);
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="lg">
        {t('territory.ranking.listTitle')}
      </Title>
      <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {ranking.ranked.slice(0, shown).map((sector, index) => (
          <Stack
            component="li"
            key={sector.sectorId}
            gap={2}
            p="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
                {index + 1}. {sector.code}
                {sector.name ? ` · ${sector.name}` : ''}
              </Text>
              <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                {t('territory.ranking.score', { score: Math.round(sector.score * 100) })}
              </Text>
            </Group>
            <Group gap="xs">
              {zone.has(sector.sectorId) ? <Tag tone="blue">{t('territory.ranking.inZone')}</Tag> : null}
              <Text fz="sm" c="dimmed">
                {sector.population === null
                  ? t('territory.ranking.noPopulation')
                  : t('territory.ranking.inhabitants', { people: formatNumber(sector.population, language) })}
              </Text>
            </Group>
            {sector.missing.length ? (
              <Text fz="sm" c="#6b2a00">
                {t('territory.ranking.missing', { indicators: sector.missing.map(label).join(', ') })}
              </Text>
            ) : null}
          </Stack>
        ))}
      </Stack>
      {ranking.ranked.length > shown ? (
        <Button variant="subtle" size="md" onClick={() => setShown(shown + pageSize)}>
          {t('territory.showMore', { count: Math.min(pageSize, ranking.ranked.length - shown) })}
        </Button>
      ) : null}
    </Stack>
  );
}
