/**
 * Referrals (orientations) followed to an outcome, check-backs, bridging support (suivi-pont) and
 * what the team learns from them. Lifecycle and lists: core/referrals.ts. Decision 0014.
 *
 * Scope as field work (fieldwork.ts): a referral and a bridging support belong to one team; its
 * members (worker, organizer, coordinator) read and write them; anyone else gets 404. Admins write
 * nothing and read only with an `x-access-reason` header (403 `reason_required` without it).
 * Reads of a referral or support linked to a person are audited. Versioned writes send
 * `baseVersion`; a stale one answers 409 `version_conflict` with `current`.
 *
 * | method | path                                   | body / query                      | answer                         | who |
 * | GET    | /api/referrals                         | ReferralListQuery                 | { items: ReferralListItem[], total } | members; admin with reason |
 * | POST   | /api/referrals                         | CreateReferral                    | 201 Referral (slipNumber made here) | members |
 * | GET    | /api/referrals/:id                     |                                   | Referral (with events; read audited) | members; admin with reason |
 * | PATCH  | /api/referrals/:id                     | UpdateReferral (baseVersion)      | Referral; 409                  | members |
 * | POST   | /api/referrals/:id/status              | ChangeReferralStatus (baseVersion)| Referral; 409; 422 `reason`    | members |
 * | POST   | /api/referrals/:id/check-backs         | RecordCheckBack (baseVersion?)    | Referral; 409                  | members |
 * | POST   | /api/referrals/:id/notes               | AddReferralNote                   | Referral                       | members |
 * | GET    | /api/referrals/:id/slip                |                                   | ReferralSlip (read audited)    | members |
 * | GET    | /api/referral-stats: see ./referral-stats.ts                                                                   |
 * | GET    | /api/referral-settings                 |                                   | ReferralSettings               | signed in |
 * | PATCH  | /api/referral-settings                 | UpdateReferralSettings            | ReferralSettings               | coordinator, admin |
 * | GET    | /api/bridging-supports                 | BridgingListQuery                 | { items: BridgingSupportItem[], total } | members; admin with reason |
 * | POST   | /api/bridging-supports                 | CreateBridgingSupport             | 201 BridgingSupport            | members |
 * | GET    | /api/bridging-supports/:id             |                                   | BridgingSupport (with contacts; read audited) | members; admin with reason |
 * | PATCH  | /api/bridging-supports/:id             | UpdateBridgingSupport (baseVersion; endedOn ends it) | BridgingSupport; 409 | members |
 * | POST   | /api/bridging-supports/:id/contacts    | AddBridgingContact                | 201 BridgingSupport            | members |
 *
 * "members" = worker, organizer, coordinator of the record's team.
 * Check-backs due also appear in GET /api/my-day (`checkBacks`, fieldwork.ts), and referrals in a
 * person's timeline. Offline: sync kinds `referral.create`, `referral.status`, `referral.checkBack`
 * (sync.ts); the created referral's slip number comes back in the result's `data.slipNumber`.
 */
import { z } from 'zod';
import { bothLanguages } from '../localized.ts';
import { bridgingContactKinds, referralFailureReasons, referralSharedItems, referralStatuses } from '../referrals.ts';
import { pageQuery } from './common.ts';
import { optionalBody } from './optional-body.ts';
import { termCodeSchema } from './taxonomies.ts';

export const dateSchema = z.iso.date();
const instantSchema = z.iso.datetime({ offset: true });
const versionSchema = z.number().int().min(1);
export const localizedSchema = z.object({ fr: z.string(), en: z.string() });
export const availabilitySchema = z.enum(['open', 'waitingList', 'closedToNew', 'temporarilyClosed']);

/**
 * A slip number as Relais makes them: "R-7K4Q-2M" (no 0/O/1/I, no personal data). A search by
 * slip number forgives case and spaces, and takes any number kept (imported or older ones too).
 */
const slipNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,29}$/);

// ---- referrals ----

const referralEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['status', 'checkBack', 'note']),
  /** For kind `status`: the status moved to. */
  status: z.enum(referralStatuses).nullable(),
  reason: z.enum(referralFailureReasons).nullable(),
  note: z.string().nullable(),
  /** The partner's answer, recorded by the worker (the partner does not use Relais). */
  fromPartner: z.boolean(),
  occurredAt: z.iso.datetime(),
  /** null: recorded by Relais itself (expiry). */
  recordedBy: z.uuid().nullable(),
  recordedByName: z.string().nullable(),
});
export type ReferralEvent = z.infer<typeof referralEventSchema>;

