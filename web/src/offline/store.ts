import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb';
import { createKey, open, type Sealed, seal } from './crypto.ts';

/**
 * The device's own store (IndexedDB): the encryption key, the outbox of operations waiting for the
 * server, and a cache of what the worker reads offline. Only ids, the outbox status and the owner's
 * user id are in clear; every payload is sealed with the key (decision 0011).
 */
export type OutboxStatus = 'pending' | 'invalid' | 'conflict';

interface OfflineSchema extends DBSchema {
  keys: { key: 'current'; value: { userId: string; key: CryptoKey; createdAt: string } };
  outbox: { key: string; value: { id: string; status: OutboxStatus; payload: Sealed }; indexes: { status: string } };
  cache: { key: string; value: { name: string; payload: Sealed } };
}

const databaseName = 'relais-offline';
let connection: Promise<IDBPDatabase<OfflineSchema>> | null = null;
let currentKey: { userId: string; key: CryptoKey } | null = null;
/** Set by a sign-out: nothing may open (and so re-create) the database until someone signs in. */
let wiped = false;

function database(): Promise<IDBPDatabase<OfflineSchema>> {
  connection ??= openDB<OfflineSchema>(databaseName, 1, {
    upgrade(db) {
      db.createObjectStore('keys');
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('status', 'status');
      db.createObjectStore('cache', { keyPath: 'name' });
    },
    // Another tab wiping the store (sign-out): let it, and reopen on next use.
    blocking() {
      void connection?.then((db) => db.close());
      connection = null;
      currentKey = null;
    },
  });
  return connection;
}

/** The key of whoever owns the store, or null (nobody signed in on this device yet, or wiped). */
async function storedKey(): Promise<{ userId: string; key: CryptoKey } | null> {
  if (currentKey) return currentKey;
  if (wiped) return null;
  const row = await (await database()).get('keys', 'current');
  currentKey = row ? { userId: row.userId, key: row.key } : null;
  return currentKey;
}

/** The user the store belongs to, if any: what a reload without network shows. */
export async function storeOwner(): Promise<string | null> {
  return (await storedKey())?.userId ?? null;
}

/**
 * Makes sure the store is this user's: keeps it when it already is (their waiting operations with
 * it), wipes it and makes a new key when it belonged to someone else.
 */
let claiming: Promise<void> = Promise.resolve();
export function claimStore(userId: string): Promise<void> {
  // One at a time: two claims racing would each make a key, and the first one's data be lost.
  claiming = claiming.catch(() => undefined).then(() => claimStoreNow(userId));
  return claiming;
}

async function claimStoreNow(userId: string): Promise<void> {
  wiped = false;
  const existing = await storedKey();
  if (existing?.userId === userId) return;
  if (existing) {
    await wipeStore();
    wiped = false;
  }
  const key = await createKey();
  await (await database()).put('keys', { userId, key, createdAt: new Date().toISOString() }, 'current');
  currentKey = { userId, key };
}

async function requireKey(): Promise<CryptoKey> {
  const stored = await storedKey();
  if (!stored) throw new Error('The offline store has no key: nobody is signed in on this device.');
  return stored.key;
}

/** Deletes the whole database, key included: nothing written before can be read again. */
export async function wipeStore(): Promise<void> {
  wiped = true;
  const db = await connection?.catch(() => null);
  db?.close();
  connection = null;
  currentKey = null;
  await deleteDB(databaseName);
}

// ---- cache ----

export async function readCache<T>(name: string): Promise<T | undefined> {
  const stored = await storedKey();
  if (!stored) return undefined;
  const row = await (await database()).get('cache', name);
  if (!row) return undefined;
  try {
    return await open<T>(stored.key, `cache:${name}`, row.payload);
  } catch {
    return undefined;
  }
}

export async function writeCache(name: string, value: unknown): Promise<void> {
  const key = await requireKey();
  const payload = await seal(key, `cache:${name}`, value);
  await (await database()).put('cache', { name, payload });
}

// ---- outbox ----

export type OutboxRow<T> = { id: string; status: OutboxStatus; value: T };

export async function putOutbox<T>(id: string, status: OutboxStatus, value: T): Promise<void> {
  const key = await requireKey();
  const payload = await seal(key, `outbox:${id}`, value);
  await (await database()).put('outbox', { id, status, payload });
}

export async function getOutbox<T>(id: string): Promise<OutboxRow<T> | undefined> {
  const key = await requireKey();
  const row = await (await database()).get('outbox', id);
  return row ? { id, status: row.status, value: await open<T>(key, `outbox:${id}`, row.payload) } : undefined;
}

/** Every operation in creation order (UUIDv7 ids sort by time). */
export async function listOutbox<T>(): Promise<OutboxRow<T>[]> {
  const stored = await storedKey();
  if (!stored) return [];
  const rows = await (await database()).getAll('outbox');
  const opened: OutboxRow<T>[] = [];
  for (const row of rows) {
    try {
      opened.push({
        id: row.id,
        status: row.status,
        value: await open<T>(stored.key, `outbox:${row.id}`, row.payload),
      });
    } catch {
      // A row sealed with a lost key cannot be read; it is left alone, never sent.
    }
  }
  return opened.sort((a, b) => (a.id < b.id ? -1 : 1));
}

export async function countOutbox(): Promise<Record<OutboxStatus, number>> {
  if (!(await storedKey())) return { pending: 0, invalid: 0, conflict: 0 };
  const db = await database();
  const [pending, invalid, conflict] = await Promise.all(
    (['pending', 'invalid', 'conflict'] as const).map((status) => db.countFromIndex('outbox', 'status', status)),
  );
  return { pending: pending ?? 0, invalid: invalid ?? 0, conflict: conflict ?? 0 };
}

export async function deleteOutbox(ids: string[]): Promise<void> {
  if (!(await storedKey())) return;
  const tx = (await database()).transaction('outbox', 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}
