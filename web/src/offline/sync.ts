import type { SyncResult } from '../../../core/contracts/sync.ts';
import { api } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { inFlight, listOperations, markResults, type OutboxError, onOutboxChange } from './outbox.ts';
import { countOutbox } from './store.ts';

/**
 * The sync loop: sends the outbox to `POST /api/sync` in order, in batches, when the app starts,
 * when the network comes back, every half minute, after each new operation, and on "sync now".
 * Its state (online, waiting, refused, conflicts, problem) is what the header shows.
 */
type SyncProblem = 'network' | 'signedOut' | 'server' | null;
export type SyncState = {
  online: boolean;
  syncing: boolean;
  pending: number;
  invalid: number;
  conflict: number;
  lastSyncedAt: string | null;
  problem: SyncProblem;
};

const batchSize = 100;
const periodMs = 30_000;

let state: SyncState = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  syncing: false,
  pending: 0,
  invalid: 0,
  conflict: 0,
  lastSyncedAt: null,
  problem: null,
};
const stateListeners = new Set<() => void>();
const appliedListeners = new Set<() => void>();

function setState(changes: Partial<SyncState>): void {
  state = { ...state, ...changes };
  for (const listener of stateListeners) listener();
}

export const syncStore = {
  subscribe(listener: () => void): () => void {
    stateListeners.add(listener);
    return () => stateListeners.delete(listener);
  },
  get: (): SyncState => state,
};

/** Pages that show server data refetch once something of theirs reached the server. */
export function onApplied(listener: () => void): () => void {
  appliedListeners.add(listener);
  return () => appliedListeners.delete(listener);
}

async function refreshCounts(): Promise<void> {
  const counts = await countOutbox().catch(() => ({ pending: 0, invalid: 0, conflict: 0 }));
  setState(counts);
}

function errorOf(result: SyncResult): OutboxError {
  return {
    code: result.error?.code ?? 'invalid',
    message: result.error?.message ?? {
      fr: 'Opération refusée par le serveur.',
      en: 'Operation refused by the server.',
    },
    fields: result.errors ?? [],
  };
}

let running: Promise<void> | null = null;
let again = false;

/** Sends everything waiting; a second call while one runs makes it go round once more. */
export function syncNow(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await sendWaiting();
    } while (again);
  })().finally(() => {
    running = null;
    void refreshCounts();
  });
  return running;
}

async function sendWaiting(): Promise<void> {
  // No network at all: nothing to try until the browser says it is back (the `online` event).
  if (!navigator.onLine) {
    setState({ online: false, problem: 'network' });
    return;
  }
  const waiting = (await listOperations()).filter((row) => row.status === 'pending');
  if (waiting.length === 0) {
    setState({ problem: state.problem === 'network' && navigator.onLine ? null : state.problem });
    return;
  }
  setState({ syncing: true });
  let anyApplied = false;
  try {
    for (let start = 0; start < waiting.length; start += batchSize) {
      const batch = waiting.slice(start, start + batchSize);
      for (const row of batch) inFlight.add(row.id);
      try {
        const answer = await api.post<{ results: SyncResult[] }>('/sync', {
          items: batch.map((row) => row.value.item),
        });
        const done: string[] = [];
        const kept: Parameters<typeof markResults>[1] = [];
        for (const result of answer.results) {
          const row = batch[result.index];
          if (!row) continue;
          if (result.status === 'applied' || result.status === 'duplicate') {
            done.push(row.id);
            anyApplied = true;
          } else if (result.status === 'invalid') kept.push({ id: row.id, status: 'invalid', error: errorOf(result) });
          else kept.push({ id: row.id, status: 'conflict', current: result.current ?? null });
        }
        await markResults(done, kept);
      } finally {
        for (const row of batch) inFlight.delete(row.id);
      }
    }
    setState({ problem: null, lastSyncedAt: new Date().toISOString(), online: true });
  } catch (error) {
    const problem: SyncProblem =
      error instanceof ApiError && error.status === 0
        ? 'network'
        : error instanceof ApiError && error.status === 401
          ? 'signedOut'
          : 'server';
    setState({ problem });
  } finally {
    setState({ syncing: false });
    if (anyApplied) for (const listener of appliedListeners) listener();
  }
}

/** Starts the loop for the signed-in user; the answer stops it (sign-out). */
export function startSync(): () => void {
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void syncNow(), 200);
  };
  const online = () => {
    setState({ online: true });
    void syncNow();
  };
  const offline = () => setState({ online: false, problem: 'network' });
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  const stopWatching = onOutboxChange(() => {
    void refreshCounts();
    soon();
  });
  const timer = setInterval(() => void syncNow(), periodMs);
  setState({ online: navigator.onLine });
  void refreshCounts().then(() => syncNow());
  return () => {
    clearTimeout(debounce);
    clearInterval(timer);
    stopWatching();
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
}
