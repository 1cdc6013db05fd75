/**
 * People the team helps (personne rejointe), pseudonymous by default. Identity fields (first and
 * last name, phone, email) are accepted only once consent is recorded (date, scope, who recorded
 * it); withdrawing consent erases them and is logged. Every read of a person is audited.
 * Scope and admin rule as in fieldwork.ts: the person's team only; admin reads with
 * `x-access-reason`, writes nothing.
 *
 * | method | path                                | body / query                       | answer                       |
 * | GET    | /api/people                         | ?search&teamId&limit&offset        | { items: PersonSummary[], total } (search: accent/typo tolerant, best first; with search, total = offset + items, plus 1 when more follow) |
 * | POST   | /api/people                         | CreatePerson                       | 201 Person                   |
 * | GET    | /api/people/:id                     |                                    | Person (read audited; a merged id answers the tombstone with mergedIntoId) |
 * | PATCH  | /api/people/:id                     | UpdatePerson (baseVersion)         | Person; 409 stale            |
 * | POST   | /api/people/:id/consent             | RecordConsent (+ identity fields)  | Person                       |
 * | POST   | /api/people/:id/consent/withdraw    | { baseVersion? }                   | Person (identity erased)     |
 * | POST   | /api/people/:id/roles               | AddPersonRole                      | 201 Person                   |
 * | PATCH  | /api/people/:id/roles/:roleId       | UpdatePersonRole (baseVersion)     | Person                       |
 * | POST   | /api/people/:id/merge               | { absorbedId }                     | Person (the survivor)        |
 * | GET    | /api/people/:id/timeline            | ?limit&offset                      | { items: TimelineItem[] }    |
 *
 * Writes: worker, organizer, coordinator of the person's team.
 */
import { z } from 'zod';
import { ageBands, channels, consentScopes, households, personRoleKinds } from '../fieldwork.ts';
import { pageQuery } from './common.ts';
import { optionalBody } from './optional-body.ts';

const dateSchema = z.iso.date();
const instantSchema = z.iso.datetime({ offset: true });
const versionSchema = z.number().int().min(1);

/** What lists, search, my day and the offline cache show: never identity fields. */
export const personSummarySchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  nickname: z.string(),
  ageBand: z.enum(ageBands).nullable(),
  languages: z.array(z.string()),
  identified: z.boolean(),
  lastEncounterAt: z.iso.datetime().nullable(),
  /** Search only: how close the match is (0–1). */
  score: z.number().optional(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

const personRoleSchema = z.object({
  id: z.uuid(),
  role: z.enum(personRoleKinds),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const personSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  nickname: z.string(),
  identity: z
    .object({
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    })
    .nullable(),
  consent: z
    .object({ givenAt: z.iso.datetime(), scope: z.enum(consentScopes), recordedBy: z.uuid().nullable() })
    .nullable(),
  consentWithdrawnAt: z.iso.datetime().nullable(),
  ageBand: z.enum(ageBands).nullable(),
  gender: z.string().nullable(),
  languages: z.array(z.string()),
  household: z.enum(households).nullable(),
  firstContactOn: z.string().nullable(),
  firstContactHow: z.enum(channels).nullable(),
  roles: z.array(personRoleSchema),
  /** Set on a person merged into another: follow the pointer. */
  mergedIntoId: z.uuid().nullable(),
  lastEncounterAt: z.iso.datetime().nullable(),
  encounterCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Person = z.infer<typeof personSchema>;

export const personListSchema = z.object({ items: z.array(personSummarySchema), total: z.number().int() });

export const personListQuerySchema = z.strictObject({
  search: z.string().trim().min(1).max(100).optional(),
  teamId: z.uuid().optional(),
  ...pageQuery,
});

const identityInput = {
  firstName: z.string().trim().min(1).max(120).nullable().optional(),
  lastName: z.string().trim().min(1).max(120).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+().\s-]{4,30}$/)
    .nullable()
    .optional(),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).nullable().optional(),
};

const personFields = {
  nickname: z.string().trim().min(1).max(80),
  ageBand: z.enum(ageBands).nullable().optional(),
  gender: z.string().trim().max(40).nullable().optional(),
  languages: z.array(z.string().trim().min(1).max(40)).max(10),
  household: z.enum(households).nullable().optional(),
  firstContactOn: dateSchema.nullable().optional(),
  firstContactHow: z.enum(channels).nullable().optional(),
};

const consentInputSchema = z.strictObject({
  scope: z.enum(consentScopes),
  /** Defaults to now. */
  givenAt: instantSchema.optional(),
});

export const createPersonBodySchema = z.strictObject({
  id: z.uuid().optional(),
  /** Needed only when the caller belongs to several teams. */
  teamId: z.uuid().optional(),
  ...personFields,
  languages: personFields.languages.default([]),
  /** Identity fields are refused (422) unless consent is given here or was recorded before. */
  consent: consentInputSchema.optional(),
  ...identityInput,
});

export const updatePersonBodySchema = z.strictObject({
  baseVersion: versionSchema,
  ...personFields,
  nickname: personFields.nickname.optional(),
  languages: personFields.languages.optional(),
  ...identityInput,
});

export const recordConsentBodySchema = z.strictObject({
  scope: z.enum(consentScopes),
  givenAt: instantSchema.optional(),
  baseVersion: versionSchema.optional(),
  ...identityInput,
});

export const withdrawConsentBodySchema = optionalBody(z.strictObject({ baseVersion: versionSchema.optional() }));

export const addPersonRoleBodySchema = z.strictObject({
  id: z.uuid().optional(),
  role: z.enum(personRoleKinds),
  startedOn: dateSchema,
  endedOn: dateSchema.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});

export const updatePersonRoleBodySchema = z.strictObject({
  baseVersion: versionSchema,
  endedOn: dateSchema.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});

export const personRoleParamsSchema = z.strictObject({ id: z.uuid(), roleId: z.uuid() });

/** The person of the URL survives; `absorbedId` is tombstoned with a pointer to it. */
export const mergePeopleBodySchema = z.strictObject({ absorbedId: z.uuid() });

/**
 * A person's life with the team, newest first: encounters, roles, referrals and their status
 * changes (`referralStatus`, the referral's id in `summary.referralId`), bridging supports started
 * and ended. Activities join as new `type`s with later issues.
 */
export const timelineTypes = [
  'encounter',
  'roleStarted',
  'roleEnded',
  'referral',
  'referralStatus',
  'bridgingStarted',
  'activity',
  'bridgingEnded',
  'project',
] as const;
const timelineItemSchema = z.object({
  type: z.enum(timelineTypes),
  at: z.string(),
  id: z.uuid(),
  /**
   * For encounters: needs, actions, identification, session; for roles: the role; for referrals:
   * service, needs, slip number, current status; for a status change: status, reason, fromPartner;
   * for an activity session attended: the activity, its kind and the person's role that day; for a
   * community project joined: the project, its stage and the person's role in it.
   */
  summary: z.record(z.string(), z.unknown()),
});
export const timelineSchema = z.object({ items: z.array(timelineItemSchema) });
export const timelineQuerySchema = z.strictObject({ ...pageQuery });
