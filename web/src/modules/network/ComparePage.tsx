import { Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors.ts';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { localDay } from '../fieldwork/data.ts';
import { ChangedTies, changeColours, drawnComparison, type View } from './compare-parts.tsx';
import { compareQuery } from './data.ts';
import { Dot, GraphArea, GraphLegend, Line } from './GraphArea.tsx';
import { communityColour, isolatedColour } from './graph-style.ts';
import { NetworkFilters } from './NetworkFilters.tsx';
import { NodeDetails } from './NodeDetails.tsx';

const route = getRouteApi('/signed-in/network/compare');
const yearAgo = () => localDay(new Date(Date.now() - 365 * 86_400_000));

/**
 * The network at two dates on one picture: every actor keeps its place (one layout of both dates
 * together), ties that appeared are drawn in green, ties that ended in red, the others in grey.
 * "Before" and "after" show each date alone at the same places.
 */
export function ComparePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [view, setView] = useState<View>('both');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const select = useCallback((id: string | null) => setSelectedId(id), []);
  const from = search.from ?? yearAgo();
  const to = search.to ?? localDay();
  const compared = useQuery(compareQuery(from, to, { ...search, derived: search.derived !== false }));
  const drawn = useMemo(() => (compared.data ? drawnComparison(compared.data, view) : null), [compared.data, view]);
  const selected = drawn?.nodes.get(selectedId ?? '');
  const setDate = (key: 'from' | 'to', value: string) =>
    void navigate({ search: (previous) => ({ ...previous, [key]: value || undefined }), replace: true });

  return (
    <Stack gap="md">
      <Group>
        <RouterButton
          to="/network"
          variant="subtle"
          size="compact-md"
          leftSection={<IconArrowLeft size={18} aria-hidden />}
        >
          {t('network.title')}
        </RouterButton>
      </Group>
      <PageTitle title={t('compare.title')} description={t('compare.intro')} />
      <NetworkFilters
        values={search}
        onChange={(next) => void navigate({ search: (previous) => ({ ...previous, ...next }), replace: true })}
      >
        <TextInput
          type="date"
          size="md"
          label={t('compare.from')}
          value={from}
          onChange={(event) => setDate('from', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          size="md"
          label={t('compare.to')}
          value={to}
          onChange={(event) => setDate('to', event.currentTarget.value)}
          error={from >= to ? t('compare.order') : undefined}
        />
      </NetworkFilters>
      {compared.isFetching && !compared.data ? <PageLoader /> : null}
      {compared.error ? (
        <Text role="alert" c="red.8">
          {compared.error instanceof ApiError ? compared.error.messageIn(language) : t('common.unexpectedError')}
        </Text>
      ) : null}
      {compared.data && drawn ? (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="compare-summary">
            <Figure
              label={t('compare.tiesOn', { date: formatDay(compared.data.from.at, language, 'long') })}
              value={compared.data.from.edges.length}
            />
            <Figure
              label={t('compare.tiesOn', { date: formatDay(compared.data.to.at, language, 'long') })}
              value={compared.data.to.edges.length}
            />
            <Figure label={t('compare.newTies')} value={compared.data.newTies.length} />
            <Figure label={t('compare.lostTies')} value={compared.data.lostTies.length} />
          </SimpleGrid>
          <Stack gap={2}>
            <Text fz="sm" fw={600} id="compare-view">
              {t('compare.view')}
            </Text>
            <SegmentedControl
              aria-labelledby="compare-view"
              value={view}
              onChange={(value) => setView(value as View)}
              fullWidth
              data={[
                { value: 'both', label: t('compare.both') },
                { value: 'before', label: t('compare.before') },
                { value: 'after', label: t('compare.after') },
              ]}
            />
          </Stack>
          <GraphArea
            nodes={drawn.drawnNodes}
            edges={drawn.edges}
            layoutEdges={drawn.layoutEdges}
            selectedId={selectedId}
            onSelect={select}
            description={t('compare.graphDescription', {
              added: compared.data.newTies.length,
              lost: compared.data.lostTies.length,
            })}
          />
          <GraphLegend
            items={[
              { key: 'new', swatch: <Line colour={changeColours.new} />, label: t('compare.newTies') },
              { key: 'lost', swatch: <Line colour={changeColours.lost} />, label: t('compare.lostTies') },
              { key: 'kept', swatch: <Line colour={changeColours.kept} />, label: t('compare.keptTies') },
              { key: 'community', swatch: <Dot colour={communityColour(0)} />, label: t('network.legend.community') },
              { key: 'isolated', swatch: <Dot colour={isolatedColour} hollow />, label: t('network.legend.isolated') },
            ]}
          />
          {selected ? <NodeDetails node={selected} onClose={() => setSelectedId(null)} /> : null}
          <ChangedTies comparison={compared.data} names={drawn.nodes} />
        </>
      ) : null}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Text fz="sm">{label}</Text>
      <Text fz={24} fw={800}>
        {value}
      </Text>
    </Stack>
  );
}
