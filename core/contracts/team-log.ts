/**
 * The daily team log (issue 7, point 5): one page per team and day, shared by the binôme —
 * highlights, difficulties, and what to pass on to whoever works next. It stays open to changes
 * while its day lasts (a day either side, for time zones); a stale version gets 409 and the page
 * as it is now. Decision 0023: it links no person; it is the team's internal notebook.
 *
 * | method | path                        | body / query                 | answer                        |
 * | GET    | /api/team-log               | ?teamId&days (14)            | { teamId, items: TeamLogDay[] } |
 * | PUT    | /api/team-log/days/:onDate  | SaveTeamLogDay (baseVersion) | 201 new, 200 changed; 409     |
 *
 * Who: the team's workers, organizers and coordinators; an admin reads with a stated reason.
 */
import { z } from 'zod';

const text = z.string().trim().max(4000);

export const teamLogDaySchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  onDate: z.string(),
  highlights: z.string(),
  difficulties: z.string(),
  toPassOn: z.string(),
  /** Everyone who wrote in it that day, in the order they first did. */
  authors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TeamLogDay = z.infer<typeof teamLogDaySchema>;

export const teamLogSchema = z.object({ teamId: z.uuid(), items: z.array(teamLogDaySchema) });
export type TeamLog = z.infer<typeof teamLogSchema>;

export const teamLogQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  days: z.coerce.number().int().min(1).max(90).default(14),
});

export const teamLogDayParamsSchema = z.strictObject({ onDate: z.iso.date() });

export const saveTeamLogDayBodySchema = z.strictObject({
  teamId: z.uuid().optional(),
  /** Absent for the day's first save; the version the page was edited from after. */
  baseVersion: z.number().int().min(1).optional(),
  highlights: text.default(''),
  difficulties: text.default(''),
  toPassOn: text.default(''),
});
