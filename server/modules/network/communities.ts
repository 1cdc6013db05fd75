import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Adjacency } from './centrality.ts';

/** A small seeded generator: the same network gives the same communities on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Louvain communities (graphology's implementation, seeded): groups of actors more tied to each
 * other than to the rest. Isolated actors each form their own community.
 */
export function communitiesOf(graph: Adjacency): { community: Int32Array; modularity: number; count: number } {
  const network = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let v = 0; v < graph.n; v++) network.addNode(v);
  for (let v = 0; v < graph.n; v++)
    for (let i = graph.offsets[v]!; i < graph.offsets[v + 1]!; i++) {
      const w = graph.targets[i]!;
      if (v < w) network.addEdge(v, w);
    }
  const detailed = louvain.detailed(network, { rng: seeded(20_260_525) });
  const community = new Int32Array(graph.n);
  for (let v = 0; v < graph.n; v++) community[v] = detailed.communities[String(v)] ?? -1;
  // A network without ties has no modularity to speak of (graphology gives NaN): say 0.
  const modularity = Number.isFinite(detailed.modularity) ? detailed.modularity : 0;
  return { community, modularity, count: detailed.count };
}
