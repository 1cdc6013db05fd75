import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/client.ts';
import { insertRows, type Row, resetSequences } from './bulk-insert.ts';
import {
  type AppliedMigration,
  appliedMigrations,
  quoteIdent,
  readTables,
  runnerOf,
  type TableInfo,
} from './catalog.ts';
import { refreshDerivedData } from './derived.ts';

/**
 * A Relais backup: one gzip-compressed JSON document holding every row of every table of the
 * `public` schema, parents before children. See docs/decisions/0007-backup-format.md.
 */
export const backupFormat = 'relais-backup';
export const backupVersion = 1;

export type BackupDocument = {
  format: typeof backupFormat;
  version: typeof backupVersion;
  createdAt: string;
  migrations: AppliedMigration[];
  tables: Record<string, Row[]>;
};

/** A refusal a person can act on: the message is printed as is, and nothing was changed. */
export class BackupError extends Error {}

const fetchSize = 1000;
const exactAsText = new Set(['bigint', 'numeric']);

/** The select list of one table: bytea as base64, 64-bit integers and decimals as exact text. */
function selectList(table: TableInfo): string {
  return table.columns
    .filter((c) => !c.generated)
    .map((c) => {
      const name = quoteIdent(c.name);
      if (c.type === 'bytea') return `encode(${name}, 'base64') as ${name}`;
      if (exactAsText.has(c.type.replace(/\(.*\)$/, ''))) return `${name}::text as ${name}`;
      return name;
    })
    .join(', ');
}

export type TableCount = { table: string; rows: number };

/**
 * Writes the backup of the whole database to `file`, from one consistent snapshot (a read-only,
 * repeatable-read transaction), streaming a thousand rows at a time through a cursor. The file
 * appears only once complete.
 */
export async function writeBackup(database: DatabaseHandle, file: string): Promise<TableCount[]> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  try {
    await once(out, 'open');
  } catch (error) {
    throw new BackupError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const finished = once(out, 'close');
  finished.catch(() => {});
  const gzip = createGzip();
  gzip.pipe(out);
  const write = async (chunk: string) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  try {
    const counts = await database.db.transaction(
      async (tx) => {
        const run = runnerOf(tx);
        const tables = await readTables(run);
        const migrations = await appliedMigrations(run);
        await write(
          `{"format":${JSON.stringify(backupFormat)},"version":${backupVersion},"createdAt":${JSON.stringify(new Date().toISOString())},` +
            `"migrations":${JSON.stringify(migrations)},"tables":{`,
        );
        const counts: TableCount[] = [];
        for (const [index, table] of tables.entries()) {
          await write(`${index ? ',' : ''}\n${JSON.stringify(table.name)}:[`);
          const order = table.primaryKey.length ? `order by ${table.primaryKey.map(quoteIdent).join(', ')}` : '';
          await run(
            sql.raw(
              `declare relais_backup no scroll cursor for select row_to_json(r)::text as j from (select ${selectList(table)} from ${quoteIdent(table.name)} ${order}) r`,
            ),
          );
          let total = 0;
          for (;;) {
            const rows = await run<{ j: string }>(sql.raw(`fetch forward ${fetchSize} from relais_backup`));
            if (!rows.length) break;
            await write(`${total ? ',' : ''}\n${rows.map((r) => r.j).join(',\n')}`);
            total += rows.length;
          }
          await run(sql.raw('close relais_backup'));
          await write(']');
          counts.push({ table: table.name, rows: total });
        }
        await write('\n}}\n');
        return counts;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await finished;
    await rename(partial, file);
    return counts;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

const documentSchema = z.object({
  format: z.literal(backupFormat),
  version: z.literal(backupVersion),
  createdAt: z.string(),
  migrations: z.array(z.object({ tag: z.string().nullable(), hash: z.string(), createdAt: z.number() })),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

/** Reads and checks a backup file; refuses anything that is not a Relais backup this version reads. */
export async function readBackup(file: string): Promise<BackupDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new BackupError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new BackupError(`${file} is not a Relais backup (not gzip-compressed)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(bytes).toString('utf8'));
  } catch (error) {
    throw new BackupError(`${file} is damaged: ${(error as Error).message}`);
  }
  const head = parsed as { format?: unknown; version?: unknown } | null;
  if (head?.format !== backupFormat)
    throw new BackupError(`${file} is not a Relais backup (format is not "${backupFormat}")`);
  if (head.version !== backupVersion) {
    throw new BackupError(
      `${file} is a Relais backup of version ${String(head.version)}; this Relais reads version ${backupVersion}`,
    );
  }
  const checked = documentSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new BackupError(`${file} is damaged: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return checked.data as BackupDocument;
}

/**
 * Restores a backup into an empty database: migrates it, checks that it is empty and that the
 * backup fits its schema, then inserts every row in one transaction (all or nothing) and moves
 * each sequence past the restored ids. The audit log refuses deletion, so there is no --force:
 * restore into a new database instead.
 */
export async function restoreBackup(database: DatabaseHandle, backup: BackupDocument): Promise<TableCount[]> {
  await database.migrate();
  const run = runnerOf(database.db);
  const applied = new Set((await appliedMigrations(run)).map((m) => m.hash));
  const missing = backup.migrations.filter((m) => !applied.has(m.hash));
  if (missing.length) {
    throw new BackupError(
      `The backup comes from a newer Relais (migration ${missing[0]?.tag ?? missing[0]?.hash} is unknown here): upgrade Relais first`,
    );
  }
  return database.db.transaction(async (tx) => {
    const run = runnerOf(tx);
    const tables = await readTables(run);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const unknown = Object.keys(backup.tables).filter((name) => !byName.has(name));
    if (unknown.length) throw new BackupError(`The backup holds tables this database lacks: ${unknown.join(', ')}`);
    for (const [name, rows] of Object.entries(backup.tables)) {
      const columns = new Set(byName.get(name)!.columns.map((c) => c.name));
      const extra = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((c) => !columns.has(c));
      if (extra.length)
        throw new BackupError(`The backup's table ${name} has columns this database lacks: ${extra.join(', ')}`);
    }
    const filled: string[] = [];
    for (const table of tables) {
      const [row] = await run<{ filled: boolean }>(
        sql.raw(`select exists (select 1 from ${quoteIdent(table.name)}) as filled`),
      );
      if (row?.filled) filled.push(table.name);
    }
    if (filled.length) {
      throw new BackupError(
        `The target database is not empty (rows in ${filled.join(', ')}): restore needs a new, empty database ` +
          '(a new RELAIS_DATA_DIR folder, or a new database in DATABASE_URL)',
      );
    }
    const counts: TableCount[] = [];
    for (const table of tables.filter((t) => !t.derived)) {
      const rows = backup.tables[table.name] ?? [];
      await insertRows(run, table, rows);
      counts.push({ table: table.name, rows: rows.length });
    }
    await resetSequences(run, tables);
    // A file made by the generator carries no search documents: computed now, in the same transaction.
    await refreshDerivedData(tx);
    // The triggers rebuilt the derived counts from the restored rows; the backup's own counts win,
    // since they still hold what a retention purge removed from the sources. An older backup
    // without them keeps the rebuilt ones.
    for (const table of tables.filter((t) => t.derived)) {
      const rows = backup.tables[table.name];
      if (!rows) continue;
      await run(sql.raw(`delete from ${quoteIdent(table.name)}`));
      await insertRows(run, table, rows);
      counts.push({ table: table.name, rows: rows.length });
    }
    return counts;
  });
}
