import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from './accounts.ts';
import { actors } from './directory.ts';

/**
 * A tie between two actors as a team knows it (maillage): what kind, how strong, since and until
 * when. The team's knowledge: another team keeps its own ties (decision 0017).
 */
export const ties = pgTable(
  'ties',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    actorAId: uuid('actor_a_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    actorBId: uuid('actor_b_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    strength: integer('strength').notNull().default(2),
    startedOn: date('started_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('ties_team_idx').on(table.teamId),
    index('ties_actor_a_idx').on(table.actorAId),
    index('ties_actor_b_idx').on(table.actorBId),
    check('ties_two_actors', sql`${table.actorAId} <> ${table.actorBId}`),
    check(
      'ties_kind_check',
      sql`${table.kind} in ('collaboration', 'referral', 'coOrganisation', 'knowsOf', 'funding', 'hosting')`,
    ),
    check('ties_strength_check', sql`${table.strength} between 1 and 3`),
    check(
      'ties_dates',
      sql`${table.endedOn} is null or ${table.startedOn} is null or ${table.endedOn} >= ${table.startedOn}`,
    ),
  ],
);

/** A meeting, a call, a concertation table or a shared event with actors, logged by the team. */
export const actorInteractions = pgTable(
  'actor_interactions',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('actor_interactions_team_idx').on(table.teamId, table.occurredOn),
    check(
      'actor_interactions_kind_check',
      sql`${table.kind} in ('meeting', 'call', 'concertationTable', 'sharedEvent')`,
    ),
  ],
);

export const actorInteractionActors = pgTable(
  'actor_interaction_actors',
  {
    interactionId: uuid('interaction_id')
      .notNull()
      .references(() => actorInteractions.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.interactionId, table.actorId] }),
    index('actor_interaction_actors_actor_idx').on(table.actorId),
  ],
);
