import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../core/localized.ts';
import type { Database, Tx } from '../db/client.ts';
import { alreadyTaken } from './errors.ts';

type TableWithId = PgTable & { id: PgColumn };

/**
 * Refuses a value already used by another record (409 naming the field), so a form can point at
 * it. The unique index stays the real guard: a race that slips past this answers 409 too.
 */
export async function assertUnique(
  db: Database | Tx,
  table: TableWithId,
  unique: { column: PgColumn; value: string; field: string; label: LocalizedText },
  exceptId?: string,
): Promise<void> {
  const [taken] = await db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(eq(unique.column, unique.value))
    .limit(1);
  if (taken && taken.id !== exceptId) throw alreadyTaken(unique.field, unique.label);
}
