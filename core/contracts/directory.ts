/**
 * The neighbourhood directory (issue 5): actors and their services, modelled on Open Referral HSDS 3.0.
 * Organisations and services are shared by every team of the deployment; a key person belongs to
 * one team, follows people's rules (contact details only under recorded consent, every read
 * logged) and is "not found" for other teams.
 *
 * | method | path                                  | body / query                                 | answer                        |
 * | GET    | /api/actors                           | ?search&kind&category&includeInactive&limit&offset | { items: ActorSummary[], total } |
 * | POST   | /api/actors                           | CreateActor                                  | 201 Actor                     |
 * | GET    | /api/actors/:id                       |                                              | Actor (key person: read logged) |
 * | PATCH  | /api/actors/:id                       | UpdateActor (baseVersion)                    | Actor; 409 stale              |
 * | POST   | /api/actors/:id/deactivate            | { baseVersion? }                             | Actor                         |
 * | POST   | /api/services                         | CreateService (nested lists)                 | 201 Service                   |
 * | GET    | /api/services/:id                     |                                              | Service                       |
 * | PATCH  | /api/services/:id                     | UpdateService (baseVersion; a list replaces) | Service; 409 stale            |
 * | GET    | /api/services/:id/statuses            |                                              | { items: ServiceStatus[] }    |
 * | POST   | /api/services/:id/statuses            | NewServiceStatus                             | 201 Service                   |
 * | GET    | /api/directory/search, /api/directory/print: see ./directory-search.ts                                         |
 *
 * Writes: worker, organizer, coordinator (a key person: of its team). Admins read.
 */
import { z } from 'zod';
import {
  actorCategories,
  actorKinds,
  audiences,
  availabilities,
  hsdsServiceStatuses,
  keyPersonCategories,
  organisationCategories,
} from '../directory.ts';
import { consentScopes } from '../fieldwork.ts';
import { pageQuery } from './common.ts';
import { optionalBody } from './optional-body.ts';

const versionSchema = z.number().int().min(1);
const instant = z.iso.datetime({ offset: true });
const shortText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+().\s#ext-]{4,40}$/)
  .nullable()
  .optional();
const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254)).nullable().optional();
const urlSchema = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .nullable()
  .optional();
/** ISO 639-1 (or 639-3) codes, lower case: "fr", "en", "ar". */
export const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/);
const clock = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$/, 'HH:MM');

const consentSchema = z
  .object({ givenAt: z.iso.datetime(), scope: z.enum(consentScopes), recordedBy: z.uuid().nullable() })
  .nullable();

const contactDetails = z.object({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
});

export const actorSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(actorKinds),
  teamId: z.uuid().nullable(),
  category: z.enum(actorCategories),
  name: z.string(),
  city: z.string().nullable(),
  languages: z.array(z.string()),
  isHostPartner: z.boolean(),
  active: z.boolean(),
  serviceCount: z.number().int(),
});
export type ActorSummary = z.infer<typeof actorSummarySchema>;

const serviceBriefSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  availability: z.enum(availabilities),
  expectedWaitDays: z.number().int().nullable(),
  hsdsStatus: z.enum(hsdsServiceStatuses),
});

