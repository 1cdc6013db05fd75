/**
 * Offline sync (decision 0009). The web app keeps an outbox of operations in IndexedDB, each with
 * a client-made UUIDv7 `id`, and sends them in order, in batches.
 *
 * | method | path                  | body                  | answer          | who                                  |
 * | POST   | /api/sync             | { items: SyncItem[] } | SyncResponse    | worker, organizer, coordinator       |
 * | GET    | /api/sync/reference   |                       | ReferenceData   | worker, organizer, coordinator       |
 *
 * Every item gets one result, in the order sent (`index` = its position):
 * - `applied`: done now; `version` is the record's new version.
 * - `duplicate`: this operation id was applied before (a batch sent twice changes nothing the
 *   second time); `version` is what it was then.
 * - `invalid`: refused, nothing changed; `error` (code + message fr/en) and `errors` (fields, paths
 *   relative to `payload`) say why. Keep it in the outbox and show it; it can be corrected and
 *   sent again under the same id (only applied operations are remembered).
 * - `conflict`: `baseVersion` is stale; `current` is the record as it is now; nothing overwritten.
 * An item never aborts the others. The whole request fails only when the body is not a batch
 * (400) or the caller may not sync (401/403).
 *
 * `entityId` is the record the operation creates or changes: a new session's, encounter's or
 * person's id for `*.create` / `session.start`, the session for `session.tally` and
 * `session.observe`, the person for `person.addRole`. `payload` is the REST body of the same
 * operation without `id` and `baseVersion` (those come from the envelope):
 *
 * | kind                    | payload schema (fieldwork.ts / people.ts) | baseVersion |
 * | session.start           | createSessionBodySchema                   | —           |
 * | session.update          | updateSessionBodySchema                   | required    |
 * | session.end             | endSessionBodySchema                      | optional    |
 * | session.tally           | tallyIncrementBodySchema                  | —           |
 * | session.observe         | createObservationBodySchema               | —           |
 * | encounter.create        | createEncounterBodySchema                 | —           |
 * | encounter.update        | updateEncounterBodySchema                 | required    |
 * | encounter.attach        | attachEncounterBodySchema                 | required    |
 * | encounter.followUp      | followUpBodySchema                        | optional    |
 * | person.create           | createPersonBodySchema                    | —           |
 * | person.update           | updatePersonBodySchema                    | required    |
 * | person.addRole          | addPersonRoleBodySchema                   | —           |
 * | referral.create         | createReferralBodySchema (referrals.ts)   | —           |
 * | referral.status         | changeReferralStatusBodySchema            | required    |
 * | referral.checkBack      | recordCheckBackBodySchema                 | optional    |
 * | activitySession.save    | syncSessionPayloadSchema (activities.ts)  | to edit     |
 * | timeEntry.create        | syncTimeEntryPayloadSchema (time.ts)      | —           |
 *
 * `referral.create` may name in `encounterId` an encounter created earlier in the same batch; its
 * result carries `data.slipNumber`, the slip number made by the server (print it once online).
 * `activitySession.save` carries a whole session of a collective activity (attendance and head
 * counts), created on first save and replaced from its version after: attendance taken offline.
 *
 * Reference data for the offline cache holds only the caller's teams: taxonomies, their places,
 * their members (for the binôme), and their people as summaries (nickname, age band, languages;
 * never identity fields or notes). Its read is audited.
 */
import { z } from 'zod';
import { teamRefSchema } from './auth.ts';
import { personSummarySchema } from './people.ts';
import { placeSchema } from './places.ts';
import { termSchema } from './taxonomies.ts';

const syncKinds = [
  'session.start',
  'session.update',
  'session.end',
  'session.tally',
  'session.observe',
  'encounter.create',
  'encounter.update',
  'encounter.attach',
  'encounter.followUp',
  'person.create',
  'person.update',
  'person.addRole',
  'referral.create',
  'referral.status',
  'referral.checkBack',
  'activitySession.save',
  'timeEntry.create',
] as const;
export type SyncKind = (typeof syncKinds)[number];

export const syncItemSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(syncKinds),
  entityId: z.uuid(),
  baseVersion: z.number().int().min(1).optional(),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type SyncItem = z.input<typeof syncItemSchema>;

/** Items are checked one by one on the server, so one malformed item cannot sink the batch. */
export const syncBodySchema = z.strictObject({
  items: z.array(z.unknown()).min(1).max(1000),
});

const localized = z.object({ fr: z.string(), en: z.string() });

const syncResultSchema = z.object({
  index: z.number().int(),
  id: z.string().nullable(),
  status: z.enum(['applied', 'duplicate', 'invalid', 'conflict']),
  entityId: z.string().nullable(),
  version: z.number().int().optional(),
  error: z.object({ code: z.string(), message: localized }).optional(),
  errors: z.array(z.object({ path: z.string(), message: localized })).optional(),
  /** On conflict: the record as the server has it now. */
  current: z.unknown().optional(),
  /** What the server made that the phone could not (applied and duplicate): `slipNumber` of a referral. */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type SyncResult = z.infer<typeof syncResultSchema>;

export const syncResponseSchema = z.object({
  results: z.array(syncResultSchema),
  counts: z.object({
    applied: z.number().int(),
    duplicate: z.number().int(),
    invalid: z.number().int(),
    conflict: z.number().int(),
  }),
});

export const referenceDataSchema = z.object({
  generatedAt: z.iso.datetime(),
  teams: z.array(teamRefSchema),
  members: z.array(z.object({ id: z.uuid(), name: z.string(), teamIds: z.array(z.uuid()) })),
  taxonomies: z.array(termSchema),
  places: z.array(placeSchema),
  people: z.array(personSummarySchema),
});
export type ReferenceData = z.infer<typeof referenceDataSchema>;
