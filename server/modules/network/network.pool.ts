import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { adjacencyOf, cutVertices, normaliseBetweenness } from './centrality.ts';
import type { WorkerAnswer, WorkerTask } from './network.worker.ts';

/** Every metric of the network page, indexed like the nodes given. */
export type NetworkMetrics = {
  degree: Int32Array;
  /** Normalised by the (n − 1)(n − 2) ordered pairs, as networkx and graphology do. */
  betweenness: Float64Array;
  /** Wasserman–Faust closeness: fair to actors outside the main component. */
  closeness: Float64Array;
  community: Int32Array;
  communityCount: number;
  modularity: number;
  /** 1 when the actor's departure would split the network (articulation point). */
  cutVertex: Uint8Array;
};

type Slot = { worker: Worker };
type Pending = { resolve: (answer: WorkerAnswer) => void; reject: (error: Error) => void };
type Task = WorkerTask extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

/**
 * Worker threads that compute network metrics off the server's event loop (decision 0015): the
 * network is shared with every thread once (SharedArrayBuffer), then slices of sources and the
 * community detection go to whichever thread is free. Threads start on first use and stay for the
 * next computation; they do not keep the process alive while idle.
 */
export class NetworkPool {
  private slots: Slot[] = [];
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private nextGraph = 1;
  private inFlight = 0;

  constructor(private readonly size = Math.max(1, availableParallelism())) {}

  private spawn(): Slot {
    // The server runs TypeScript through tsx: the thread's JavaScript entry loads the worker the same way.
    const worker = new Worker(new URL('./network.worker.mjs', import.meta.url));
    worker.unref();
    const slot: Slot = { worker };
    worker.on('message', (answer: WorkerAnswer) => {
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      waiting?.resolve(answer);
    });
    worker.on('error', (error) => this.fail(slot, error));
    worker.on('exit', (code) => {
      if (code !== 0) this.fail(slot, new Error(`network worker stopped (${code})`));
    });
    return slot;
  }

  private fail(slot: Slot, error: Error) {
    this.slots = this.slots.filter((s) => s !== slot);
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      waiting.reject(error);
    }
  }

  private send(slot: Slot, task: Task): Promise<WorkerAnswer> {
    const id = this.nextId++;
    this.inFlight++;
    if (this.inFlight === 1) for (const s of this.slots) s.worker.ref();
    return new Promise<WorkerAnswer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ ...task, id });
    }).finally(() => {
      this.inFlight--;
      if (this.inFlight === 0) for (const s of this.slots) s.worker.unref();
    });
  }

  /** Metrics of the network of `n` actors whose ties join sources[i] and targets[i]. */
  async metrics(n: number, sources: ArrayLike<number>, targets: ArrayLike<number>): Promise<NetworkMetrics> {
    const local = adjacencyOf(n, sources, targets);
    const offsets = new Int32Array(new SharedArrayBuffer(local.offsets.byteLength));
    offsets.set(local.offsets);
    const shared = new Int32Array(new SharedArrayBuffer(Math.max(4, local.targets.byteLength)));
    shared.set(local.targets);
    const graph = { n, offsets, targets: shared.subarray(0, local.targets.length) };
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    const graphId = this.nextGraph++;
    const slots = [...this.slots];
    await Promise.all(
      slots.map((slot) => this.send(slot, { kind: 'network', graphId, n, offsets, targets: graph.targets })),
    );

    // Communities first (one long task), then slices small enough to even out the threads.
    const tasks: Task[] = [{ kind: 'communities', graphId }];
    const slice = Math.max(16, Math.ceil(n / (slots.length * 8)));
    for (let from = 0; from < n; from += slice)
      tasks.push({ kind: 'centrality', graphId, from, to: Math.min(n, from + slice) });
    const summed = new Float64Array(n);
    const closeness = new Float64Array(n);
    let communities: Extract<WorkerAnswer, { kind: 'communities' }> | null = null;
    const run = async (slot: Slot) => {
      for (let task = tasks.shift(); task; task = tasks.shift()) {
        const answer = await this.send(slot, task);
        if (!answer.ok) throw new Error(answer.message);
        if (answer.kind === 'centrality' && task.kind === 'centrality') {
          for (let v = 0; v < n; v++) summed[v]! += answer.betweenness[v]!;
          closeness.set(answer.closeness, task.from);
        } else if (answer.kind === 'communities') communities = answer;
      }
    };
    try {
      await Promise.all(slots.map(run));
    } finally {
      await Promise.all(slots.map((slot) => this.send(slot, { kind: 'forget', graphId }).catch(() => undefined)));
    }
    const found = communities as Extract<WorkerAnswer, { kind: 'communities' }> | null;
    const degree = new Int32Array(n);
    for (let v = 0; v < n; v++) degree[v] = local.offsets[v + 1]! - local.offsets[v]!;
    return {
      degree,
      betweenness: normaliseBetweenness(summed),
      closeness,
      community: found?.community ?? new Int32Array(n),
      communityCount: found?.count ?? 0,
      modularity: found?.modularity ?? 0,
      cutVertex: cutVertices(local),
    };
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
