import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query surface as the database. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseHandle = {
  kind: 'pglite' | 'postgres';
  db: Database;
  /** The embedded engine itself, when there is one: tests snapshot it to clone databases fast. */
  pglite?: PGlite;
  /** Rows of one raw SQL statement, for backups, benchmarks and health checks. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(import.meta.dirname, 'migrations');

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; loadDataDir?: Blob | File }
  | { kind: 'postgres'; url: string; poolSize?: number };

/**
 * Set on every connection. Person search (people.repo.ts) matches by trigram word similarity: the
 * default threshold 0.6 misses one typo in a short name ("Matheiu" → "Mathieu" scores 0.5) and 0.4
 * lets "paul" match "parc". Set once per connection, not per query, to spare each search a
 * transaction and three round trips.
 */
const sessionSettings = { 'pg_trgm.word_similarity_threshold': '0.45' };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') return openPostgres(target.url, target.poolSize ?? 10);
  if (target.kind === 'pglite') mkdirSync(target.dataDir, { recursive: true });
  // Person search needs trigrams and accent folding (migration 0002); PGlite loads them as modules.
  const extensions = { pg_trgm, unaccent };
  const client =
    target.kind === 'pglite'
      ? new PGlite(target.dataDir, { extensions })
      : new PGlite({ loadDataDir: target.loadDataDir, extensions });
  await client.waitReady;
  for (const [name, value] of Object.entries(sessionSettings)) {
    await client.query('select set_config($1, $2, false)', [name, value]);
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async query(text, params) {
      const result = await client.query(text, params);
      return result.rows as never[];
    },
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const options = Object.entries(sessionSettings)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options });
  // An idle connection that drops (server restart, network) is reported here; without a listener
  // node-postgres would crash the process. The pool opens a new connection at the next query.
  pool.on('error', (error) => {
    if ((error as { code?: string }).code !== '57P01') console.warn(`PostgreSQL connection lost: ${error.message}`);
  });
  // Fail now, with the server's own words, rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePostgres(pool, { schema }) as unknown as Database;
  return {
    kind: 'postgres',
    db,
    async query(text, params) {
      const result = await pool.query(text, params as unknown[]);
      return result.rows;
    },
    migrate: () => migratePostgres(db as never, { migrationsFolder }),
    close: () => pool.end(),
  };
}

export async function databaseIsReachable(handle: DatabaseHandle): Promise<boolean> {
  try {
    await handle.db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
