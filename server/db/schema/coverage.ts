import { date, index, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';

/**
 * Outreach coverage, kept current by triggers on sessions and encounters (migration
 * `coverage_counts`, decision 0018): per team, place and day, how many sessions were held there and
 * how many encounters happened there (an encounter without a place counts at its session's place).
 * `place_id` is the nil UUID for field work with no place. Derived: never written by the app.
 */
export const coverageCounts = pgTable(
  'coverage_counts',
  {
    teamId: uuid('team_id').notNull(),
    placeId: uuid('place_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    sessions: integer('sessions').notNull().default(0),
    encounters: integer('encounters').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.teamId, table.placeId, table.day] }),
    index('coverage_counts_team_day_idx').on(table.teamId, table.day),
  ],
);
