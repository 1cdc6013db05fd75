/**
 * Field work: outreach sessions (aller-vers), encounters, and the worker's day.
 *
 * Scope: every record belongs to one team. Members of that team (worker, organizer, coordinator)
 * read and write it; anyone else gets 404. Admins write nothing here and read only with an
 * `x-access-reason` header (URL-encoded text): without it 403 `reason_required`; with it the read
 * is allowed across teams and the reason is kept in the audit log.
 * Mutable records carry `version`; an update sends `baseVersion` and a stale one answers 409
 * `version_conflict` with `current` (the record as it is now), nothing overwritten.
 * Ids may be made by the client (UUIDv7), so an offline creation keeps its id.
 *
 * | method | path                                  | body / query                         | answer                     |
 * | GET    | /api/sessions                         | ?teamId&from&to&status&limit&offset  | { items: Session[], total }|
 * | POST   | /api/sessions                         | CreateSession (starts now by default)| 201 Session                |
 * | GET    | /api/sessions/:id                     |                                      | SessionDetail              |
 * | PATCH  | /api/sessions/:id                     | UpdateSession (baseVersion)          | Session; 409               |
 * | POST   | /api/sessions/:id/end                 | EndSession (baseVersion optional)    | Session; 409               |
 * | POST   | /api/sessions/:id/tallies             | TallyIncrement {kind, delta}         | Session (counts added)     |
 * | POST   | /api/sessions/:id/observations        | CreateObservation                    | 201 Observation            |
 * | GET    | /api/encounters                       | ?personId&sessionId&from&to&mine     | { items: Encounter[], total}|
 * | POST   | /api/encounters                       | CreateEncounter                      | 201 Encounter              |
 * | GET    | /api/encounters/:id                   |                                      | Encounter (no note text)   |
 * | PATCH  | /api/encounters/:id                   | UpdateEncounter (baseVersion)        | Encounter; 409             |
 * | POST   | /api/encounters/:id/attach            | AttachEncounter {personId, baseVersion} | Encounter; 409          |
 * | POST   | /api/encounters/:id/follow-up         | FollowUpDone {done, baseVersion?}    | Encounter                  |
 * | GET    | /api/encounters/:id/note              |                                      | EncounterNote (read audited)|
 * | GET    | /api/my-day                           | ?date=YYYY-MM-DD (caller's local day)| MyDay                      |
 *
 * Writes: worker, organizer, coordinator of the record's team. Reads: same, plus admin with reason.
 * GET /api/my-day: worker, organizer, coordinator (it is about the caller's own work).
 */
import { z } from 'zod';
import { ageBands, channels, identificationLevels, initiators, sessionKinds } from '../fieldwork.ts';
import { pageQuery } from './common.ts';
import { crisisReminderSchema } from './crisis.ts';
import { optionalBody } from './optional-body.ts';
import { personSummarySchema } from './people.ts';
import { zoneSchema } from './places.ts';
import { checkBackItemSchema } from './referrals.ts';
import { termCodeSchema } from './taxonomies.ts';

const dateSchema = z.iso.date();
const instantSchema = z.iso.datetime({ offset: true });
const versionSchema = z.number().int().min(1);

// ---- outreach sessions ----

const tallySchema = z.object({ kind: z.string(), count: z.number().int() });

export const sessionSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  kind: z.enum(sessionKinds),
  onDate: z.string(),
  startedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  status: z.enum(['planned', 'running', 'ended']),
  placeId: z.uuid().nullable(),
  zone: z.string().nullable(),
  memberIds: z.array(z.uuid()),
  tallies: z.array(tallySchema),
  encounterCount: z.number().int(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Session = z.infer<typeof sessionSchema>;

export const observationSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  body: z.string(),
  themes: z.array(z.string()),
  recordedBy: z.uuid().nullable(),
  recordedAt: z.iso.datetime(),
});
export type Observation = z.infer<typeof observationSchema>;

