import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import closenessCentrality from 'graphology-metrics/centrality/closeness.js';
import { describe, expect, it } from 'vitest';
import { adjacencyOf, centralityPart, cutVertices, normaliseBetweenness } from './centrality.ts';

/** A reproducible random network: a few dense clusters, sparse links between them, a few loners. */
function randomNetwork(n: number, ties: number, seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const sources: number[] = [];
  const targets: number[] = [];
  for (let k = 0; k < ties; k++) {
    const a = Math.floor(random() * (n - 3));
    const near = random() < 0.8;
    const b = near ? Math.min(n - 4, a + 1 + Math.floor(random() * 4)) : Math.floor(random() * (n - 3));
    sources.push(a);
    targets.push(b);
  }
  // A repeated tie and a self-loop: each must count once / not at all.
  sources.push(sources[0]!, 5);
  targets.push(targets[0]!, 5);
  return { sources, targets };
}

/** Ties between any two actors: few levels, so the searches turn bottom-up for the last ones. */
function denseNetwork(n: number, ties: number, seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const sources: number[] = [];
  const targets: number[] = [];
  for (let k = 0; k < ties; k++) {
    sources.push(Math.floor(random() * n));
    targets.push(Math.floor(random() * n));
  }
  return { sources, targets };
}

function referenceOf(n: number, sources: number[], targets: number[]) {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let v = 0; v < n; v++) graph.addNode(String(v));
  sources.forEach((a, i) => {
    const b = targets[i]!;
    if (a !== b) graph.mergeEdge(String(a), String(b));
  });
  return {
    betweenness: betweennessCentrality(graph, { normalized: true }) as Record<string, number>,
    closeness: closenessCentrality(graph, { wassermanFaust: true }) as Record<string, number>,
    graph,
  };
}

/** Cut vertices by definition: removing the node leaves more connected pieces than before. */
function piecesWithout(graph: Graph, removed: string | null): number {
  const seen = new Set<string>(removed ? [removed] : []);
  let pieces = 0;
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    pieces++;
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const v = stack.pop()!;
      graph.forEachNeighbor(v, (w) => {
        if (!seen.has(w)) {
          seen.add(w);
          stack.push(w);
        }
      });
    }
  });
  return pieces;
}

describe('network centralities', () => {
  for (const [n, ties, seed] of [
    [12, 14, 1],
    [40, 70, 2],
    [80, 120, 3],
    [60, 40, 4],
    [150, 900, 8],
    [300, 1500, 9],
  ] as const) {
    it(`equal graphology's betweenness and closeness on a ${n}-actor network (seed ${seed})`, () => {
      const { sources, targets } = ties > 3 * n ? denseNetwork(n, ties, seed) : randomNetwork(n, ties, seed);
      const graph = adjacencyOf(n, sources, targets);
      // Two parts, as two workers would compute them.
      const half = Math.floor(n / 2);
      const first = centralityPart(graph, 0, half);
      const second = centralityPart(graph, half, n);
      const summed = first.betweenness.map((value, v) => value + second.betweenness[v]!);
      const betweenness = normaliseBetweenness(summed);
      const closeness = [...first.closeness, ...second.closeness];
      const reference = referenceOf(n, sources, targets);
      for (let v = 0; v < n; v++) {
        expect(betweenness[v]).toBeCloseTo(reference.betweenness[String(v)]!, 10);
        expect(closeness[v]).toBeCloseTo(reference.closeness[String(v)]!, 10);
      }
    });
  }

  it('finds exactly the actors whose departure splits the network', () => {
    for (const seed of [5, 6, 7]) {
      const n = 50;
      const { sources, targets } = randomNetwork(n, 45, seed);
      const cut = cutVertices(adjacencyOf(n, sources, targets));
      const { graph } = referenceOf(n, sources, targets);
      const before = piecesWithout(graph, null);
      for (let v = 0; v < n; v++) {
        // Removing a node also removes its own piece when it stood alone.
        const alone = graph.degree(String(v)) === 0 ? 1 : 0;
        expect(cut[v] === 1, `actor ${v}`).toBe(piecesWithout(graph, String(v)) > before - alone);
      }
    }
  });

  it('counts a repeated tie once and ignores a tie of an actor with itself', () => {
    const graph = adjacencyOf(3, [0, 1, 0, 2], [1, 0, 0, 1]);
    expect([...graph.offsets]).toEqual([0, 1, 3, 4]);
    expect([...graph.targets]).toEqual([1, 0, 2, 1]);
  });
});

describe('the WebAssembly kernel', () => {
  it('is the binary its source assembles to', async () => {
    const { assembleBrandes, moduleText } = await import('../../../scripts/build-wasm.ts');
    const { readFileSync } = await import('node:fs');
    const committed = readFileSync(new URL('./brandes.wasm.ts', import.meta.url), 'utf8');
    expect(committed).toBe(moduleText(await assembleBrandes()));
  });

  it('answers the same for any slice of sources, and twice in a row', () => {
    const { sources, targets } = denseNetwork(120, 600, 11);
    const graph = adjacencyOf(120, sources, targets);
    const whole = centralityPart(graph, 0, 120);
    const again = centralityPart(graph, 0, 120);
    const first = centralityPart(graph, 0, 37);
    const rest = centralityPart(graph, 37, 120);
    expect([...again.betweenness]).toEqual([...whole.betweenness]);
    for (let v = 0; v < 120; v++)
      expect(first.betweenness[v]! + rest.betweenness[v]!).toBeCloseTo(whole.betweenness[v]!, 9);
    expect([...first.closeness, ...rest.closeness]).toEqual([...whole.closeness]);
    expect(centralityPart(graph, 5, 5).closeness).toHaveLength(0);
  });
});
