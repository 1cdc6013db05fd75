import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../server/db/client.ts';
import { seedTaxonomies } from '../../server/modules/taxonomies/taxonomies.service.ts';
import { type BackupDocument, backupFormat, backupVersion } from '../../server/ops/backup.ts';
import { insertRows } from '../../server/ops/bulk-insert.ts';
import { readTables, runnerOf, shippedMigrations } from '../../server/ops/catalog.ts';
import { refreshDerivedData } from '../../server/ops/derived.ts';
import { generateChunks } from './index.ts';
import { seedTag } from './random.ts';
import type { GenerateOptions, TableRows } from './types.ts';

export type Progress = (done: { teams: number; rows: number }) => void;

const countRows = (chunk: TableRows) => Object.values(chunk).reduce((sum, rows) => sum + rows.length, 0);

/**
 * Inserts the data set into a migrated database, a thousand rows per statement, one transaction
 * per chunk of teams. Refuses a database that already holds this seed's data.
 */
export async function writeToDatabase(database: DatabaseHandle, options: GenerateOptions, progress?: Progress) {
  await database.migrate();
  const run = runnerOf(database.db);
  const tables = await readTables(run);
  const [taken] = await run<{ found: boolean }>(
    sql`select exists (select 1 from teams where code like ${`g${seedTag(options.seed)}-%`}) as found`,
  );
  if (taken?.found) {
    throw new Error(
      `this database already holds the data of seed "${options.seed}": use another --seed or an empty database`,
    );
  }
  const done = { teams: 0, rows: 0 };
  for await (const chunk of generateChunks(options)) {
    const unknown = Object.keys(chunk).filter((name) => !tables.some((t) => t.name === name));
    if (unknown.length) throw new Error(`the database has no table ${unknown.join(', ')}`);
    await database.db.transaction(async (tx) => {
      const inTx = runnerOf(tx);
      for (const table of tables) await insertRows(inTx, table, chunk[table.name] ?? []);
    });
    done.teams += chunk.teams?.length ?? 0;
    done.rows += countRows(chunk);
    progress?.(done);
  }
  await seedTaxonomies(database.db);
  await refreshDerivedData(database.db);
  return done;
}

/** The data set as a Relais backup file, to load with `npm run relais -- restore <file>`. */
export async function writeToFile(file: string, options: GenerateOptions, progress?: Progress) {
  const tables: TableRows = {};
  const done = { teams: 0, rows: 0 };
  for await (const chunk of generateChunks(options)) {
    for (const [name, rows] of Object.entries(chunk)) {
      const list = tables[name] ?? [];
      for (const row of rows) list.push(row);
      tables[name] = list;
    }
    done.teams += chunk.teams?.length ?? 0;
    done.rows += countRows(chunk);
    progress?.(done);
  }
  const document: BackupDocument = {
    format: backupFormat,
    version: backupVersion,
    createdAt: new Date().toISOString(),
    migrations: shippedMigrations(),
    tables,
  };
  await writeFile(file, await promisify(gzip)(JSON.stringify(document)));
  return done;
}
