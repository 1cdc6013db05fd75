import { sql } from 'drizzle-orm';
import { quoteIdent, type Runner, type TableInfo } from './catalog.ts';

export type Row = Record<string, unknown>;

const insertBatchSize = 1000;

/**
 * Inserts rows given as JSON objects, a thousand per statement: PostgreSQL itself turns each JSON
 * value into the column's type (json_populate_recordset), so timestamps, jsonb, uuids and numbers
 * kept as text come back exactly. Columns missing from the rows take their default.
 */
export async function insertRows(run: Runner, table: TableInfo, rows: Row[], batchSize = insertBatchSize) {
  if (!rows.length) return;
  const present = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) present.add(key);
  const columns = table.columns.filter((c) => present.has(c.name) && !c.generated);
  const known = new Set(table.columns.map((c) => c.name));
  const unknown = [...present].filter((name) => !known.has(name));
  if (unknown.length) throw new Error(`table ${table.name} has no column ${unknown.join(', ')}`);

  const list = columns.map((c) => quoteIdent(c.name)).join(', ');
  const overriding = columns.some((c) => c.identityAlways) ? 'overriding system value' : '';
  const binary = columns.filter((c) => c.type === 'bytea').map((c) => c.name);
  const name = quoteIdent(table.name);
  for (let start = 0; start < rows.length; start += batchSize) {
    let batch = rows.slice(start, start + batchSize);
    if (binary.length) batch = batch.map((row) => base64ToHex(row, binary));
    await run(
      sql`insert into ${sql.raw(name)} (${sql.raw(list)}) ${sql.raw(overriding)}
          select ${sql.raw(list)} from json_populate_recordset(null::${sql.raw(name)}, ${JSON.stringify(batch)}::json)`,
    );
  }
}

/** bytea travels as base64 in a backup; PostgreSQL reads it back from its own hex form. */
function base64ToHex(row: Row, columns: string[]): Row {
  const copy = { ...row };
  for (const column of columns) {
    const value = copy[column];
    if (typeof value === 'string') copy[column] = `\\x${Buffer.from(value, 'base64').toString('hex')}`;
  }
  return copy;
}

/** After rows arrive with their ids, each identity or serial sequence continues past the highest one. */
export async function resetSequences(run: Runner, tables: TableInfo[]) {
  for (const table of tables) {
    for (const column of table.columns) {
      if (!column.sequence) continue;
      await run(
        sql`select setval(${column.sequence}::regclass,
                          coalesce((select max(${sql.raw(quoteIdent(column.name))}) from ${sql.raw(quoteIdent(table.name))}), 0) + 1,
                          false)`,
      );
    }
  }
}
