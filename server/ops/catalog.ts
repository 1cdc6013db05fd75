import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type DatabaseHandle, migrationsFolder, type Tx } from '../db/client.ts';

/**
 * What backup, restore and the generator learn from PostgreSQL's own catalog, so that a table a
 * later issue adds is carried without touching this code.
 */
type ColumnInfo = {
  name: string;
  type: string;
  /** `generated always as identity`: inserting a value needs OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
  /** A stored generated column: never inserted, PostgreSQL computes it. */
  generated: boolean;
  /** The sequence behind an identity or serial column, reset after a restore. */
  sequence: string | null;
};

export type TableInfo = {
  name: string;
  /**
   * Kept by triggers from other tables (decisions 0018, 0032). Backed up, and restored as they were
   * after their sources: after a retention purge they hold counts the sources no longer can give.
   */
  derived: boolean;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Tables this one references (other than itself). */
  dependsOn: string[];
};

/** Drizzle keeps its bookkeeping in the `drizzle` schema; this guards a custom setup in `public`. */
const bookkeeping = /^__drizzle_migrations$/;
/** Tables that triggers keep from others (decisions 0018, 0032): restored after their sources. */
const derivedTables = /^(coverage_counts|report_encounter_counts|report_person_periods|report_people_counts)$/;

export type Runner = <T>(query: SQL) => Promise<T[]>;

/** Rows of a statement run through Drizzle, on either engine (their result shapes differ a little). */
export function runnerOf(db: DatabaseHandle['db'] | Tx): Runner {
  return async <T>(query: SQL) => {
    const result = (await db.execute(query)) as unknown as { rows: T[] };
    return result.rows;
  };
}

export async function readTables(run: Runner): Promise<TableInfo[]> {
  const columns = await run<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_identity: boolean;
    identity_always: boolean;
    generated: boolean;
    sequence: string | null;
  }>(sql`
    select c.relname as table_name, a.attname as column_name,
           format_type(a.atttypid, a.atttypmod) as data_type,
           a.attidentity <> '' as is_identity, a.attidentity = 'a' as identity_always,
           a.attgenerated <> '' as generated,
           pg_get_serial_sequence('public.' || quote_ident(c.relname), a.attname) as sequence
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where n.nspname = 'public' and c.relkind in ('r', 'p')
     order by c.relname, a.attnum`);
  const keys = await run<{ table_name: string; column_name: string }>(sql`
    select c.relname as table_name, a.attname as column_name
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      join lateral unnest(i.indkey) with ordinality as k(attnum, position) on true
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
     where n.nspname = 'public' and i.indisprimary
     order by c.relname, k.position`);
  const references = await run<{ table_name: string; referenced: string }>(sql`
    select distinct c.relname as table_name, r.relname as referenced
      from pg_constraint f
      join pg_class c on c.oid = f.conrelid
      join pg_class r on r.oid = f.confrelid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and f.contype = 'f' and c.oid <> r.oid`);

  const tables = new Map<string, TableInfo>();
  for (const row of columns) {
    if (bookkeeping.test(row.table_name)) continue;
    let table = tables.get(row.table_name);
    if (!table) {
      table = {
        name: row.table_name,
        derived: derivedTables.test(row.table_name),
        columns: [],
        primaryKey: [],
        dependsOn: [],
      };
      tables.set(row.table_name, table);
    }
    table.columns.push({
      name: row.column_name,
      type: row.data_type,
      identityAlways: row.identity_always,
      generated: row.generated,
      sequence: row.sequence,
    });
  }
  for (const key of keys) tables.get(key.table_name)?.primaryKey.push(key.column_name);
  for (const ref of references) tables.get(ref.table_name)?.dependsOn.push(ref.referenced);
  // Derived tables come last: their rows are loaded once their sources' triggers have run.
  const all = [...tables.values()];
  return [...dependencyOrder(all.filter((t) => !t.derived)), ...dependencyOrder(all.filter((t) => t.derived))];
}

/**
 * Parents before children (Kahn's algorithm, ties broken by name so the order is stable). Tables
 * caught in a cycle of foreign keys come last, in name order: none exist today, and restoring them
 * would need deferrable constraints.
 */
function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const remaining = new Map(tables.map((t) => [t.name, new Set(t.dependsOn.filter((d) => byName.has(d)))]));
  const ordered: TableInfo[] = [];
  while (remaining.size) {
    const ready = [...remaining].filter(([, deps]) => deps.size === 0).map(([name]) => name);
    const next = ready.length ? ready.sort() : [...remaining.keys()].sort();
    for (const name of next) {
      remaining.delete(name);
      for (const deps of remaining.values()) deps.delete(name);
      ordered.push(byName.get(name)!);
    }
  }
  return ordered;
}

export type AppliedMigration = { tag: string | null; hash: string; createdAt: number };

/** The migrations this version of Relais ships, with their names from drizzle's journal. */
export function shippedMigrations(): AppliedMigration[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const tags = new Map(journal.entries.map((e) => [e.when, e.tag]));
  return readMigrationFiles({ migrationsFolder }).map((m) => ({
    tag: tags.get(m.folderMillis) ?? null,
    hash: m.hash,
    createdAt: m.folderMillis,
  }));
}

/** The migrations applied to this database, oldest first. */
export async function appliedMigrations(run: Runner): Promise<AppliedMigration[]> {
  const [exists] = await run<{ present: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return [];
  const rows = await run<{ hash: string; created_at: string | number }>(
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  const tags = new Map(shippedMigrations().map((m) => [m.hash, m.tag]));
  return rows.map((row) => ({ tag: tags.get(row.hash) ?? null, hash: row.hash, createdAt: Number(row.created_at) }));
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
