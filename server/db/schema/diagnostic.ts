import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { neighbourhoods, teams, users } from './accounts.ts';

/**
 * What a team asks of a need before it becomes a signal (decision 0022): over the last
 * `window_days`, at least `min_encounters` encounters naming it in one neighbourhood, from at least
 * `min_people` distinct known people, and — when `min_rise_percent` is set — that much more than in
 * the window before. A team without a row uses the defaults.
 */
export const needSignalSettings = pgTable(
  'need_signal_settings',
  {
    teamId: uuid('team_id')
      .primaryKey()
      .references(() => teams.id, { onDelete: 'cascade' }),
    windowDays: integer('window_days').notNull(),
    minEncounters: integer('min_encounters').notNull(),
    minPeople: integer('min_people').notNull(),
    minRisePercent: integer('min_rise_percent'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'need_signal_settings_bounds',
      sql`${table.windowDays} between 7 and 365 and ${table.minEncounters} >= 2
      and ${table.minPeople} >= 0 and ${table.minPeople} <= ${table.minEncounters}
      and (${table.minRisePercent} is null or ${table.minRisePercent} between 1 and 1000)`,
    ),
  ],
);

/** One detection's figures, kept on the signal so its page can draw how it moved. */
export type NeedSignalPoint = { on: string; encounters: number; people: number };

/**
 * A need that recurs in a neighbourhood's encounters (besoin collectif émergent). One open signal
 * (new or acknowledged) per team, neighbourhood and need: a later detection updates it.
 */
export const needSignals = pgTable(
  'need_signals',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    neighbourhoodId: uuid('neighbourhood_id')
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: 'cascade' }),
    need: text('need').notNull(),
    status: text('status').notNull().default('new'),
    windowStart: date('window_start', { mode: 'string' }).notNull(),
    windowEnd: date('window_end', { mode: 'string' }).notNull(),
    encounters: integer('encounters').notNull(),
    people: integer('people').notNull(),
    previousEncounters: integer('previous_encounters').notNull(),
    history: jsonb('history').$type<NeedSignalPoint[]>().notNull().default(sql`'[]'::jsonb`),
    firstDetectedAt: timestamp('first_detected_at', { withTimezone: true }).notNull().defaultNow(),
    lastDetectedAt: timestamp('last_detected_at', { withTimezone: true }).notNull().defaultNow(),
    statusNote: text('status_note'),
    statusChangedBy: uuid('status_changed_by').references(() => users.id, { onDelete: 'set null' }),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    /** Advocacy themes (core/contracts/signals.ts advocacyThemes); empty when not passed to advocacy. */
    advocacyThemes: jsonb('advocacy_themes').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** The structural problem behind the signal, checked for names before it is saved. */
    structuralProblem: text('structural_problem'),
    advocacyChangedAt: timestamp('advocacy_changed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('need_signals_open_idx')
      .on(table.teamId, table.neighbourhoodId, table.need)
      .where(sql`${table.status} in ('new', 'acknowledged')`),
    index('need_signals_team_idx').on(table.teamId, table.lastDetectedAt),
    check('need_signals_status', sql`${table.status} in ('new', 'acknowledged', 'takenUp', 'dismissed')`),
  ],
);

/** The team's written picture of a neighbourhood (diagnostic de quartier): one per neighbourhood. */
export const diagnostics = pgTable(
  'diagnostics',
  {
    id: uuid('id').primaryKey(),
    neighbourhoodId: uuid('neighbourhood_id')
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    currentVersion: integer('current_version').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('diagnostics_neighbourhood_idx').on(table.neighbourhoodId)],
);

export type DiagnosticSectionsValue = Record<string, string>;
export type DiagnosticPriorityValue = { id: string; title: string; detail: string | null };

/**
 * Every save of a diagnostic is a new version, never an overwrite. A published version carries the
 * figures it showed (`figures`), frozen, so its PDF says years later what it said then.
 */
export const diagnosticVersions = pgTable(
  'diagnostic_versions',
  {
    id: uuid('id').primaryKey(),
    diagnosticId: uuid('diagnostic_id')
      .notNull()
      .references(() => diagnostics.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    sections: jsonb('sections').$type<DiagnosticSectionsValue>().notNull(),
    priorities: jsonb('priorities').$type<DiagnosticPriorityValue[]>().notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    figures: jsonb('figures').$type<Record<string, unknown>>(),
    savedBy: uuid('saved_by').references(() => users.id, { onDelete: 'set null' }),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('diagnostic_versions_number_idx').on(table.diagnosticId, table.number),
    check('diagnostic_versions_status', sql`${table.status} in ('draft', 'published')`),
    check(
      'diagnostic_versions_frozen',
      sql`(${table.status} = 'published') = (${table.figures} is not null) and ${table.periodFrom} <= ${table.periodTo}`,
    ),
  ],
);
