import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { teams, users } from './accounts.ts';
import { collectiveActivities } from './activities.ts';
import { crisisMobilisations } from './crisis.ts';

/**
 * Time a worker gave to a mission or to the host partner on one day (issue 7, point 5), with the
 * "fait sens quand" criteria it met (codes). A mission entry meeting none is `outside_mandate`.
 * The id comes from the device (sync `timeEntry.create`).
 */
export const timeEntries = pgTable(
  'time_entries',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    category: text('category').notNull(),
    criteria: text('criteria').array().notNull().default(sql`'{}'::text[]`),
    outsideMandate: boolean('outside_mandate').notNull().default(false),
    activityId: uuid('activity_id').references(() => collectiveActivities.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The crisis mobilisation this time was given to (set on create, modules/crisis). */
    crisisMobilisationId: uuid('crisis_mobilisation_id').references(() => crisisMobilisations.id, {
      onDelete: 'set null',
    }),
  },
  (table) => [
    index('time_entries_team_idx').on(table.teamId, table.onDate),
    index('time_entries_crisis_idx')
      .on(table.crisisMobilisationId)
      .where(sql`${table.crisisMobilisationId} is not null`),
    index('time_entries_worker_idx').on(table.workerId, table.onDate),
    check('time_entries_minutes_check', sql`${table.minutes} between 1 and 1440`),
    check(
      'time_entries_category_check',
      sql`${table.category} in ('networking', 'orientation', 'collectiveInformation', 'communityAction', 'hostPartner')`,
    ),
  ],
);

/**
 * A team's own wording of a mission's criteria (seed 004's are the defaults, in core): once a
 * coordinator edits a mission, its whole list lives here, retired criteria kept so old entries
 * still read.
 */
export const missionCriteria = pgTable(
  'mission_criteria',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    mission: text('mission').notNull(),
    code: text('code').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    custom: boolean('custom').notNull().default(false),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('mission_criteria_code_idx').on(table.teamId, table.mission, table.code)],
);

/**
 * The agreed split of a worker's time (or the team's, `worker_id` null), from a date on: the host
 * partner's share, and optionally each mission's. A new agreement is a new row: history stays.
 */
export const timeAgreements = pgTable(
  'time_agreements',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    workerId: uuid('worker_id').references(() => users.id, { onDelete: 'cascade' }),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    hostPartnerPercent: integer('host_partner_percent').notNull(),
    missionPercents: jsonb('mission_percents').$type<Record<string, number>>(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('time_agreements_team_idx').on(table.teamId, table.effectiveFrom),
    check('time_agreements_percent_check', sql`${table.hostPartnerPercent} between 0 and 100`),
  ],
);

/** The daily team log: one page per team and day, written by the binôme (see core/contracts/team-log.ts). */
export const teamLogDays = pgTable(
  'team_log_days',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    highlights: text('highlights').notNull().default(''),
    difficulties: text('difficulties').notNull().default(''),
    toPassOn: text('to_pass_on').notNull().default(''),
    authorIds: uuid('author_ids').array().notNull().default(sql`'{}'::uuid[]`),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('team_log_days_day_idx').on(table.teamId, table.onDate)],
);