export const actorSchema = z.object({
  id: z.uuid(),
  kind: z.enum(actorKinds),
  teamId: z.uuid().nullable(),
  category: z.enum(actorCategories),
  name: z.string(),
  alternateName: z.string().nullable(),
  description: z.string().nullable(),
  /** A key person's contact details: null without recorded consent. */
  contact: contactDetails.nullable(),
  consent: consentSchema,
  languages: z.array(z.string()),
  neighbourhoodIds: z.array(z.uuid()),
  isHostPartner: z.boolean(),
  hostedWorkers: z.array(z.object({ userId: z.uuid(), name: z.string(), sharePercent: z.number().int() })),
  services: z.array(serviceBriefSchema),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Actor = z.infer<typeof actorSchema>;

export const actorListSchema = z.object({ items: z.array(actorSummarySchema), total: z.number().int() });

export const actorListQuerySchema = z.strictObject({
  search: z.string().trim().min(1).max(100).optional(),
  kind: z.enum(actorKinds).optional(),
  category: z.enum(actorCategories).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});

const hostedWorkerInput = z.strictObject({
  userId: z.uuid(),
  sharePercent: z.number().int().min(0).max(100).default(20),
});

const actorFields = {
  category: z.enum(actorCategories),
  name: shortText(200),
  alternateName: optionalText(200),
  description: optionalText(4000),
  email: emailSchema,
  phone: phoneSchema,
  website: urlSchema,
  address: optionalText(300),
  city: optionalText(120),
  postalCode: optionalText(20),
  languages: z.array(languageCode).max(20),
  neighbourhoodIds: z.array(z.uuid()).max(100),
  isHostPartner: z.boolean(),
  hostedWorkers: z.array(hostedWorkerInput).max(50),
};

const actorConsentInput = z.strictObject({ scope: z.enum(consentScopes), givenAt: instant.optional() });

export const createActorBodySchema = z.strictObject({
  id: z.uuid().optional(),
  kind: z.enum(actorKinds),
  /** A key person's team; needed only when the caller belongs to several. */
  teamId: z.uuid().optional(),
  ...actorFields,
  languages: actorFields.languages.default([]),
  neighbourhoodIds: actorFields.neighbourhoodIds.default([]),
  isHostPartner: actorFields.isHostPartner.default(false),
  hostedWorkers: actorFields.hostedWorkers.default([]),
  /** A key person's contact details are refused (422) unless consent is given here or was recorded. */
  consent: actorConsentInput.optional(),
});

export const updateActorBodySchema = z.strictObject({
  baseVersion: versionSchema,
  ...actorFields,
  category: actorFields.category.optional(),
  name: actorFields.name.optional(),
  languages: actorFields.languages.optional(),
  neighbourhoodIds: actorFields.neighbourhoodIds.optional(),
  isHostPartner: actorFields.isHostPartner.optional(),
  hostedWorkers: actorFields.hostedWorkers.optional(),
  consent: actorConsentInput.optional(),
  active: z.boolean().optional(),
});

export const deactivateBodySchema = optionalBody(z.strictObject({ baseVersion: versionSchema.optional() }));

/** Categories that fit each kind of actor, for forms and for the server's check. */
export const categoriesOf = { organisation: organisationCategories, keyPerson: keyPersonCategories } as const;

const locationInput = z.strictObject({
  id: z.uuid().optional(),
  name: optionalText(200),
  description: optionalText(2000),
  address: optionalText(300),
  city: optionalText(120),
  region: optionalText(120),
  postalCode: optionalText(20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  transportation: optionalText(1000),
  accessibility: optionalText(1000),
});

const scheduleInput = z.strictObject({
  id: z.uuid().optional(),
  /** One of this request's locations (by id), or none for every location. */
  locationId: z.uuid().nullable().optional(),
  /** 1 = Monday … 7 = Sunday; left out for a description only ("sur rendez-vous"). */
  weekday: z.number().int().min(1).max(7).nullable().optional(),
  opensAt: clock.nullable().optional(),
  closesAt: clock.nullable().optional(),
  validFrom: z.iso.date().nullable().optional(),
  validTo: z.iso.date().nullable().optional(),
  description: optionalText(500),
});

const contactInput = z.strictObject({
  id: z.uuid().optional(),
  name: optionalText(200),
  title: optionalText(200),
  department: optionalText(200),
  email: emailSchema,
  phone: phoneSchema,
});

const serviceFields = {
  actorId: z.uuid(),
  name: shortText(200),
  alternateName: optionalText(200),
  description: optionalText(8000),
  url: urlSchema,
  email: emailSchema,
  phone: phoneSchema,
  hsdsStatus: z.enum(hsdsServiceStatuses),
  eligibilityDescription: optionalText(4000),
  minimumAge: z.number().int().min(0).max(130).nullable().optional(),
  maximumAge: z.number().int().min(0).max(130).nullable().optional(),
  audiences: z.array(z.enum(audiences)).max(audiences.length),
  languages: z.array(languageCode).max(30),
  needs: z.array(z.string().trim().min(1).max(60)).max(30),
  interpretationServices: optionalText(1000),
  applicationProcess: optionalText(4000),
  requiredDocuments: z.array(z.string().trim().min(1).max(300)).max(30),
  free: z.boolean().nullable().optional(),
  feesDescription: optionalText(2000),
  waitTime: optionalText(500),
  alert: optionalText(1000),
  locations: z.array(locationInput).max(30),
  schedules: z.array(scheduleInput).max(100),
  contacts: z.array(contactInput).max(30),
  neighbourhoodIds: z.array(z.uuid()).max(100),
};

export const createServiceBodySchema = z.strictObject({
  id: z.uuid().optional(),
  ...serviceFields,
  hsdsStatus: serviceFields.hsdsStatus.default('active'),
  audiences: serviceFields.audiences.default([]),
  languages: serviceFields.languages.default([]),
  needs: serviceFields.needs.default([]),
  requiredDocuments: serviceFields.requiredDocuments.default([]),
  locations: serviceFields.locations.default([]),
  schedules: serviceFields.schedules.default([]),
  contacts: serviceFields.contacts.default([]),
  neighbourhoodIds: serviceFields.neighbourhoodIds.default([]),
  /** The first availability; open when left out. */
  availability: z.enum(availabilities).default('open'),
  expectedWaitDays: z.number().int().min(0).max(3650).nullable().optional(),
});

/** Every field optional; a list given replaces the stored one, a list left out is kept. */
export const updateServiceBodySchema = z.strictObject({
  baseVersion: versionSchema,
  actorId: serviceFields.actorId.optional(),
  name: serviceFields.name.optional(),
  alternateName: serviceFields.alternateName,
  description: serviceFields.description,
  url: serviceFields.url,
  email: serviceFields.email,
  phone: serviceFields.phone,
  hsdsStatus: serviceFields.hsdsStatus.optional(),
  eligibilityDescription: serviceFields.eligibilityDescription,
  minimumAge: serviceFields.minimumAge,
  maximumAge: serviceFields.maximumAge,
  audiences: serviceFields.audiences.optional(),
  languages: serviceFields.languages.optional(),
  needs: serviceFields.needs.optional(),
  interpretationServices: serviceFields.interpretationServices,
  applicationProcess: serviceFields.applicationProcess,
  requiredDocuments: serviceFields.requiredDocuments.optional(),
  free: serviceFields.free,
  feesDescription: serviceFields.feesDescription,
  waitTime: serviceFields.waitTime,
  alert: serviceFields.alert,
  locations: serviceFields.locations.optional(),
  schedules: serviceFields.schedules.optional(),
  contacts: serviceFields.contacts.optional(),
  neighbourhoodIds: serviceFields.neighbourhoodIds.optional(),
});

export const serviceStatusSchema = z.object({
  id: z.uuid(),
  status: z.enum(availabilities),
  expectedWaitDays: z.number().int().nullable(),
  note: z.string().nullable(),
  effectiveAt: z.iso.datetime(),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;
export const serviceStatusListSchema = z.object({ items: z.array(serviceStatusSchema) });

export const newServiceStatusBodySchema = z.strictObject({
  id: z.uuid().optional(),
  status: z.enum(availabilities),
  /** Waiting list only: how many days people wait now. */
  expectedWaitDays: z.number().int().min(0).max(3650).nullable().optional(),
  note: optionalText(1000),
  /** Defaults to now; a date in the past records a change the team heard of late. */
  effectiveAt: instant.optional(),
});

const locationSchema = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  transportation: z.string().nullable(),
  accessibility: z.string().nullable(),
});
const scheduleSchema = z.object({
  id: z.uuid(),
  locationId: z.uuid().nullable(),
  weekday: z.number().int().nullable(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  description: z.string().nullable(),
});
const contactSchema = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const serviceSchema = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(actorKinds) }),
  name: z.string(),
  alternateName: z.string().nullable(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  hsdsStatus: z.enum(hsdsServiceStatuses),
  eligibilityDescription: z.string().nullable(),
  minimumAge: z.number().int().nullable(),
  maximumAge: z.number().int().nullable(),
  audiences: z.array(z.enum(audiences)),
  languages: z.array(z.string()),
  needs: z.array(z.string()),
  interpretationServices: z.string().nullable(),
  applicationProcess: z.string().nullable(),
  requiredDocuments: z.array(z.string()),
  free: z.boolean().nullable(),
  feesDescription: z.string().nullable(),
  waitTime: z.string().nullable(),
  alert: z.string().nullable(),
  availability: z.enum(availabilities),
  availabilitySince: z.iso.datetime(),
  expectedWaitDays: z.number().int().nullable(),
  /** Whether a weekly schedule covers this moment, in the deployment's time zone. */
  openNow: z.boolean(),
  locations: z.array(locationSchema),
  schedules: z.array(scheduleSchema),
  contacts: z.array(contactSchema),
  neighbourhoodIds: z.array(z.uuid()),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Service = z.infer<typeof serviceSchema>;
