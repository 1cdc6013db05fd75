import type { SyncKind } from '../../../core/contracts/sync.ts';
import type { LocalizedText } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import { deleteOutbox, getOutbox, listOutbox, type OutboxRow, type OutboxStatus, putOutbox } from './store.ts';

/**
 * The outbox: every field write is an operation with its own UUIDv7 id, kept (encrypted) until the
 * server says `applied` or `duplicate`. An `invalid` one stays with its error until the worker
 * corrects, retries or discards it; a `conflict` stays until the worker chooses. Never dropped.
 */
export type OutboxError = { code: string; message: LocalizedText; fields: { path: string; message: LocalizedText }[] };

export type OutboxEntry = {
  item: {
    id: string;
    kind: SyncKind;
    entityId: string;
    baseVersion?: number;
    payload: Record<string, unknown>;
  };
  createdAt: string;
  error?: OutboxError;
  /** The record as the server had it when this operation was refused for a stale version. */
  current?: unknown;
};

export type OutboxOperation = OutboxRow<OutboxEntry>;

const changeListeners = new Set<() => void>();
/** Called after every change of the outbox: the sync state and the pages that show it follow. */
export function onOutboxChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}
function outboxChanged(): void {
  for (const listener of changeListeners) listener();
}

/** Operations being sent right now: never changed in place while on the wire. */
export const inFlight = new Set<string>();

export async function enqueue(
  kind: SyncKind,
  entityId: string,
  payload: Record<string, unknown>,
  baseVersion?: number,
): Promise<string> {
  const id = uuidv7();
  const item: OutboxEntry['item'] = { id, kind, entityId, payload };
  if (baseVersion !== undefined) item.baseVersion = baseVersion;
  await putOutbox<OutboxEntry>(id, 'pending', { item, createdAt: new Date().toISOString() });
  outboxChanged();
  return id;
}

/**
 * A +1 on a tally joins the increment still waiting for the same counter, so a hundred taps make
 * one operation, not a hundred. An increment already on the wire is never touched.
 */
export async function enqueueTally(sessionId: string, kind: string, delta: number): Promise<void> {
  const waiting = (await listOutbox<OutboxEntry>()).find(
    (row) =>
      row.status === 'pending' &&
      !inFlight.has(row.id) &&
      row.value.item.kind === 'session.tally' &&
      row.value.item.entityId === sessionId &&
      row.value.item.payload.kind === kind,
  );
  const current = Number(waiting?.value.item.payload.delta ?? 0);
  if (waiting && Math.abs(current + delta) <= 100 && current + delta !== 0) {
    waiting.value.item.payload.delta = current + delta;
    await putOutbox(waiting.id, 'pending', waiting.value);
    outboxChanged();
    return;
  }
  if (waiting && current + delta === 0) {
    await deleteOutbox([waiting.id]);
    outboxChanged();
    return;
  }
  await enqueue('session.tally', sessionId, { kind, delta });
}

/**
 * Changes the payload of a creation that has not left yet (a place chosen after starting a
 * session offline). Answers false when it already left: the caller then sends an update.
 */
export async function amendPending(
  entityId: string,
  kind: SyncKind,
  changes: Record<string, unknown>,
): Promise<boolean> {
  const row = (await listOutbox<OutboxEntry>()).find(
    (candidate) =>
      candidate.value.item.entityId === entityId && candidate.value.item.kind === kind && !inFlight.has(candidate.id),
  );
  if (!row || row.status === 'conflict') return false;
  Object.assign(row.value.item.payload, changes);
  await putOutbox(row.id, row.status, row.value);
  outboxChanged();
  return true;
}

export function listOperations(): Promise<OutboxOperation[]> {
  return listOutbox<OutboxEntry>();
}

/** The worker corrected a refused operation (or wants it tried again as it is): send it again. */
export async function retryOperation(id: string, payloadChanges: Record<string, unknown> = {}): Promise<void> {
  const row = await getOutbox<OutboxEntry>(id);
  if (!row) return;
  Object.assign(row.value.item.payload, payloadChanges);
  delete row.value.error;
  await putOutbox(id, 'pending', row.value);
  outboxChanged();
}

/** Conflict, "keep mine": the same change, now based on the version the server has. */
export async function keepMine(id: string, currentVersion: number): Promise<void> {
  const row = await getOutbox<OutboxEntry>(id);
  if (!row) return;
  row.value.item.baseVersion = currentVersion;
  delete row.value.current;
  await putOutbox(id, 'pending', row.value);
  outboxChanged();
}

/** Conflict "take theirs", or a refused operation the worker gives up: removed, on purpose only. */
export async function discardOperation(id: string): Promise<void> {
  await deleteOutbox([id]);
  outboxChanged();
}

export async function markResults(
  done: string[],
  kept: { id: string; status: Exclude<OutboxStatus, 'pending'>; error?: OutboxError; current?: unknown }[],
): Promise<void> {
  if (done.length) await deleteOutbox(done);
  for (const result of kept) {
    const row = await getOutbox<OutboxEntry>(result.id);
    if (!row) continue;
    if (result.error) row.value.error = result.error;
    if (result.current !== undefined) row.value.current = result.current;
    await putOutbox(result.id, result.status, row.value);
  }
  outboxChanged();
}
