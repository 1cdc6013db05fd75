import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from './accounts.ts';
import { people } from './people.ts';

/**
 * The consent register: every consent given or withdrawn, dated, with who recorded it. The
 * `people` row keeps only the latest consent; this keeps the history. An erased person's lines
 * stay, detached (`person_id` null): the register must still show that consents were given and
 * withdrawn, without saying by whom (decision 0030).
 */
export const consentEvents = pgTable(
  'consent_events',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    scope: text('scope'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('consent_events_team_idx').on(table.teamId, table.occurredAt),
    index('consent_events_person_idx').on(table.personId),
    check('consent_events_kind_check', sql`${table.kind} in ('given', 'withdrawn')`),
  ],
);

/**
 * A privacy incident (lost phone, misdirected message, unauthorised access…): what happened,
 * which data, how many people, what was done, who was told. `team_id` null: the whole organisation.
 */
export const privacyIncidents = pgTable(
  'privacy_incidents',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'restrict' }),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    nature: text('nature').notNull(),
    dataConcerned: text('data_concerned').notNull(),
    peopleAffected: integer('people_affected').notNull().default(0),
    measures: text('measures'),
    notifiedTo: text('notified_to'),
    notifiedOn: date('notified_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('privacy_incidents_team_idx').on(table.teamId, table.occurredOn),
    check(
      'privacy_incidents_nature_check',
      sql`${table.nature} in ('lostDevice', 'misdirectedMessage', 'unauthorisedAccess', 'disclosure', 'other')`,
    ),
    check('privacy_incidents_people_affected', sql`${table.peopleAffected} between 0 and 1000000`),
  ],
);

/** The people of the incident's team it concerned; an erased person's link goes, the count stays. */
export const privacyIncidentPeople = pgTable(
  'privacy_incident_people',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => privacyIncidents.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.incidentId, table.personId] }),
    index('privacy_incident_people_person_idx').on(table.personId),
  ],
);
