import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowsDiff, IconLink, IconMessages } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../core/contracts/network.ts';
import { ApiError } from '../../api/errors.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { localDay } from '../fieldwork/data.ts';
import { networkQuery } from './data.ts';
import { Dot, GraphArea, GraphLegend, Line } from './GraphArea.tsx';
import type { DrawnEdge, DrawnNode } from './GraphCanvas.tsx';
import { communityColour, isolatedColour, nodeSize, type SizeMetric, sizeMetrics } from './graph-style.ts';
import { MetricsTable } from './MetricsTable.tsx';
import { NetworkFilters } from './NetworkFilters.tsx';
import { NodeDetails } from './NodeDetails.tsx';
import { TieFormModal } from './TieForm.tsx';

const route = getRouteApi('/signed-in/network');

/** The maillage as a graph at a date, the numbers behind it, and the way to add a tie. */
export function NetworkPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const size: SizeMetric = search.size ?? 'degree';
  const network = useQuery(networkQuery({ ...search, derived: search.derived !== false }));
  const select = useCallback((id: string | null) => setSelectedId(id), []);
  const selected = network.data?.nodes.find((node) => node.id === selectedId);

  return (
    <Stack gap="md">
      <PageTitle
        title={t('network.title')}
        description={t('network.intro')}
        actions={
          <>
            <Button leftSection={<IconLink size={18} aria-hidden />} onClick={() => setAdding(true)}>
              {t('ties.add')}
            </Button>
            <RouterButton to="/network/compare" variant="light" leftSection={<IconArrowsDiff size={18} aria-hidden />}>
              {t('network.compare')}
            </RouterButton>
            <RouterButton
              to="/network/interactions"
              variant="light"
              leftSection={<IconMessages size={18} aria-hidden />}
            >
              {t('interactions.title')}
            </RouterButton>
          </>
        }
      />
      <NetworkFilters
        values={search}
        onChange={(next) => void navigate({ search: (previous) => ({ ...previous, ...next }), replace: true })}
      >
        <TextInput
          type="date"
          size="md"
          label={t('network.at')}
          value={search.at ?? localDay()}
          onChange={(event) => {
            const value = event.currentTarget.value;
            void navigate({ search: (previous) => ({ ...previous, at: value || undefined }), replace: true });
          }}
        />
      </NetworkFilters>
      {network.isPending ? <PageLoader /> : null}
      {network.error ? (
        <Text role="alert" c="red.8">
          {network.error instanceof ApiError ? network.error.messageIn(language) : t('common.unexpectedError')}
        </Text>
      ) : null}
      {network.data ? (
        network.data.nodes.length === 0 ? (
          <EmptyMessage title={t('network.empty')}>{t('network.emptyText')}</EmptyMessage>
        ) : (
          <GraphSection
            network={network.data}
            size={size}
            onSize={(value) => void navigate({ search: (previous) => ({ ...previous, size: value }), replace: true })}
            selectedId={selectedId}
            onSelect={select}
          />
        )
      ) : null}
      {selected ? <NodeDetails node={selected} onClose={() => setSelectedId(null)} /> : null}
      {network.data?.nodes.length ? (
        <MetricsTable nodes={network.data.nodes} selectedId={selectedId} onSelect={select} />
      ) : null}
      <TieFormModal opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}

function GraphSection({
  network,
  size,
  onSize,
  selectedId,
  onSelect,
}: {
  network: Network;
  size: SizeMetric;
  onSize: (value: SizeMetric) => void;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const nodes = useMemo((): DrawnNode[] => {
    const max = Math.max(0, ...network.nodes.map((node) => node[size]));
    return network.nodes.map((node) => ({
      id: node.id,
      label: node.name,
      community: node.community,
      colour: node.isolated ? isolatedColour : communityColour(node.community),
      size: nodeSize(node[size], max, network.nodes.length),
      ring: node.isolated ? 2 : node.bridging ? 1 : 0,
    }));
  }, [network, size]);
  const edges = useMemo(
    (): DrawnEdge[] =>
      network.edges.map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        colour: edge.derived ? '#b8bec6' : '#7a828c',
        size: edge.strength,
      })),
    [network],
  );
  const bridging = network.nodes.filter((node) => node.bridging).length;
  const isolated = network.nodes.filter((node) => node.isolated).length;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text data-testid="network-summary">
          {t('network.summary', {
            actors: network.nodes.length,
            ties: network.edges.length,
            communities: network.communities,
            bridging,
            isolated,
          })}
        </Text>
        <Stack gap={2}>
          <Text fz="sm" fw={600} id="size-by">
            {t('network.sizeBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="size-by"
            value={size}
            onChange={(value) => onSize(value as SizeMetric)}
            data={sizeMetrics.map((metric) => ({ value: metric, label: t(`network.metric.${metric}`) }))}
          />
        </Stack>
      </Group>
      <GraphArea
        nodes={nodes}
        edges={edges}
        selectedId={selectedId}
        onSelect={onSelect}
        description={t('network.graphDescription', { actors: network.nodes.length, ties: network.edges.length })}
      />
      <GraphLegend
        items={[
          { key: 'community', swatch: <Dot colour={communityColour(0)} />, label: t('network.legend.community') },
          { key: 'bridging', swatch: <Dot colour={communityColour(1)} ring />, label: t('network.legend.bridging') },
          { key: 'isolated', swatch: <Dot colour={isolatedColour} hollow />, label: t('network.legend.isolated') },
          { key: 'hand', swatch: <Line colour="#7a828c" />, label: t('network.legend.hand') },
          { key: 'derived', swatch: <Line colour="#b8bec6" />, label: t('network.legend.derived') },
        ]}
      />
    </Stack>
  );
}
