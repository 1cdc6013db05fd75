import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Needs, actions, rights, non-recours barriers, observation themes and tally kinds: data, not
 * enums, so a deployment can add or retire terms. Records keep the term's `code` (stable, readable
 * offline); a retired term stays for the records that use it (`active = false`).
 */
export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('taxonomy_terms_kind_code_unique').on(table.kind, table.code),
    check(
      'taxonomy_terms_kind_check',
      sql`${table.kind} in ('need', 'action', 'right', 'barrier', 'observationTheme', 'tallyKind')`,
    ),
  ],
);
