import { Box, Group, Loader, Text } from '@mantine/core';
import Graph from 'graphology';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Sigma from 'sigma';
import { type LayoutInput, seededPositions } from './layout-seed.ts';
import { NodeRingProgram } from './node-ring-program.ts';
import { useLayout } from './use-layout.ts';

/** `ring`: 0 a plain dot, 1 a bridging actor's dark ring, 2 an isolated actor's hollow dot. */
export type DrawnNode = { id: string; label: string; community: number; colour: string; size: number; ring: number };
export type DrawnEdge = { id: string; source: string; target: string; colour: string; size: number };

type Props = {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Sigma could not start (no WebGL context): the page shows its table instead. */
  onFailure: () => void;
  description: string;
  /** Ties the layout weighs, when they differ from those drawn: two dates share one picture. */
  layoutEdges?: DrawnEdge[];
};

/**
 * The network drawn by sigma (WebGL): first at seeded places, then where the worker's layout puts
 * the actors (the same network, the same picture); hovering or
 * tapping an actor selects it (the page shows who it is), tapping the background lets go.
 */
export function GraphCanvas({ nodes, edges, selectedId, onSelect, onFailure, description, layoutEdges }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma | null>(null);
  const selected = useRef(selectedId);
  const [rendered, setRendered] = useState(false);
  // Sorted by id: the same network always reaches the layout in the same order, hence the same picture.
  const ordered = useMemo(() => [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), [nodes]);
  const layoutInput = useStableLayoutInput(ordered, layoutEdges ?? edges);
  const positions = useLayout(layoutInput, rendered);
  const [laidOut, setLaidOut] = useState(false);
  // Read when the graph is built; later changes reach the drawn graph through the effects below.
  const current = useRef({ ordered, edges });
  current.current = { ordered, edges };

  // Drawn at once from the seeded places; the worker's layout then moves the actors (effect below).
  // Only another set of actors or ties to weigh starts over: sizes, colours and shown ties are updated in place.
  useEffect(() => {
    setRendered(false);
    if (!container.current) return;
    const seeded = seededPositions(layoutInput);
    const graph = new Graph({ type: 'undirected', multi: true });
    current.current.ordered.forEach((node, i) => {
      graph.addNode(node.id, {
        x: seeded[i * 2],
        y: seeded[i * 2 + 1],
        ...nodeAttributes(node, layoutInput.ids.length),
      });
    });
    addEdges(graph, current.current.edges);
    let renderer: Sigma;
    try {
      renderer = new Sigma(graph, container.current, {
        defaultNodeType: 'ring',
        nodeProgramClasses: { ring: NodeRingProgram },
        labelFont: 'system-ui, sans-serif',
        labelSize: 13,
        labelWeight: '600',
        zIndex: true,
        // Every name shows on a small network; on a big one, names come with zooming in.
        labelRenderedSizeThreshold: layoutInput.ids.length <= 80 ? 0 : 6,
        // The chosen actor grows and keeps its name, drawn by the same program (its marks stay).
        nodeReducer: (key, data) =>
          key === selected.current ? { ...data, size: data.size * 1.5, forceLabel: true, zIndex: 2 } : data,
      });
    } catch {
      onFailure();
      return;
    }
    sigma.current = renderer;
    renderer.on('enterNode', ({ node }) => onSelect(node));
    renderer.on('clickNode', ({ node }) => onSelect(node));
    renderer.on('clickStage', () => onSelect(null));
    renderer.once('afterRender', () => setRendered(true));
    renderer.refresh();
    return () => {
      sigma.current = null;
      renderer.kill();
    };
  }, [layoutInput, onSelect, onFailure]);

  useEffect(() => {
    const renderer = sigma.current;
    if (!renderer) return;
    const graph = renderer.getGraph();
    for (const node of ordered)
      if (graph.hasNode(node.id)) graph.mergeNodeAttributes(node.id, nodeAttributes(node, ordered.length));
    graph.clearEdges();
    addEdges(graph, edges);
    renderer.refresh();
  }, [ordered, edges]);

  useEffect(() => {
    setLaidOut(false);
    const renderer = sigma.current;
    if (!positions || !renderer || !rendered) return;
    const graph = renderer.getGraph();
    layoutInput.ids.forEach((id, i) => {
      if (graph.hasNode(id)) graph.mergeNodeAttributes(id, { x: positions[i * 2], y: positions[i * 2 + 1] });
    });
    renderer.refresh();
    setLaidOut(true);
  }, [positions, layoutInput, rendered]);

  useEffect(() => {
    selected.current = selectedId;
    sigma.current?.refresh({ skipIndexation: true });
  }, [selectedId]);

  return (
    <Box pos="relative">
      <Box
        ref={container}
        data-testid="network-graph"
        data-rendered={rendered ? 'true' : 'false'}
        data-laid-out={laidOut ? 'true' : 'false'}
        data-nodes={nodes.length}
        data-edges={edges.length}
        role="img"
        aria-label={description}
        h={{ base: 380, sm: 560 }}
        style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, background: 'white' }}
      />
      {laidOut ? null : (
        <Box pos="absolute" top={8} left={8} style={{ pointerEvents: 'none' }}>
          <Group gap={6}>
            <Loader size="xs" aria-hidden />
            <Text fz="sm">{t('network.layingOut')}</Text>
          </Group>
        </Box>
      )}
    </Box>
  );
}

function nodeAttributes(node: DrawnNode, count: number) {
  return {
    size: node.size,
    color: node.colour,
    label: node.label,
    ring: node.ring,
    forceLabel: node.ring === 1 && count <= 200,
  };
}

function addEdges(graph: Graph, edges: DrawnEdge[]) {
  for (const edge of edges)
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target) && !graph.hasEdge(edge.id))
      graph.addEdgeWithKey(edge.id, edge.source, edge.target, { color: edge.colour, size: edge.size });
}

/** The layout's input, kept as the same object while its actors, communities and ties stay the same. */
function useStableLayoutInput(ordered: DrawnNode[], weighed: DrawnEdge[]): LayoutInput {
  const previous = useRef<{ key: string; input: LayoutInput } | null>(null);
  return useMemo(() => {
    const index = new Map(ordered.map((node, i) => [node.id, i]));
    const pairs: [number, number][] = [];
    for (const edge of weighed) {
      const a = index.get(edge.source);
      const b = index.get(edge.target);
      if (a !== undefined && b !== undefined) pairs.push(a < b ? [a, b] : [b, a]);
    }
    pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const input = {
      ids: ordered.map((node) => node.id),
      communities: ordered.map((node) => node.community),
      edges: pairs,
    };
    const key = `${input.ids.join()}|${input.communities.join()}|${pairs.join(';')}`;
    if (previous.current?.key !== key) previous.current = { key, input };
    return previous.current.input;
  }, [ordered, weighed]);
}
