/**
 * Partner committees (issue 7): a team's concertation tables and codéveloppement groups. Members are
 * actors of the directory (partners, never people); meetings keep an agenda, minutes, situations
 * discussed as anonymous cases, decisions and follow-ups. No nominative data: every text of a
 * meeting is checked against the names, nicknames and phone numbers of the team's known people
 * before it is saved (core/nominative.ts); a match answers 422 `nominative_data`, one field per match.
 *
 * | method | path                                | body / query             | answer                    |
 * | GET    | /api/committees                     | ?teamId&includeInactive  | { items: CommitteeSummary[] } |
 * | POST   | /api/committees                     | CreateCommittee          | 201 Committee             |
 * | GET    | /api/committees/:id                 |                          | Committee (members, meetings) |
 * | PATCH  | /api/committees/:id                 | UpdateCommittee          | Committee; 409 stale      |
 * | POST   | /api/committees/:id/meetings        | MeetingBody              | 201 Meeting; 422 names    |
 * | GET    | /api/committee-meetings/:id         |                          | Meeting                   |
 * | PATCH  | /api/committee-meetings/:id         | MeetingBody + baseVersion| Meeting; 409; 422 names   |
 * | POST   | /api/committee-meetings/check       | { teamId?, texts }       | { matches }               |
 *
 * Who: the team's workers, organizers and coordinators; an admin reads with a stated reason.
 */
import { z } from 'zod';

const shortText = z.string().trim().min(1).max(300);
const longText = z.string().trim().max(20_000);
const day = z.iso.date();

export const committeeMemberSchema = z.object({
  actorId: z.uuid(),
  actorName: z.string(),
  role: z.string().nullable(),
  since: z.string().nullable(),
  until: z.string().nullable(),
});

export const committeeMemberInputSchema = z.strictObject({
  actorId: z.uuid(),
  role: z.string().trim().min(1).max(120).nullable().optional(),
  since: day.nullable().optional(),
  until: day.nullable().optional(),
});

/** A situation discussed without naming anyone: its themes and needs, what was said and proposed. */
export const situationSchema = z.strictObject({
  themes: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  needs: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  summary: longText,
  proposed: longText.default(''),
});

export const decisionSchema = z.strictObject({ text: z.string().trim().min(1).max(2000) });

export const followUpSchema = z.strictObject({
  what: z.string().trim().min(1).max(1000),
  /** A partner who carries it (an actor), never a person. */
  actorId: z.uuid().nullable().optional(),
  dueOn: day.nullable().optional(),
  doneOn: day.nullable().optional(),
});

export const meetingBodySchema = z.strictObject({
  heldOn: day,
  agenda: z.array(shortText).max(40).default([]),
  minutes: longText.default(''),
  situations: z.array(situationSchema).max(40).default([]),
  decisions: z.array(decisionSchema).max(60).default([]),
  followUps: z.array(followUpSchema).max(60).default([]),
  /**
   * Words flagged as a known name that are not about anyone here ("côté", "rose"): the author
   * confirms them one by one. Only how many were confirmed is kept (in the audit log), not the words.
   */
  confirmedNotNames: z.array(z.string().trim().min(1).max(120)).max(40).default([]),
});

export const updateMeetingBodySchema = meetingBodySchema.partial().extend({ baseVersion: z.number().int().min(1) });

export const meetingSchema = z.object({
  id: z.uuid(),
  committeeId: z.uuid(),
  teamId: z.uuid(),
  heldOn: z.string(),
  agenda: z.array(z.string()),
  minutes: z.string(),
  situations: z.array(
    z.object({ themes: z.array(z.string()), needs: z.array(z.string()), summary: z.string(), proposed: z.string() }),
  ),
  decisions: z.array(z.object({ text: z.string() })),
  followUps: z.array(
    z.object({
      what: z.string(),
      actorId: z.string().nullable(),
      dueOn: z.string().nullable(),
      doneOn: z.string().nullable(),
    }),
  ),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const committeeSummarySchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  name: z.string(),
  purpose: z.string().nullable(),
  neighbourhoodId: z.uuid().nullable(),
  active: z.boolean(),
  memberCount: z.number().int(),
  lastMeetingOn: z.string().nullable(),
  openFollowUps: z.number().int(),
  version: z.number().int(),
});
export type CommitteeSummary = z.infer<typeof committeeSummarySchema>;

export const committeeSchema = committeeSummarySchema.extend({
  members: z.array(committeeMemberSchema),
  meetings: z.array(meetingSchema.pick({ id: true, heldOn: true, version: true })),
});
export type Committee = z.infer<typeof committeeSchema>;

export const committeeListSchema = z.object({ items: z.array(committeeSummarySchema) });

export const committeeListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const createCommitteeBodySchema = z.strictObject({
  id: z.uuid().optional(),
  teamId: z.uuid().optional(),
  name: z.string().trim().min(2).max(160),
  purpose: z.string().trim().max(2000).nullable().optional(),
  neighbourhoodId: z.uuid().nullable().optional(),
  members: z.array(committeeMemberInputSchema).max(200).default([]),
});

export const updateCommitteeBodySchema = createCommitteeBodySchema
  .omit({ id: true, teamId: true })
  .partial()
  .extend({ active: z.boolean().optional(), baseVersion: z.number().int().min(1) });

export const nominativeCheckBodySchema = z.strictObject({
  teamId: z.uuid().optional(),
  texts: z.array(z.strictObject({ path: z.string().min(1).max(120), text: z.string().max(20_000) })).max(200),
});

export const nominativeCheckSchema = z.object({
  matches: z.array(
    z.object({
      path: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      found: z.string(),
      kind: z.enum(['name', 'nickname', 'phone']),
    }),
  ),
});
