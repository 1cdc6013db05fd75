import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { neighbourhoods, teams, users } from './accounts.ts';

/*
 * Every GIN index here is built with fastupdate off: PGlite runs no autovacuum, so GIN's pending
 * list would never be merged and every search would scan it row by row (15× slower, measured).
 */

/** PostgreSQL full-text document; written by the directory's search refresh, never by hand. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const stamps = {
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * Someone the team knows in the neighbourhood (acteur): an organisation (shared by every team of
 * the deployment, `team_id` null) or a key person — citizen pivot, leader, natural helper — who
 * belongs to one team and, like a person, has contact details only under recorded consent.
 * `external_source` + `external_id` remember where an imported record came from (HSDS import).
 */
export const actors = pgTable(
  'actors',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'restrict' }),
    category: text('category').notNull(),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description'),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    address: text('address'),
    city: text('city'),
    postalCode: text('postal_code'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    isHostPartner: boolean('is_host_partner').notNull().default(false),
    consentGivenAt: timestamp('consent_given_at', { withTimezone: true }),
    consentScope: text('consent_scope'),
    consentRecordedBy: uuid('consent_recorded_by').references(() => users.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    externalSource: text('external_source'),
    externalId: text('external_id'),
    searchText: text('search_text').generatedAlwaysAs(
      sql`relais_unaccent(lower(name || ' ' || coalesce(alternate_name, '')))`,
    ),
    ...stamps,
  },
  (table) => [
    index('actors_team_idx').on(table.teamId),
    index('actors_search_trgm_idx').using('gin', sql`${table.searchText} gin_trgm_ops`).with({ fastupdate: false }),
    // Every directory search leaves out the few inactive organisations' services: read from here,
    // not from a scan of every actor.
    index('actors_inactive_idx').on(table.id).where(sql`not ${table.active}`),
    unique('actors_external_unique').on(table.externalSource, table.externalId),
    check('actors_kind_check', sql`${table.kind} in ('organisation', 'keyPerson')`),
    // A key person belongs to one team; an organisation is everyone's.
    check('actors_key_person_team', sql`(${table.kind} = 'keyPerson') = (${table.teamId} is not null)`),
    check(
      'actors_key_person_contact_needs_consent',
      sql`${table.kind} = 'organisation' or ${table.consentGivenAt} is not null
      or (${table.email} is null and ${table.phone} is null and ${table.address} is null)`,
    ),
  ],
);

export const actorNeighbourhoods = pgTable(
  'actor_neighbourhoods',
  {
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    neighbourhoodId: uuid('neighbourhood_id')
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.actorId, table.neighbourhoodId] }),
    index('actor_neighbourhoods_neighbourhood_idx').on(table.neighbourhoodId),
  ],
);

/** The workers an actor hosts (partenaire hébergeur): issue 7 measures their time split. */
export const actorHostedWorkers = pgTable(
  'actor_hosted_workers',
  {
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sharePercent: integer('share_percent').notNull().default(20),
  },
  (table) => [
    primaryKey({ columns: [table.actorId, table.userId] }),
    check('actor_hosted_workers_share', sql`${table.sharePercent} between 0 and 100`),
  ],
);

/**
 * What an actor offers, modelled on Open Referral HSDS 3.0 `service`. Codes, not labels: `needs`
 * are need-taxonomy codes, `languages` ISO 639-1, `audiences` the codes of core/directory.ts.
 * `availability` is the latest `service_statuses` row, kept here so search can filter on it.
 */
export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description'),
    url: text('url'),
    email: text('email'),
    phone: text('phone'),
    hsdsStatus: text('hsds_status').notNull().default('active'),
    eligibilityDescription: text('eligibility_description'),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
    audiences: text('audiences').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    needs: text('needs').array().notNull().default(sql`'{}'::text[]`),
    interpretationServices: text('interpretation_services'),
    applicationProcess: text('application_process'),
    requiredDocuments: text('required_documents').array().notNull().default(sql`'{}'::text[]`),
    free: boolean('free'),
    feesDescription: text('fees_description'),
    waitTime: text('wait_time'),
    alert: text('alert'),
    availability: text('availability').notNull().default('open'),
    availabilitySince: timestamp('availability_since', { withTimezone: true }).notNull().defaultNow(),
    expectedWaitDays: integer('expected_wait_days'),
    externalSource: text('external_source'),
    externalId: text('external_id'),
    searchVector: tsvector('search_vector'),
    ...stamps,
  },
  (table) => [
    index('services_actor_idx').on(table.actorId),
    index('services_search_idx').using('gin', table.searchVector).with({ fastupdate: false }),
    index('services_needs_idx').using('gin', table.needs).with({ fastupdate: false }),
    unique('services_external_unique').on(table.externalSource, table.externalId),
    check(
      'services_hsds_status_check',
      sql`${table.hsdsStatus} in ('active', 'inactive', 'defunct', 'temporarily closed')`,
    ),
    check(
      'services_availability_check',
      sql`${table.availability} in ('open', 'waitingList', 'closedToNew', 'temporarilyClosed')`,
    ),
    check(
      'services_ages_check',
      sql`${table.minimumAge} is null or ${table.maximumAge} is null or ${table.minimumAge} <= ${table.maximumAge}`,
    ),
  ],
);

