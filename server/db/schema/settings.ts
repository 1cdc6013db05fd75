import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Deployment settings an admin changes from the app (the vocabulary preset, the name). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
