import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.ts';
import { refreshServiceSearch } from '../modules/directory/directory.search.ts';

const BATCH = 2000;

/**
 * Data computed from other rows and not carried by every source: services loaded by the
 * generator or restored from a generated file have no search document yet. Computed here, in
 * batches, for the services that lack one.
 */
export async function refreshDerivedData(db: Database | Tx): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const result = (await db.execute(
      sql`select id from services where search_vector is null and id > ${after}::uuid order by id limit ${BATCH}`,
    )) as unknown as { rows: { id: string }[] };
    if (result.rows.length === 0) return;
    await refreshServiceSearch(
      db,
      result.rows.map((row) => row.id),
    );
    if (result.rows.length < BATCH) return;
    after = result.rows.at(-1)!.id;
  }
}