/** What lists, my day and the timeline show. Never identity fields: the person by nickname only. */
const referralListItemSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  slipNumber: z.string(),
  /** null: an anonymous contact, known by the slip number. */
  person: z.object({ id: z.uuid(), nickname: z.string() }).nullable(),
  encounterId: z.uuid().nullable(),
  service: z.object({
    id: z.uuid(),
    name: z.string(),
    organisationName: z.string(),
    availability: availabilitySchema,
  }),
  /** Need taxonomy codes. */
  needs: z.array(z.string()),
  /** What the person agreed may be passed on to the service. */
  sharedItems: z.array(z.enum(referralSharedItems)),
  status: z.enum(referralStatuses),
  failureReason: z.enum(referralFailureReasons).nullable(),
  referredAt: z.iso.datetime(),
  statusChangedAt: z.iso.datetime(),
  connectedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  /** The latest event of any kind (status, check-back, note). */
  lastFollowedAt: z.iso.datetime(),
  /** The check-back this open referral is due for now, or null (core/referrals.ts dueCheckBack). */
  checkBackDue: z.object({ day: z.number().int(), dueAt: z.iso.datetime() }).nullable(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ReferralListItem = z.infer<typeof referralListItemSchema>;

/** One referral with every change, oldest first. */
export const referralSchema = referralListItemSchema.extend({ events: z.array(referralEventSchema) });
export type Referral = z.infer<typeof referralSchema>;

export const referralListSchema = z.object({ items: z.array(referralListItemSchema), total: z.number().int() });

export const referralListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  personId: z.uuid().optional(),
  serviceId: z.uuid().optional(),
  encounterId: z.uuid().optional(),
  /** `open` = proposed, sent, accepted; `closed` = the others; or one status. */
  status: z.enum(['open', 'closed', ...referralStatuses]).optional(),
  /** Only the ones due for a check-back now. */
  checkBackDue: z.enum(['true', 'false']).optional(),
  /** Only the caller's own. */
  mine: z.enum(['true', 'false']).optional(),
  /** A partner calls about a slip: find it. */
  slipNumber: slipNumberSchema.optional(),
  /** referredAt from / to (dates, inclusive). */
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  ...pageQuery,
});

