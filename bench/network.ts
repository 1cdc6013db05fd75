import { availableParallelism } from 'node:os';
import { adjacencyOf, centralityPart } from '../server/modules/network/centrality.ts';
import { NetworkPool } from '../server/modules/network/network.pool.ts';

/**
 * Issue #6's network figure: degree, exact betweenness, closeness, Louvain and cut vertices on
 * 5 000 actors and 30 000 ties, through the app's worker pool (warm: threads started), beside one
 * thread doing only the shortest-path searches. The network is clustered like a city's: most ties
 * inside groups of fifty partners, some across. No database: the figure is the same on both engines.
 */
export type NetworkFigures = {
  actors: number;
  ties: number;
  threads: number;
  poolMs: number[];
  singleThreadMs: number;
};

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function measureNetwork(log: (line: string) => void): Promise<NetworkFigures> {
  const actors = 5000;
  const random = seeded(6);
  const sources: number[] = [];
  const targets: number[] = [];
  while (sources.length < 30_000) {
    const a = Math.floor(random() * actors);
    const b = random() < 0.85 ? Math.floor(a / 50) * 50 + Math.floor(random() * 50) : Math.floor(random() * actors);
    if (a === b) continue;
    sources.push(a);
    targets.push(b);
  }
  const ties = adjacencyOf(actors, sources, targets).targets.length / 2;
  log(`  network metrics: ${actors.toLocaleString('en')} actors, ${ties.toLocaleString('en')} distinct ties…`);
  const pool = new NetworkPool();
  try {
    await pool.metrics(actors, sources, targets); // warm-up: threads start, code compiles
    const poolMs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      await pool.metrics(actors, sources, targets);
      poolMs.push(performance.now() - start);
    }
    const start = performance.now();
    centralityPart(adjacencyOf(actors, sources, targets), 0, actors);
    const singleThreadMs = performance.now() - start;
    return { actors, ties, threads: availableParallelism(), poolMs: poolMs.sort((a, b) => a - b), singleThreadMs };
  } finally {
    await pool.close();
  }
}
