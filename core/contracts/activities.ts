/**
 * Collective activities and their sessions (issue 7). Attendance mixes named participants (people
 * of the team, with their role that day) and anonymous head counts by age band. A session's id
 * comes from the device: the same body is sent by the REST route and by the sync
 * (`activitySession.save`), so a session recorded offline lands the same way.
 *
 * | method | path                          | body / query                 | answer                     |
 * | GET    | /api/activities               | ?teamId&includeInactive      | { items: ActivitySummary[] } |
 * | POST   | /api/activities               | CreateActivity               | 201 Activity               |
 * | GET    | /api/activities/:id           |                              | Activity (+ recent sessions) |
 * | PATCH  | /api/activities/:id           | UpdateActivity (baseVersion) | Activity; 409              |
 * | POST   | /api/activities/:id/sessions  | SaveSession (device id)      | 201 new, 200 saved; 409    |
 * | GET    | /api/activity-sessions/:id    |                              | ActivitySession            |
 *
 * Who: the team's workers, organizers and coordinators; an admin reads with a stated reason.
 */
import { z } from 'zod';
import { activityKinds, attendanceRoles, groupTypes, missions } from '../collective.ts';
import { ageBands } from '../fieldwork.ts';

const day = z.iso.date();
const codes = z.array(z.string().trim().min(1).max(60)).max(30);

export const activitySummarySchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  neighbourhoodId: z.uuid().nullable(),
  title: z.string(),
  kind: z.enum(activityKinds),
  groupType: z.enum(groupTypes),
  mission: z.enum(missions).nullable(),
  themes: z.array(z.string()),
  languages: z.array(z.string()),
  placeId: z.uuid().nullable(),
  description: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  active: z.boolean(),
  partners: z.array(z.object({ id: z.uuid(), name: z.string() })),
  sessionCount: z.number().int(),
  lastSessionOn: z.string().nullable(),
  version: z.number().int(),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;

export const attendeeSchema = z.object({
  personId: z.uuid(),
  nickname: z.string(),
  role: z.enum(attendanceRoles),
});

export const headCountsSchema = z.partialRecord(z.enum(ageBands), z.number().int().min(0).max(10_000));

export const activitySessionSchema = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  teamId: z.uuid(),
  onDate: z.string(),
  placeId: z.uuid().nullable(),
  headCounts: headCountsSchema,
  attendees: z.array(attendeeSchema),
  /** Named participants plus the anonymous head counts. */
  total: z.number().int(),
  note: z.string().nullable(),
  version: z.number().int(),
  /** The crisis mobilisation it was run under (contracts/crisis.ts), if any. */
  crisisMobilisationId: z.uuid().nullable().optional(),
});
export type ActivitySession = z.infer<typeof activitySessionSchema>;

export const activitySchema = activitySummarySchema.extend({
  sessions: z.array(activitySessionSchema),
});
export type Activity = z.infer<typeof activitySchema>;

export const activityListSchema = z.object({ items: z.array(activitySummarySchema) });

export const activityListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const createActivityBodySchema = z.strictObject({
  id: z.uuid().optional(),
  teamId: z.uuid().optional(),
  neighbourhoodId: z.uuid().nullable().optional(),
  title: z.string().trim().min(2).max(160),
  kind: z.enum(activityKinds),
  groupType: z.enum(groupTypes).default('open'),
  mission: z.enum(missions).nullable().optional(),
  themes: codes.default([]),
  languages: z.array(z.string().trim().min(2).max(12)).max(12).default([]),
  placeId: z.uuid().nullable().optional(),
  description: z.string().trim().max(4000).nullable().optional(),
  startsOn: day.nullable().optional(),
  endsOn: day.nullable().optional(),
  partnerIds: z.array(z.uuid()).max(50).default([]),
});

export const updateActivityBodySchema = createActivityBodySchema
  .omit({ id: true, teamId: true })
  .partial()
  .extend({ active: z.boolean().optional(), baseVersion: z.number().int().min(1) });

/** A whole session as the phone keeps it: saved again whole after each change. */
export const saveSessionBodySchema = z.strictObject({
  id: z.uuid(),
  /** Absent for a new session; the version the device edited otherwise. */
  baseVersion: z.number().int().min(1).optional(),
  onDate: day,
  placeId: z.uuid().nullable().optional(),
  headCounts: headCountsSchema.default({}),
  attendees: z
    .array(z.strictObject({ personId: z.uuid(), role: z.enum(attendanceRoles).default('participant') }))
    .max(500)
    .default([]),
  note: z.string().trim().max(2000).nullable().optional(),
});

/** The sync's `activitySession.save`: the session body, its activity; id and version ride in the envelope. */
export const syncSessionPayloadSchema = saveSessionBodySchema.omit({ id: true }).extend({ activityId: z.uuid() });