export const sessionDetailSchema = sessionSchema.extend({ observations: z.array(observationSchema) });

export const sessionListSchema = z.object({ items: z.array(sessionSchema), total: z.number().int() });

export const sessionListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  status: z.enum(['planned', 'running', 'ended']).optional(),
  ...pageQuery,
});

export const createSessionBodySchema = z.strictObject({
  id: z.uuid().optional(),
  /** Needed only when the caller belongs to several teams. */
  teamId: z.uuid().optional(),
  kind: z.enum(sessionKinds),
  /** `running` (the default) starts it at `startedAt` or now; `planned` only books the day. */
  status: z.enum(['planned', 'running']).default('running'),
  onDate: dateSchema.optional(),
  startedAt: instantSchema.optional(),
  placeId: z.uuid().nullable().optional(),
  zone: zoneSchema.nullable().optional(),
  /** The binôme: team members present. The caller is always added. */
  memberIds: z.array(z.uuid()).max(10).default([]),
});

export const updateSessionBodySchema = z.strictObject({
  baseVersion: versionSchema,
  kind: z.enum(sessionKinds).optional(),
  onDate: dateSchema.optional(),
  startedAt: instantSchema.nullable().optional(),
  endedAt: instantSchema.nullable().optional(),
  placeId: z.uuid().nullable().optional(),
  zone: zoneSchema.nullable().optional(),
  memberIds: z.array(z.uuid()).max(10).optional(),
});

/** The body may be left out (a POST with nothing to say). */
export const endSessionBodySchema = optionalBody(
  z.strictObject({
    /** Optional: ending twice is harmless, so an offline "end" needs no version. */
    baseVersion: versionSchema.optional(),
    endedAt: instantSchema.optional(),
  }),
);

/** Counts only grow by increments: two phones adding offline add up. A negative delta corrects. */
export const tallyIncrementBodySchema = z.strictObject({
  kind: termCodeSchema,
  delta: z
    .number()
    .int()
    .min(-100)
    .max(100)
    .refine((n) => n !== 0),
});

export const createObservationBodySchema = z.strictObject({
  id: z.uuid().optional(),
  body: z.string().trim().min(1).max(4000),
  themes: z.array(termCodeSchema).max(10).default([]),
  recordedAt: instantSchema.optional(),
});

// ---- encounters ----

const nonRecoursSchema = z.strictObject({
  /** Which right or service is not used (taxonomy `right`). */
  right: termCodeSchema,
  /** Why (taxonomy `barrier`: unaware, complexity, distrust, language, digital, fear, cost, other). */
  barrier: termCodeSchema,
  detail: z.string().trim().max(200).optional(),
});

export const encounterSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  sessionId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
  occurredAt: z.iso.datetime(),
  placeId: z.uuid().nullable(),
  zone: z.string().nullable(),
  initiator: z.enum(initiators).nullable(),
  channel: z.enum(channels).nullable(),
  identification: z.enum(identificationLevels),
  ageBand: z.enum(ageBands).nullable(),
  gender: z.string().nullable(),
  language: z.string().nullable(),
  needs: z.array(z.string()),
  actions: z.array(z.string()),
  nonRecours: z.array(z.object({ right: z.string(), barrier: z.string(), detail: z.string().optional() })),
  durationMinutes: z.number().int().nullable(),
  followUpOn: z.string().nullable(),
  followUpWhat: z.string().nullable(),
  followUpDoneAt: z.iso.datetime().nullable(),
  /** The note's text is never here: GET /api/encounters/:id/note reads it (and is audited). */
  hasNote: z.boolean(),
  createdBy: z.uuid().nullable(),
  /** The crisis mobilisation it was logged under (contracts/crisis.ts), if any. */
  crisisMobilisationId: z.uuid().nullable().optional(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Encounter = z.infer<typeof encounterSchema>;

export const encounterListSchema = z.object({ items: z.array(encounterSchema), total: z.number().int() });

export const encounterListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  personId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  mine: z.enum(['true', 'false']).optional(),
  identification: z.enum(identificationLevels).optional(),
  ...pageQuery,
});

