import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Operations of the offline outbox that were applied, by their client-made id. A batch sent again
 * finds them here and changes nothing; the stored result is answered once more.
 * No foreign keys: the trail outlives the records it speaks of.
 */
export const syncOperations = pgTable(
  'sync_operations',
  {
    id: uuid('id').primaryKey(),
    actorId: uuid('actor_id').notNull(),
    kind: text('kind').notNull(),
    entityId: uuid('entity_id').notNull(),
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('sync_operations_actor_idx').on(table.actorId, table.appliedAt)],
);
