import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from './accounts.ts';

/**
 * A crisis mobilisation of a team (issue 7; core/crisis.ts): some workers lend a share of their time
 * to a crisis response for a bounded stretch, once the coordination has validated it.
 */
export const crisisMobilisations = pgTable(
  'crisis_mobilisations',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    sharePercent: integer('share_percent').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('proposed'),
    /** A prolongation waiting for validation. */
    proposedEndsOn: date('proposed_ends_on', { mode: 'string' }),
    /** Who asked for the step that waits (the proposal or the prolongation): they may not decide it. */
    pendingBy: uuid('pending_by').references(() => users.id, { onDelete: 'set null' }),
    endedOn: date('ended_on', { mode: 'string' }),
    decisionNote: text('decision_note'),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('crisis_mobilisations_team_idx').on(table.teamId, table.startsOn),
    check('crisis_mobilisations_status_check', sql`${table.status} in ('proposed', 'validated', 'refused', 'ended')`),
    check('crisis_mobilisations_share_check', sql`${table.sharePercent} between 5 and 100`),
    check('crisis_mobilisations_dates_check', sql`${table.endsOn} >= ${table.startsOn}`),
  ],
);

export const crisisMobilisationParticipants = pgTable(
  'crisis_mobilisation_participants',
  {
    mobilisationId: uuid('mobilisation_id')
      .notNull()
      .references(() => crisisMobilisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.mobilisationId, table.userId] }),
    index('crisis_mobilisation_participants_user_idx').on(table.userId),
  ],
);

/** Every step of a mobilisation, in order: proposed, validated, refused, prolonged, ended. */
export const crisisMobilisationEvents = pgTable(
  'crisis_mobilisation_events',
  {
    id: uuid('id').primaryKey(),
    mobilisationId: uuid('mobilisation_id')
      .notNull()
      .references(() => crisisMobilisations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    note: text('note'),
    byUser: uuid('by_user').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('crisis_mobilisation_events_mobilisation_idx').on(table.mobilisationId, table.at)],
);