export const createReferralBodySchema = z.strictObject({
  id: z.uuid().optional(),
  /** Needed only when the caller belongs to several teams and no encounter or person gives it. */
  teamId: z.uuid().optional(),
  /** Leave out for an anonymous contact. With an encounter, the encounter's person is used. */
  personId: z.uuid().nullable().optional(),
  /** The encounter it was made during (same team). */
  encounterId: z.uuid().nullable().optional(),
  serviceId: z.uuid(),
  /** Need taxonomy codes (active terms), one at least. */
  needs: z.array(termCodeSchema).min(1).max(10),
  /** Consent scope: what the person agreed to share. `name` and `phone` need a person with consent. */
  sharedItems: z.array(z.enum(referralSharedItems)).max(referralSharedItems.length).default([]),
  status: z.enum(['proposed', 'sent']).default('proposed'),
  /** Defaults to now; a referral made yesterday may be logged today, never in the future. */
  referredAt: instantSchema.optional(),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type CreateReferralBody = z.input<typeof createReferralBodySchema>;

export const updateReferralBodySchema = z.strictObject({
  baseVersion: versionSchema,
  needs: z.array(termCodeSchema).min(1).max(10).optional(),
  sharedItems: z.array(z.enum(referralSharedItems)).max(referralSharedItems.length).optional(),
});

/** A move of core/referrals.ts referralTransitions; `refused` and `failed` need `reason`. */
export const changeReferralStatusBodySchema = z.strictObject({
  baseVersion: versionSchema,
  status: z.enum(referralStatuses).exclude(['expired']),
  reason: z.enum(referralFailureReasons).optional(),
  note: z.string().trim().min(1).max(2000).optional(),
  /** The partner said so (phone call, email): recorded by the worker. */
  fromPartner: z.boolean().default(false),
  /** When it happened (the partner called yesterday); defaults to now, never in the future. */
  occurredAt: instantSchema.optional(),
});
export type ChangeReferralStatusBody = z.input<typeof changeReferralStatusBodySchema>;

/** "I called, no news yet": clears the check-back due until the next step. */
export const recordCheckBackBodySchema = optionalBody(
  z.strictObject({
    baseVersion: versionSchema.optional(),
    note: z.string().trim().min(1).max(2000).optional(),
    fromPartner: z.boolean().default(false),
    occurredAt: instantSchema.optional(),
  }),
);

export const addReferralNoteBodySchema = z.strictObject({
  note: z.string().trim().min(1).max(2000),
  fromPartner: z.boolean().default(false),
  occurredAt: instantSchema.optional(),
});

// ---- printable slip ----

/**
 * What the web app prints for the person to bring to the partner. The person's name and phone are
 * here only when `sharedItems` includes them AND the person's consent allows it (name: consent to
 * identity; phone: consent to contact); otherwise null.
 */
export const referralSlipSchema = z.object({
  referralId: z.uuid(),
  slipNumber: z.string(),
  referredAt: z.iso.datetime(),
  status: z.enum(referralStatuses),
  service: z.object({
    id: z.uuid(),
    name: z.string(),
    organisationName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    url: z.string().nullable(),
    applicationProcess: z.string().nullable(),
    requiredDocuments: z.array(z.string()),
    locations: z.array(
      z.object({
        name: z.string().nullable(),
        address: z.string().nullable(),
        city: z.string().nullable(),
        postalCode: z.string().nullable(),
      }),
    ),
    /** Weekly hours: weekday 1 = Monday … 7 = Sunday; "HH:MM"; a row with no weekday is a description only. */
    hours: z.array(
      z.object({
        weekday: z.number().int().nullable(),
        opensAt: z.string().nullable(),
        closesAt: z.string().nullable(),
        description: z.string().nullable(),
      }),
    ),
  }),
  needs: z.array(z.object({ code: z.string(), label: localizedSchema })),
  /** The worker who made the referral: first name only. */
  worker: z.object({ firstName: z.string() }).nullable(),
  /** The team, and a phone to reach the worker (their host partner's, when they have one). */
  team: z.object({ name: z.string(), phone: z.string().nullable() }),
  sharedItems: z.array(z.enum(referralSharedItems)),
  person: z.object({ name: z.string().nullable(), phone: z.string().nullable() }),
});
export type ReferralSlip = z.infer<typeof referralSlipSchema>;

// ---- check-backs (in my day) ----

export const checkBackItemSchema = z.object({
  /** Which check-back: 7, 30… days after the referral (settings). */
  day: z.number().int(),
  dueAt: z.iso.datetime(),
  referral: referralListItemSchema,
});
export type CheckBackItem = z.infer<typeof checkBackItemSchema>;

// ---- settings ----

export const referralSettingsSchema = z.object({
  /** Days after the referral when the worker is asked to check back (default [7, 30]). */
  checkBackDays: z.array(z.number().int()),
  /** An open referral with no event for this many days becomes `expired` (default 60). */
  expireAfterDays: z.number().int(),
});
export type ReferralSettings = z.infer<typeof referralSettingsSchema>;

export const updateReferralSettingsBodySchema = z.strictObject({
  checkBackDays: z
    .array(z.number().int().min(1).max(365))
    .min(1)
    .max(6)
    .refine(
      (days) => new Set(days).size === days.length,
      bothLanguages('Chaque jour une seule fois.', 'Each day once.'),
    )
    .optional(),
  expireAfterDays: z.number().int().min(7).max(730).optional(),
});

// ---- bridging support (suivi-pont) ----

const bridgingContactSchema = z.object({
  id: z.uuid(),
  kind: z.enum(bridgingContactKinds),
  occurredAt: z.iso.datetime(),
  durationMinutes: z.number().int().nullable(),
  note: z.string().nullable(),
  recordedBy: z.uuid().nullable(),
});

const bridgingSupportItemSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  person: z.object({ id: z.uuid(), nickname: z.string() }).nullable(),
  /** The referral it bridges to, with its service's name and status. */
  referral: z
    .object({ id: z.uuid(), slipNumber: z.string(), serviceName: z.string(), status: z.enum(referralStatuses) })
    .nullable(),
  purpose: z.string().nullable(),
  startedOn: z.string(),
  plannedEndOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  /** Not ended yet. */
  active: z.boolean(),
  contactCount: z.number().int(),
  totalMinutes: z.number().int(),
  lastContactAt: z.iso.datetime().nullable(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type BridgingSupportItem = z.infer<typeof bridgingSupportItemSchema>;

/** With its contacts, newest first. */
export const bridgingSupportSchema = bridgingSupportItemSchema.extend({ contacts: z.array(bridgingContactSchema) });
export type BridgingSupport = z.infer<typeof bridgingSupportSchema>;

export const bridgingListSchema = z.object({ items: z.array(bridgingSupportItemSchema), total: z.number().int() });

export const bridgingListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  personId: z.uuid().optional(),
  referralId: z.uuid().optional(),
  /** `true`: not ended; `false`: ended. */
  active: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});

export const createBridgingSupportBodySchema = z.strictObject({
  id: z.uuid().optional(),
  teamId: z.uuid().optional(),
  /** A person, a referral, or both (with a referral, its person is used). */
  personId: z.uuid().nullable().optional(),
  referralId: z.uuid().nullable().optional(),
  purpose: z.string().trim().min(1).max(500).nullable().optional(),
  /** Defaults to today. */
  startedOn: dateSchema.optional(),
  plannedEndOn: dateSchema.nullable().optional(),
});

export const updateBridgingSupportBodySchema = z.strictObject({
  baseVersion: versionSchema,
  purpose: z.string().trim().min(1).max(500).nullable().optional(),
  startedOn: dateSchema.optional(),
  plannedEndOn: dateSchema.nullable().optional(),
  /** Ends the support (null reopens it). */
  endedOn: dateSchema.nullable().optional(),
});

export const addBridgingContactBodySchema = z.strictObject({
  id: z.uuid().optional(),
  kind: z.enum(bridgingContactKinds),
  /** Defaults to now, never in the future. */
  occurredAt: instantSchema.optional(),
  durationMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  note: z.string().trim().min(1).max(2000).nullable().optional(),
});
