import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/**
 * Report rollups (decision 0032), kept current by statement-level triggers on
 * encounters, places and outreach sessions (migration `report_rollups`). Derived: never written by
 * the app, left out of backups; restoring the encounters rebuilds them through the same triggers.
 *
 * `report_encounter_counts`: per team, neighbourhood (nil UUID for none), UTC month, dimension and
 * value, how many encounters. Dimensions: `total` (value ''), `identification`, `channel`,
 * `initiator`, `ageBand`, `gender` (single-valued; '' when not said) and `need`, `action`, `right`
 * (a contact carries several: not additive).
 */
export const reportEncounterCounts = pgTable(
  'report_encounter_counts',
  {
    teamId: uuid('team_id').notNull(),
    neighbourhoodId: uuid('neighbourhood_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    encounters: integer('encounters').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.teamId, table.month, table.dimension, table.value, table.neighbourhoodId] }),
    index('report_encounter_counts_month_idx').on(table.month, table.dimension),
  ],
);

/**
 * Distinct people are not additive over months: one row per person met in a period, with how many
 * of their encounters were pseudonymous and identified, so deletes and updates decrement exactly
 * and a row disappears at zero. `neighbourhood_id` is the nil UUID for none and the max UUID
 * (ffffffff-…) for "all the team's neighbourhoods". Period kinds: month, quarter (calendar),
 * calendarYear, fiscalYear (from 1 April).
 */
export const reportPersonPeriods = pgTable(
  'report_person_periods',
  {
    teamId: uuid('team_id').notNull(),
    neighbourhoodId: uuid('neighbourhood_id').notNull(),
    periodKind: text('period_kind').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    personId: uuid('person_id').notNull(),
    pseudonymous: integer('pseudonymous').notNull().default(0),
    identified: integer('identified').notNull().default(0),
  },
  (table) => [
    primaryKey({
      columns: [table.periodKind, table.periodStart, table.teamId, table.neighbourhoodId, table.personId],
    }),
    index('report_person_periods_person_idx').on(table.personId),
    check(
      'report_person_periods_kind_check',
      sql`${table.periodKind} in ('month', 'quarter', 'calendarYear', 'fiscalYear')`,
    ),
  ],
);

/**
 * How many distinct people a period counts, by level: report_person_periods rolled up once more,
 * kept by the same statement (a person's row moving from no level to one, or from pseudonymous to
 * identified, moves one count). Additive over teams and neighbourhoods (a person belongs to one
 * team), so a year of the whole organisation reads a few dozen rows instead of one per person.
 * Level: `identified` when one of the person's encounters in the period was, else `pseudonymous`.
 */
export const reportPeopleCounts = pgTable(
  'report_people_counts',
  {
    periodKind: text('period_kind').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    teamId: uuid('team_id').notNull(),
    neighbourhoodId: uuid('neighbourhood_id').notNull(),
    level: text('level').notNull(),
    people: integer('people').notNull().default(0),
  },
  (table) => [
    primaryKey({
      columns: [table.periodKind, table.periodStart, table.teamId, table.neighbourhoodId, table.level],
    }),
    check('report_people_counts_level_check', sql`${table.level} in ('pseudonymous', 'identified')`),
  ],
);

/** A report template saved by the organisation (built-in ones live in core/reports/catalogue.ts). */
export const reportTemplates = pgTable(
  'report_templates',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    indicators: text('indicators').array().notNull(),
    grouping: text('grouping').notNull().default('none'),
    periodType: text('period_type').notNull(),
    threshold: integer('threshold').notNull().default(5),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('report_templates_name_idx').on(table.name),
    check('report_templates_threshold_check', sql`${table.threshold} >= 5`),
    check('report_templates_grouping_check', sql`${table.grouping} in ('none', 'team', 'neighbourhood', 'mission')`),
    check(
      'report_templates_period_check',
      sql`${table.periodType} in ('fiscalYear', 'calendarYear', 'quarter', 'month', 'custom')`,
    ),
  ],
);
