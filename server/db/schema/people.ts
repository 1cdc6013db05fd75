import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from './accounts.ts';

/**
 * A person the team helps (personne rejointe). Pseudonymous by default (a nickname); identity
 * fields are filled only under a recorded consent, and erased when it is withdrawn.
 * `search_text` is generated (unaccented, lower case) and trigram-indexed (GIN) for duplicate search.
 * A merged person stays as a tombstone pointing at the survivor (`merged_into_id`).
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    nickname: text('nickname').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    phone: text('phone'),
    email: text('email'),
    consentGivenAt: timestamp('consent_given_at', { withTimezone: true }),
    consentScope: text('consent_scope'),
    consentRecordedBy: uuid('consent_recorded_by').references(() => users.id, { onDelete: 'set null' }),
    consentWithdrawnAt: timestamp('consent_withdrawn_at', { withTimezone: true }),
    ageBand: text('age_band'),
    gender: text('gender'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    household: text('household'),
    firstContactOn: date('first_contact_on', { mode: 'string' }),
    firstContactHow: text('first_contact_how'),
    mergedIntoId: uuid('merged_into_id'),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    searchText: text('search_text').generatedAlwaysAs(
      sql`relais_unaccent(lower(nickname || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, '')))`,
    ),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('people_team_idx').on(table.teamId, table.updatedAt),
    // GIN, not GiST: finding the few hundred rows that share trigrams and scoring them is 3–5×
    // faster than GiST's ordered (KNN) scan on 50 000 people (decision 0010, bench/fieldwork.ts).
    // fastupdate off: PGlite runs no autovacuum, so GIN's pending list would never be merged.
    index('people_search_trgm_idx').using('gin', sql`${table.searchText} gin_trgm_ops`).with({ fastupdate: false }),
    index('people_merged_into_idx').on(table.mergedIntoId),
    check(
      'people_identity_needs_consent',
      sql`${table.consentGivenAt} is not null or (${table.firstName} is null
      and ${table.lastName} is null and ${table.phone} is null and ${table.email} is null)`,
    ),
  ],
);

/** A person's roles over time (participant, volunteer, helper, leader): the empowerment trajectory. */
export const personRoles = pgTable(
  'person_roles',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('person_roles_person_idx').on(table.personId, table.startedOn),
    check('person_roles_role_check', sql`${table.role} in ('participant', 'volunteer', 'helper', 'leader')`),
  ],
);