/** Neighbourhoods a service serves (HSDS `service_area`, as the deployment's neighbourhoods). */
export const serviceNeighbourhoods = pgTable(
  'service_neighbourhoods',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    neighbourhoodId: uuid('neighbourhood_id')
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.serviceId, table.neighbourhoodId] }),
    index('service_neighbourhoods_neighbourhood_idx').on(table.neighbourhoodId),
  ],
);

/** Where a service is delivered (HSDS `location` + `address` + `accessibility`): a public address. */
export const serviceLocations = pgTable(
  'service_locations',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    name: text('name'),
    description: text('description'),
    address: text('address'),
    city: text('city'),
    region: text('region'),
    postalCode: text('postal_code'),
    country: text('country'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    transportation: text('transportation'),
    accessibility: text('accessibility'),
    externalId: text('external_id'),
  },
  (table) => [
    index('service_locations_service_idx').on(table.serviceId),
    check(
      'service_locations_coordinates',
      sql`(${table.latitude} is null) = (${table.longitude} is null)
      and (${table.latitude} is null or (${table.latitude} between -90 and 90 and ${table.longitude} between -180 and 180))`,
    ),
  ],
);

/**
 * Weekly opening hours (HSDS `schedule` with freq WEEKLY and one `byday`): `weekday` 1 = Monday …
 * 7 = Sunday, local time of the deployment. A row with no weekday carries only a description
 * ("sur rendez-vous").
 */
export const serviceSchedules = pgTable(
  'service_schedules',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id').references(() => serviceLocations.id, { onDelete: 'cascade' }),
    weekday: integer('weekday'),
    opensAt: time('opens_at'),
    closesAt: time('closes_at'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    description: text('description'),
  },
  (table) => [
    index('service_schedules_service_idx').on(table.serviceId, table.weekday),
    check('service_schedules_weekday', sql`${table.weekday} is null or ${table.weekday} between 1 and 7`),
    check(
      'service_schedules_hours',
      sql`(${table.opensAt} is null) = (${table.closesAt} is null) and (${table.opensAt} is null or ${table.opensAt} < ${table.closesAt})`,
    ),
  ],
);

/** A professional contact at a service (HSDS `contact`): not a person the team helps. */
export const serviceContacts = pgTable(
  'service_contacts',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    name: text('name'),
    title: text('title'),
    department: text('department'),
    email: text('email'),
    phone: text('phone'),
  },
  (table) => [index('service_contacts_service_idx').on(table.serviceId)],
);

/** A service's dated availability (saturation des services): every change kept. */
export const serviceStatuses = pgTable(
  'service_statuses',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    expectedWaitDays: integer('expected_wait_days'),
    note: text('note'),
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('service_statuses_service_idx').on(table.serviceId, table.effectiveAt),
    check(
      'service_statuses_status_check',
      sql`${table.status} in ('open', 'waitingList', 'closedToNew', 'temporarilyClosed')`,
    ),
    check('service_statuses_wait', sql`${table.expectedWaitDays} is null or ${table.expectedWaitDays} >= 0`),
  ],
);

/**
 * The distinct words of the directory's search documents: a misspelled query word is corrected to
 * its nearest indexed word (trigram) before the full-text match (decision 0012).
 */
export const directoryWords = pgTable(
  'directory_words',
  {
    word: text('word').primaryKey(),
    documents: integer('documents').notNull().default(0),
  },
  (table) => [
    index('directory_words_trgm_idx').using('gin', sql`${table.word} gin_trgm_ops`).with({ fastupdate: false }),
  ],
);
