import { Button, Checkbox, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectorCollection } from '../../../../core/contracts/territory.ts';

type Feature = SectorCollection['features'][number];
const pageSize = 30;

const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The same choice as tapping the map, as a list: the sectors in the neighbourhood first, then the
 * others, found by code or name. The only way to draw when the browser shows no map.
 */
export function SectorPicker({
  features,
  picked,
  onToggle,
  disabled,
}: {
  features: Feature[];
  picked: Set<string>;
  onToggle: (sectorId: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState(pageSize);
  const wanted = fold(search.trim());
  const matches = features.filter(
    (feature) =>
      !wanted || fold(feature.properties.code).includes(wanted) || fold(feature.properties.name ?? '').includes(wanted),
  );
  const ordered = [...matches.filter((f) => picked.has(f.id)), ...matches.filter((f) => !picked.has(f.id))];
  return (
    <Stack gap="xs" component="section" aria-labelledby="sector-picker-title">
      <Title order={2} fz="lg" id="sector-picker-title">
        {t('territory.neighbourhood.sectors')}
      </Title>
      <TextInput
        type="search"
        size="md"
        label={t('territory.neighbourhood.findSector')}
        leftSection={<IconSearch aria-hidden size={18} />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setShown(pageSize);
        }}
      />
      {ordered.length === 0 ? <Text c="dimmed">{t('territory.neighbourhood.noSectorFound')}</Text> : null}
      <Stack gap={4}>
        {ordered.slice(0, shown).map((feature) => (
          <Checkbox
            key={feature.id}
            size="md"
            p="xs"
            styles={{ body: { alignItems: 'center' }, root: { minHeight: 44 } }}
            checked={picked.has(feature.id)}
            disabled={disabled}
            onChange={() => onToggle(feature.id)}
            label={
              feature.properties.name
                ? `${feature.properties.code} · ${feature.properties.name}`
                : feature.properties.code
            }
          />
        ))}
      </Stack>
      {ordered.length > shown ? (
        <Button variant="subtle" size="md" onClick={() => setShown(shown + pageSize)}>
          {t('territory.showMore', { count: Math.min(pageSize, ordered.length - shown) })}
        </Button>
      ) : null}
    </Stack>
  );
}
