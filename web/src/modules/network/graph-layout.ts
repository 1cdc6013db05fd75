import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/** What the layout needs: nodes in a fixed order (with their community) and ties as index pairs. */
export type LayoutInput = { ids: string[]; communities: number[]; edges: [number, number][] };

/** FNV-1a: a stable number from an id, so the starting point of a node never depends on chance. */
function hash(text: string): number {
  let value = 2166136261;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 16777619);
  }
  return (value >>> 0) / 4294967296;
}

/** Fewer passes on big networks: the picture settles sooner than the eye asks for, and stays bounded. */
export function iterationsFor(nodeCount: number): number {
  if (nodeCount <= 300) return 300;
  if (nodeCount <= 2000) return 150;
  return 60;
}

/**
 * Positions as [x0, y0, x1, y1, …]. Communities start on a circle and their actors around their
 * centre (from a hash of the id), then a fixed number of ForceAtlas2 passes: the same network gives
 * the same picture, and an actor stays in the same place between two dates laid out together.
 */
export function layoutPositions(input: LayoutInput): Float64Array {
  const n = input.ids.length;
  const positions = new Float64Array(n * 2);
  if (n === 0) return positions;
  const communityCount = Math.max(1, ...input.communities.map((c) => c + 1));
  const spread = Math.sqrt(n) * 10;
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  input.ids.forEach((id, i) => {
    const community = input.communities[i] ?? 0;
    const centre = (2 * Math.PI * community) / communityCount;
    const angle = 2 * Math.PI * hash(id);
    const radius = (spread / Math.sqrt(communityCount)) * Math.sqrt(hash(`${id}:r`));
    graph.addNode(String(i), {
      x: Math.cos(centre) * spread + Math.cos(angle) * radius,
      y: Math.sin(centre) * spread + Math.sin(angle) * radius,
    });
  });
  for (const [a, b] of input.edges)
    if (a !== b && !graph.hasEdge(String(a), String(b))) graph.addEdge(String(a), String(b));
  if (graph.size > 0) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, {
      iterations: iterationsFor(n),
      settings: { ...settings, barnesHutOptimize: n > 1000, gravity: 1 },
    });
  }
  graph.forEachNode((key, attributes) => {
    const i = Number(key);
    positions[i * 2] = attributes.x as number;
    positions[i * 2 + 1] = attributes.y as number;
  });
  return positions;
}
