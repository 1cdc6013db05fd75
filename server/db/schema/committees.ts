import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { neighbourhoods, teams, users } from './accounts.ts';
import { actors } from './directory.ts';

/**
 * A partner committee of a team (concertation table, codéveloppement group): its members are actors
 * of the directory, never people. Issue 7.
 */
export const committees = pgTable(
  'committees',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    purpose: text('purpose'),
    neighbourhoodId: uuid('neighbourhood_id').references(() => neighbourhoods.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('committees_team_idx').on(table.teamId, table.name)],
);

export const committeeMembers = pgTable(
  'committee_members',
  {
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    role: text('role'),
    since: date('since', { mode: 'string' }),
    until: date('until', { mode: 'string' }),
  },
  (table) => [
    primaryKey({ columns: [table.committeeId, table.actorId] }),
    index('committee_members_actor_idx').on(table.actorId),
  ],
);

type Situation = { themes: string[]; needs: string[]; summary: string; proposed: string };
type FollowUp = { what: string; actorId: string | null; dueOn: string | null; doneOn: string | null };

/** One meeting: agenda, minutes, anonymous situations, decisions and follow-ups (checked for names). */
export const committeeMeetings = pgTable(
  'committee_meetings',
  {
    id: uuid('id').primaryKey(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    agenda: jsonb('agenda').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    minutes: text('minutes').notNull().default(''),
    situations: jsonb('situations').$type<Situation[]>().notNull().default(sql`'[]'::jsonb`),
    decisions: jsonb('decisions').$type<{ text: string }[]>().notNull().default(sql`'[]'::jsonb`),
    followUps: jsonb('follow_ups').$type<FollowUp[]>().notNull().default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('committee_meetings_committee_idx').on(table.committeeId, table.heldOn)],
);
