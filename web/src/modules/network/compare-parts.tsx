import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NetworkEdge } from '../../../../core/contracts/network.ts';
import { Tag } from '../../ui/Tag.tsx';
import type { NetworkComparison, NetworkNode } from './data.ts';
import type { DrawnEdge, DrawnNode } from './GraphCanvas.tsx';
import { communityColour, isolatedColour, nodeSize } from './graph-style.ts';

export type View = 'both' | 'before' | 'after';

/** Green and red that stay apart for most colour-blind readers (and lost ties are also thinner). */
export const changeColours = { new: '#1b7837', lost: '#c51b7d', kept: '#b8bec6' } as const;

/**
 * One picture for two dates: the actors of both (as they stand at the later date when they still
 * exist), every tie of either date for the layout, and the ties the chosen view shows, coloured.
 */
export function drawnComparison(comparison: NetworkComparison, view: View) {
  const nodes = new Map<string, NetworkNode>();
  for (const node of comparison.from.nodes) nodes.set(node.id, node);
  for (const node of comparison.to.nodes) nodes.set(node.id, node);
  const max = Math.max(0, ...[...nodes.values()].map((node) => node.degree));
  const drawnNodes: DrawnNode[] = [...nodes.values()].map((node) => ({
    id: node.id,
    label: node.name,
    community: node.community,
    colour: node.isolated ? isolatedColour : communityColour(node.community),
    size: nodeSize(node.degree, max, nodes.size),
    ring: node.isolated ? 2 : 0,
  }));
  const newIds = new Set(comparison.newTies.map((edge) => edge.id));
  const drawn = (edge: NetworkEdge, colour: string, size: number): DrawnEdge => ({
    id: `${colour}:${edge.id}`,
    source: edge.source,
    target: edge.target,
    colour,
    size,
  });
  // Kept: at the later date and not new, hence at both dates; no tie is drawn twice.
  const kept = comparison.to.edges
    .filter((edge) => !newIds.has(edge.id))
    .map((edge) => drawn(edge, changeColours.kept, 1));
  const added = comparison.newTies.map((edge) => drawn(edge, changeColours.new, 3));
  const lost = comparison.lostTies.map((edge) => drawn(edge, changeColours.lost, 2));
  const edges =
    view === 'before' ? [...kept, ...lost] : view === 'after' ? [...kept, ...added] : [...kept, ...added, ...lost];
  return { nodes, drawnNodes, edges, layoutEdges: [...kept, ...added, ...lost] };
}

/** The ties that appeared and those that ended, by name. */
export function ChangedTies({ comparison, names }: { comparison: NetworkComparison; names: Map<string, NetworkNode> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TieList
        title={t('compare.newTies')}
        testId="new-ties"
        edges={comparison.newTies}
        names={names}
        empty={t('compare.noNew')}
      />
      <TieList
        title={t('compare.lostTies')}
        testId="lost-ties"
        edges={comparison.lostTies}
        names={names}
        empty={t('compare.noLost')}
      />
    </SimpleGrid>
  );
}

function TieList({
  title,
  testId,
  edges,
  names,
  empty,
}: {
  title: string;
  testId: string;
  edges: NetworkEdge[];
  names: Map<string, NetworkNode>;
  empty: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="lg">
        {title} ({edges.length})
      </Title>
      {edges.length === 0 ? <Text c="dimmed">{empty}</Text> : null}
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid={testId}>
        {edges.map((edge) => (
          <Text component="li" key={edge.id} fz="sm">
            <strong>{names.get(edge.source)?.name ?? '…'}</strong> —{' '}
            <strong>{names.get(edge.target)?.name ?? '…'}</strong>{' '}
            <Tag tone={edge.derived ? 'gray' : 'blue'}>{t(`network.tieKind.${edge.kind}`)}</Tag>
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}
