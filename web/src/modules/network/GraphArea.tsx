import { Alert, Box, Group, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Component, lazy, type ReactNode, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../ui/PageLoader.tsx';
import type { DrawnEdge, DrawnNode } from './GraphCanvas.tsx';
import { webglAvailable } from './graph-style.ts';

// sigma and graphology load with the graph only, never with the app's first screen.
const GraphCanvas = lazy(() => import('./GraphCanvas.tsx').then((module) => ({ default: module.GraphCanvas })));

type Props = {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  description: string;
  layoutEdges?: DrawnEdge[];
};

/** The graph, or a short message when WebGL (or the graph's code) is missing: never a blank box. */
export function GraphArea(props: Props) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(() => !webglAvailable());
  const onFailure = useCallback(() => setFailed(true), []);
  if (failed)
    return (
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="graph-fallback">
        {t('network.noWebgl')}
      </Alert>
    );
  return (
    <FailureBoundary onFailure={onFailure}>
      <Suspense fallback={<PageLoader />}>
        <GraphCanvas {...props} onFailure={onFailure} />
      </Suspense>
    </FailureBoundary>
  );
}

class FailureBoundary extends Component<{ onFailure: () => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch() {
    this.props.onFailure();
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** What the colours and marks mean. */
export function GraphLegend({ items }: { items: { key: string; swatch: ReactNode; label: string }[] }) {
  return (
    <Group gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <Group key={item.key} gap={6} component="li" wrap="nowrap">
          {item.swatch}
          <Text fz="sm">{item.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

export function Dot({ colour, ring, hollow }: { colour: string; ring?: boolean; hollow?: boolean }) {
  return (
    <Box
      aria-hidden
      w={14}
      h={14}
      style={{
        borderRadius: 7,
        background: hollow ? 'white' : colour,
        border: ring ? '3px solid #121212' : hollow ? `4px solid ${colour}` : undefined,
      }}
    />
  );
}

export function Line({ colour, dashed }: { colour: string; dashed?: boolean }) {
  return <Box aria-hidden w={22} h={0} style={{ borderTop: `3px ${dashed ? 'dashed' : 'solid'} ${colour}` }} />;
}