const encounterFields = {
  sessionId: z.uuid().nullable().optional(),
  placeId: z.uuid().nullable().optional(),
  zone: zoneSchema.nullable().optional(),
  initiator: z.enum(initiators).nullable().optional(),
  channel: z.enum(channels).nullable().optional(),
  /** Anonymous descriptors, all optional: age band, gender as said, language. */
  ageBand: z.enum(ageBands).nullable().optional(),
  gender: z.string().trim().max(40).nullable().optional(),
  language: z.string().trim().max(40).nullable().optional(),
  needs: z.array(termCodeSchema).max(20),
  actions: z.array(termCodeSchema).max(20),
  nonRecours: z.array(nonRecoursSchema).max(10),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable()
    .optional(),
  followUpOn: dateSchema.nullable().optional(),
  followUpWhat: z.string().trim().max(200).nullable().optional(),
  /** Confidential, team only. */
  note: z.string().trim().max(5000).nullable().optional(),
};

export const createEncounterBodySchema = z.strictObject({
  id: z.uuid().optional(),
  /** Needed only when the caller belongs to several teams and no session gives it. */
  teamId: z.uuid().optional(),
  personId: z.uuid().nullable().optional(),
  /** Defaults to anonymous without a person, pseudonymous with one. */
  identification: z.enum(identificationLevels).optional(),
  /** Defaults to now. */
  occurredAt: instantSchema.optional(),
  ...encounterFields,
  needs: encounterFields.needs.default([]),
  actions: encounterFields.actions.default([]),
  nonRecours: encounterFields.nonRecours.default([]),
});
export type CreateEncounterBody = z.input<typeof createEncounterBodySchema>;

export const updateEncounterBodySchema = z.strictObject({
  baseVersion: versionSchema,
  occurredAt: instantSchema.optional(),
  identification: z.enum(identificationLevels).optional(),
  ...encounterFields,
  needs: encounterFields.needs.optional(),
  actions: encounterFields.actions.optional(),
  nonRecours: encounterFields.nonRecours.optional(),
});

/** A past anonymous contact turns out to be someone the team knows. */
export const attachEncounterBodySchema = z.strictObject({
  personId: z.uuid(),
  baseVersion: versionSchema,
});

export const followUpBodySchema = optionalBody(
  z.strictObject({
    done: z.boolean().default(true),
    baseVersion: versionSchema.optional(),
  }),
);

export const encounterNoteSchema = z.object({
  encounterId: z.uuid(),
  body: z.string().nullable(),
  writtenBy: z.uuid().nullable(),
  updatedAt: z.iso.datetime().nullable(),
});

// ---- my day ----

export const myDayQuerySchema = z.strictObject({ date: dateSchema.optional() });

const followUpItemSchema = z.object({
  state: z.enum(['overdue', 'dueToday']),
  encounter: encounterSchema,
});

export const myDaySchema = z.object({
  date: z.string(),
  /** Sessions of the day for the caller's teams, the caller's own first; the running one is `running`. */
  sessions: z.array(sessionSchema),
  /** Follow-ups the caller planned, due today or overdue, oldest first. */
  followUps: z.array(followUpItemSchema),
  /** The caller's last encounters (7 days). */
  recentEncounters: z.array(encounterSchema),
  /** People the caller or their team met recently, most recent first: quick contact. */
  recentPeople: z.array(personSummarySchema),
  /**
   * Open referrals the caller made that are due for a check-back (day 7, 30… — settings), oldest
   * due first; each stays until a check-back, a status change or a note is recorded (referrals.ts).
   */
  checkBacks: z.array(checkBackItemSchema),
  /** The caller's crisis mobilisations (all of the team's, for its coordinator) ending within 7 days or past. */
  crisisReminders: z.array(crisisReminderSchema),
});
export type MyDay = z.infer<typeof myDaySchema>;
