import { afterAll, describe, expect, it } from 'vitest';
import { adjacencyOf, centralityPart, cutVertices, normaliseBetweenness } from './centrality.ts';
import { NetworkPool } from './network.pool.ts';

const pool = new NetworkPool(2);
afterAll(() => pool.close());

/** Two triangles joined by one broker, and an actor with no tie. */
const sources = [0, 1, 2, 3, 4, 5, 2];
const targets = [1, 2, 0, 4, 5, 3, 6];
const brokerTies = { sources: [...sources, 6], targets: [...targets, 3] };

describe('network pool', () => {
  it('gives the same figures as one thread, with communities and the actors that hold the network together', async () => {
    const n = 8;
    const metrics = await pool.metrics(n, brokerTies.sources, brokerTies.targets);
    const graph = adjacencyOf(n, brokerTies.sources, brokerTies.targets);
    const alone = centralityPart(graph, 0, n);
    expect([...metrics.betweenness]).toEqual([...normaliseBetweenness(alone.betweenness)]);
    expect([...metrics.closeness]).toEqual([...alone.closeness]);
    expect([...metrics.degree]).toEqual([2, 2, 3, 3, 2, 2, 2, 0]);
    expect([...metrics.cutVertex]).toEqual([...cutVertices(graph)]);
    // The broker (6) and the two actors it ties are the cut vertices; the broker is the most between.
    expect([...metrics.cutVertex]).toEqual([0, 0, 1, 1, 0, 0, 1, 0]);
    expect(Math.max(...metrics.betweenness)).toBe(metrics.betweenness[6]);
    // Two triangles are two communities; the lone actor is its own.
    expect(metrics.community[0]).toBe(metrics.community[1]);
    expect(metrics.community[3]).toBe(metrics.community[4]);
    expect(metrics.community[0]).not.toBe(metrics.community[3]);
    expect(metrics.closeness[7]).toBe(0);
  });

  it('computes two networks one after the other with the same threads, and an empty one', async () => {
    const first = await pool.metrics(3, [0, 1], [1, 2]);
    const second = await pool.metrics(3, [0], [1]);
    expect([...first.degree]).toEqual([1, 2, 1]);
    expect([...second.degree]).toEqual([1, 1, 0]);
    const empty = await pool.metrics(0, [], []);
    expect(empty.degree.length).toBe(0);
  });
});
