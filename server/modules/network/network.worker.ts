import { parentPort } from 'node:worker_threads';
import { type Adjacency, centralityPart } from './centrality.ts';
import { communitiesOf } from './communities.ts';

/**
 * One thread of the network pool (network.pool.ts): receives a network once (shared memory), then
 * computes slices of sources' centralities or the communities, off the server's event loop.
 */
export type WorkerTask =
  | { id: number; kind: 'network'; graphId: number; n: number; offsets: Int32Array; targets: Int32Array }
  | { id: number; kind: 'centrality'; graphId: number; from: number; to: number }
  | { id: number; kind: 'communities'; graphId: number }
  | { id: number; kind: 'forget'; graphId: number };

export type WorkerAnswer =
  | { id: number; ok: true; kind: 'centrality'; betweenness: Float64Array; closeness: Float64Array }
  | { id: number; ok: true; kind: 'communities'; community: Int32Array; modularity: number; count: number }
  | { id: number; ok: true; kind: 'done' }
  | { id: number; ok: false; message: string };

const networks = new Map<number, Adjacency>();

function answer(task: WorkerTask): WorkerAnswer {
  if (task.kind === 'network') {
    networks.set(task.graphId, { n: task.n, offsets: task.offsets, targets: task.targets });
    return { id: task.id, ok: true, kind: 'done' };
  }
  if (task.kind === 'forget') {
    networks.delete(task.graphId);
    return { id: task.id, ok: true, kind: 'done' };
  }
  const graph = networks.get(task.graphId);
  if (!graph) return { id: task.id, ok: false, message: `unknown network ${task.graphId}` };
  if (task.kind === 'centrality') {
    const part = centralityPart(graph, task.from, task.to);
    return { id: task.id, ok: true, kind: 'centrality', ...part };
  }
  return { id: task.id, ok: true, kind: 'communities', ...communitiesOf(graph) };
}

parentPort?.on('message', (task: WorkerTask) => {
  try {
    const result = answer(task);
    const transfer =
      result.ok && result.kind === 'centrality'
        ? [result.betweenness.buffer as ArrayBuffer, result.closeness.buffer as ArrayBuffer]
        : result.ok && result.kind === 'communities'
          ? [result.community.buffer as ArrayBuffer]
          : [];
    parentPort?.postMessage(result, transfer);
  } catch (error) {
    parentPort?.postMessage({ id: task.id, ok: false, message: (error as Error).message });
  }
});
