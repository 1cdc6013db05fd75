import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { actors } from './directory.ts';
import { places } from './fieldwork.ts';
import { people } from './people.ts';

/**
 * A collective activity of a team (issue 7): an information session, a meal, an outing, a group…
 * with its themes (need codes), languages, partners and usual place; it happens in sessions.
 */
export const collectiveActivities = pgTable(
  'collective_activities',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    neighbourhoodId: uuid('neighbourhood_id').references(() => neighbourhoods.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    groupType: text('group_type').notNull().default('open'),
    mission: text('mission'),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    placeId: uuid('place_id').references(() => places.id, { onDelete: 'set null' }),
    description: text('description'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('collective_activities_team_idx').on(table.teamId, table.title),
    check(
      'collective_activities_kind_check',
      sql`${table.kind} in ('informationSession', 'healthPromotion', 'group', 'meal', 'outing', 'celebration', 'workshop', 'other')`,
    ),
    check('collective_activities_group_check', sql`${table.groupType} in ('open', 'closed')`),
  ],
);

export const activityPartners = pgTable(
  'activity_partners',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => collectiveActivities.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.activityId, table.actorId] })],
);

/**
 * One session of an activity: the day, the place, anonymous head counts by age band, and the
 * named participants (activity_attendance). The id comes from the device, so it syncs offline.
 */
export const activitySessions = pgTable(
  'activity_sessions',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => collectiveActivities.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    placeId: uuid('place_id').references(() => places.id, { onDelete: 'set null' }),
    headCounts: jsonb('head_counts').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The crisis mobilisation this session was run under (set on create; modules/crisis). */
    crisisMobilisationId: uuid('crisis_mobilisation_id').references(() => crisisMobilisations.id, {
      onDelete: 'set null',
    }),
  },
  (table) => [
    index('activity_sessions_activity_idx').on(table.activityId, table.onDate),
    index('activity_sessions_crisis_idx')
      .on(table.crisisMobilisationId)
      .where(sql`${table.crisisMobilisationId} is not null`),
    index('activity_sessions_team_idx').on(table.teamId, table.onDate),
  ],
);

export const activityAttendance = pgTable(
  'activity_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => activitySessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: text('role').notNull().default('participant'),
  },
  (table) => [
    primaryKey({ columns: [table.sessionId, table.personId] }),
    index('activity_attendance_person_idx').on(table.personId),
    check('activity_attendance_role_check', sql`${table.role} in ('participant', 'volunteer', 'coFacilitator')`),
  ],
);
