import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { neighbourhoods, teams, users } from './accounts.ts';
import { crisisMobilisations } from './crisis.ts';
import { people } from './people.ts';

/** A spot where the team is present (lieu d'action), on the team's map; never a person's location. */
export const places = pgTable(
  'places',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    neighbourhoodId: uuid('neighbourhood_id').references(() => neighbourhoods.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    zone: text('zone'),
    /** Where the place is (a park, a market): public spots on the team's map, never a person. */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('places_team_idx').on(table.teamId, table.name),
    check(
      'places_coordinates',
      sql`(${table.latitude} is null) = (${table.longitude} is null)
      and (${table.latitude} is null or (${table.latitude} between -90 and 90 and ${table.longitude} between -180 and 180))`,
    ),
  ],
);

/** A stretch of field presence (tournée, porte-à-porte, stand…), usually in a binôme. */
export const outreachSessions = pgTable(
  'outreach_sessions',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    placeId: uuid('place_id').references(() => places.id, { onDelete: 'set null' }),
    zone: text('zone'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('outreach_sessions_team_date_idx').on(table.teamId, table.onDate),
    check(
      'outreach_sessions_kind_check',
      sql`${table.kind} in ('walk', 'doorToDoor', 'stand', 'placePresence', 'dropIn', 'event')`,
    ),
  ],
);

export const outreachSessionMembers = pgTable(
  'outreach_session_members',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => outreachSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.sessionId, table.userId] }),
    index('outreach_session_members_user_idx').on(table.userId),
  ],
);

/**
 * Brief contacts counted, not logged one by one. Counts only grow by increments
 * (`count = count + delta`), so two phones adding offline add up.
 */
export const sessionTallies = pgTable(
  'session_tallies',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => outreachSessions.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    count: integer('count').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.kind] })],
);

/** Observations of the neighbourhood noted during a session, with themes (taxonomy codes). */
export const sessionObservations = pgTable(
  'session_observations',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => outreachSessions.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('session_observations_session_idx').on(table.sessionId)],
);

/**
 * One individual contact. Needs and actions are taxonomy codes; non-recours is a list of
 * `{right, barrier, detail?}`. The confidential note lives in `encounter_notes`, so no list query
 * can select it by accident and every read of it goes through one audited path.
 */
export const encounters = pgTable(
  'encounters',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    sessionId: uuid('session_id').references(() => outreachSessions.id, { onDelete: 'set null' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'restrict' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    placeId: uuid('place_id').references(() => places.id, { onDelete: 'set null' }),
    zone: text('zone'),
    initiator: text('initiator'),
    channel: text('channel'),
    identification: text('identification').notNull(),
    ageBand: text('age_band'),
    gender: text('gender'),
    language: text('language'),
    needs: text('needs').array().notNull().default(sql`'{}'::text[]`),
    actions: text('actions').array().notNull().default(sql`'{}'::text[]`),
    nonRecours: jsonb('non_recours')
      .$type<{ right: string; barrier: string; detail?: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    durationMinutes: integer('duration_minutes'),
    followUpOn: date('follow_up_on', { mode: 'string' }),
    followUpWhat: text('follow_up_what'),
    followUpDoneAt: timestamp('follow_up_done_at', { withTimezone: true }),
    hasNote: boolean('has_note').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The crisis mobilisation this contact was logged under (set on create; modules/crisis). */
    crisisMobilisationId: uuid('crisis_mobilisation_id').references(() => crisisMobilisations.id, {
      onDelete: 'set null',
    }),
  },
  (table) => [
    index('encounters_team_occurred_idx').on(table.teamId, table.occurredAt),
    index('encounters_crisis_idx').on(table.crisisMobilisationId).where(sql`${table.crisisMobilisationId} is not null`),
    index('encounters_person_idx').on(table.personId, table.occurredAt),
    index('encounters_session_idx').on(table.sessionId),
    index('encounters_follow_up_idx')
      .on(table.createdBy, table.followUpOn)
      .where(sql`${table.followUpOn} is not null and ${table.followUpDoneAt} is null`),
    check(
      'encounters_identification_check',
      sql`${table.identification} in ('anonymous', 'pseudonymous', 'identified')
      and ((${table.identification} = 'anonymous') = (${table.personId} is null))`,
    ),
  ],
);

/** The confidential note of an encounter: readable by the team only, each read audited. */
export const encounterNotes = pgTable('encounter_notes', {
  encounterId: uuid('encounter_id')
    .primaryKey()
    .references(() => encounters.id, { onDelete: 'cascade' }),
  body: text('body').notNull(),
  writtenBy: uuid('written_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
