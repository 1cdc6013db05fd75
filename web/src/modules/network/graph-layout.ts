import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { type LayoutInput, seededPositions } from './layout-seed.ts';

export type { LayoutInput } from './layout-seed.ts';

/** Fewer passes on big networks: the picture settles sooner than the eye asks for, and stays bounded. */
function iterationsFor(nodeCount: number): number {
  if (nodeCount <= 300) return 200;
  if (nodeCount <= 1000) return 120;
  if (nodeCount <= 3000) return 60;
  return 40;
}

/**
 * Positions as [x0, y0, x1, y1, …]: the seeded places, then a fixed number of ForceAtlas2 passes.
 * The same network gives the same picture, and an actor stays in the same place between two dates
 * laid out together.
 */
export function layoutPositions(input: LayoutInput): Float64Array {
  const n = input.ids.length;
  const positions = seededPositions(input);
  if (n === 0) return positions;
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < n; i++) graph.addNode(String(i), { x: positions[i * 2], y: positions[i * 2 + 1] });
  for (const [a, b] of input.edges)
    if (a !== b && !graph.hasEdge(String(a), String(b))) graph.addEdge(String(a), String(b));
  if (graph.size === 0) return positions;
  forceAtlas2.assign(graph, {
    iterations: iterationsFor(n),
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 1000, gravity: 1 },
  });
  graph.forEachNode((key, attributes) => {
    const i = Number(key);
    positions[i * 2] = attributes.x as number;
    positions[i * 2 + 1] = attributes.y as number;
  });
  return positions;
}
