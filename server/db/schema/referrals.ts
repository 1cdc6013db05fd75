import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from './accounts.ts';
import { services } from './directory.ts';
import { encounters } from './fieldwork.ts';
import { people } from './people.ts';

/**
 * A person — or an anonymous contact, known by the slip number printed for them — sent to a
 * service for some needs, followed until the link takes (connected, accroché) or fails. `status`
 * and `failure_reason` are the latest `referral_events` row, kept here for lists and check-backs.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    slipNumber: text('slip_number').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'restrict' }),
    encounterId: uuid('encounter_id').references(() => encounters.id, { onDelete: 'set null' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    needs: text('needs').array().notNull().default(sql`'{}'::text[]`),
    sharedItems: text('shared_items').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull().default('proposed'),
    failureReason: text('failure_reason'),
    referredAt: timestamp('referred_at', { withTimezone: true }).notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull(),
    connectedAt: timestamp('connected_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('referrals_slip_unique').on(table.slipNumber),
    index('referrals_team_status_idx').on(table.teamId, table.status, table.referredAt),
    index('referrals_person_idx').on(table.personId, table.referredAt),
    index('referrals_service_idx').on(table.serviceId, table.referredAt),
    check(
      'referrals_status_check',
      sql`${table.status} in ('proposed', 'sent', 'accepted', 'refused', 'connected', 'failed', 'expired')`,
    ),
    check(
      'referrals_failure_reason_check',
      sql`(${table.failureReason} is null) = (${table.status} not in ('failed', 'refused'))`,
    ),
  ],
);

/**
 * Every change of a referral, dated and kept: status moves, check-backs (the worker asked; the
 * outcome is not known yet), and answers recorded from a partner who does not use Relais.
 */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    status: text('status'),
    reason: text('reason'),
    note: text('note'),
    fromPartner: boolean('from_partner').notNull().default(false),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('referral_events_referral_idx').on(table.referralId, table.occurredAt),
    check('referral_events_kind_check', sql`${table.kind} in ('status', 'checkBack', 'note')`),
  ],
);

/** Suivi-pont: accompaniment while the person waits for the service, "as short as possible". */
export const bridgingSupports = pgTable(
  'bridging_supports',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'restrict' }),
    referralId: uuid('referral_id').references(() => referrals.id, { onDelete: 'set null' }),
    purpose: text('purpose'),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    plannedEndOn: date('planned_end_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('bridging_supports_team_idx').on(table.teamId, table.startedOn),
    index('bridging_supports_person_idx').on(table.personId),
    check('bridging_supports_someone', sql`${table.personId} is not null or ${table.referralId} is not null`),
    check(
      'bridging_supports_dates',
      sql`(${table.endedOn} is null or ${table.endedOn} >= ${table.startedOn})
      and (${table.plannedEndOn} is null or ${table.plannedEndOn} >= ${table.startedOn})`,
    ),
  ],
);

/** One contact during a bridging support: a call, a meeting, an accompaniment to an appointment. */
export const bridgingContacts = pgTable(
  'bridging_contacts',
  {
    id: uuid('id').primaryKey(),
    bridgingSupportId: uuid('bridging_support_id')
      .notNull()
      .references(() => bridgingSupports.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes'),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('bridging_contacts_support_idx').on(table.bridgingSupportId, table.occurredAt),
    check('bridging_contacts_kind_check', sql`${table.kind} in ('call', 'meeting', 'accompaniment', 'message')`),
    check(
      'bridging_contacts_duration',
      sql`${table.durationMinutes} is null or ${table.durationMinutes} between 0 and 1440`,
    ),
  ],
);
