import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database, Tx } from '../../db/client.ts';

const BATCH = 1000;

/**
 * Inserts many rows as one JSON parameter per thousand (json_populate_recordset): PostgreSQL turns
 * each value into its column's type itself. Binding 500 rows × 25 columns as separate parameters
 * costs several times more, on PGlite above all; this is what keeps a sync batch near raw SQL.
 * Rows use the Drizzle property names; columns absent from every row take their default.
 */
export async function insertJsonRows<T extends PgTable>(
  db: Database | Tx,
  table: T,
  rows: Partial<T['$inferInsert']>[],
  options: { skipExisting?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)) as [string, { name: string }][];
  const present = columns.filter(([key]) => rows.some((row) => (row as Record<string, unknown>)[key] !== undefined));
  const names = sql.raw(present.map(([, column]) => `"${column.name}"`).join(', '));
  const name = sql.raw(`"${getTableName(table)}"`);
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).map((row) => {
      const json: Record<string, unknown> = {};
      for (const [key, column] of present) {
        const value = (row as Record<string, unknown>)[key];
        json[column.name] = value instanceof Date ? value.toISOString() : value;
      }
      return json;
    });
    await db.execute(
      sql`insert into ${name} (${names}) select ${names} from json_populate_recordset(null::${name}, ${JSON.stringify(batch)}::json)
          ${options.skipExisting ? sql`on conflict do nothing` : sql``}`,
    );
  }
}

/** `column = any($1::uuid[])`: one parameter for 500 ids, where IN (…) would bind 500. */
export function anyUuid(column: PgColumn, ids: string[]) {
  return sql`${column} = any(${`{${ids.join(',')}}`}::uuid[])`;
}
