/**
 * Community projects (issue 7): an issue the neighbourhood lives (linked need signals and diagnostic
 * priorities), carried through stages with citizens and partners until the citizens own it. Stage
 * moves and ownership changes are dated history; milestones are dated per stage; the journal keeps
 * notes and decisions, checked like committee minutes so that no text names a known person.
 *
 * | method | path                                   | body / query                        | answer                  |
 * | GET    | /api/projects                          | ?teamId&neighbourhoodId&stage&status | { items: ProjectSummary[] } |
 * | POST   | /api/projects                          | CreateProject                       | 201 Project             |
 * | GET    | /api/projects/:id                      |                                     | Project (read logged)   |
 * | PATCH  | /api/projects/:id                      | UpdateProject (baseVersion)         | Project; 409            |
 * | POST   | /api/projects/:id/stage                | { baseVersion, stage, onDate, note } | Project; 409           |
 * | POST   | /api/projects/:id/ownership            | { baseVersion, level, onDate, note } | Project; 409           |
 * | POST   | /api/projects/:id/milestones           | Milestone                           | 201 Project             |
 * | PATCH  | /api/projects/:id/milestones/:itemId   | Milestone fields                    | Project                 |
 * | POST   | /api/projects/:id/journal              | JournalEntry + confirmedNotNames     | 201 Project; 422 names  |
 *
 * Who: the team's workers, organizers and coordinators; an admin reads with a stated reason.
 */
import { z } from 'zod';
import {
  actorProjectRoles,
  citizenProjectRoles,
  ownershipLevels,
  projectApproaches,
  projectJournalKinds,
  projectStages,
  projectStatuses,
} from '../collective.ts';
import { bothLanguages } from '../localized.ts';

const day = z.iso.date();
const note = z.string().trim().max(2000).nullable().optional();

const projectSummarySchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  neighbourhoodId: z.uuid(),
  neighbourhoodName: z.string(),
  title: z.string(),
  issue: z.string(),
  approach: z.enum(projectApproaches),
  stage: z.enum(projectStages),
  ownership: z.enum(ownershipLevels),
  status: z.enum(projectStatuses),
  startedOn: z.string(),
  citizenCount: z.number().int(),
  nextMilestone: z.object({ title: z.string(), plannedOn: z.string().nullable() }).nullable(),
  version: z.number().int(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

const historyEntrySchema = z.object({
  id: z.uuid(),
  onDate: z.string(),
  note: z.string().nullable(),
  byName: z.string().nullable(),
});

export const projectSchema = projectSummarySchema.extend({
  signals: z.array(z.object({ id: z.uuid(), need: z.string(), status: z.string() })),
  /** The priority's text in the diagnostic's latest version holding it; `current` is false once removed. */
  priorities: z.array(
    z.object({ diagnosticId: z.uuid(), priorityId: z.uuid(), title: z.string(), current: z.boolean() }),
  ),
  stageHistory: z.array(historyEntrySchema.extend({ stage: z.enum(projectStages) })),
  ownershipHistory: z.array(historyEntrySchema.extend({ level: z.enum(ownershipLevels) })),
  milestones: z.array(
    z.object({
      id: z.uuid(),
      stage: z.enum(projectStages),
      title: z.string(),
      plannedOn: z.string().nullable(),
      reachedOn: z.string().nullable(),
    }),
  ),
  citizens: z.array(
    z.object({
      personId: z.uuid(),
      nickname: z.string(),
      role: z.enum(citizenProjectRoles),
      since: z.string(),
      until: z.string().nullable(),
    }),
  ),
  actors: z.array(
    z.object({
      actorId: z.uuid(),
      name: z.string(),
      role: z.enum(actorProjectRoles),
      since: z.string().nullable(),
      until: z.string().nullable(),
    }),
  ),
  journal: z.array(
    z.object({
      id: z.uuid(),
      onDate: z.string(),
      kind: z.enum(projectJournalKinds),
      text: z.string(),
      byName: z.string().nullable(),
    }),
  ),
});
export type Project = z.infer<typeof projectSchema>;

export const projectListSchema = z.object({ items: z.array(projectSummarySchema) });

export const projectListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  neighbourhoodId: z.uuid().optional(),
  stage: z.enum(projectStages).optional(),
  /** Active by default; `all` adds the closed and archived ones. */
  status: z.enum([...projectStatuses, 'all']).optional(),
});

const priorityLink = z.strictObject({ diagnosticId: z.uuid(), priorityId: z.uuid() });
const citizenInput = z.strictObject({
  personId: z.uuid(),
  role: z.enum(citizenProjectRoles).default('participant'),
  since: day.optional(),
  until: day.nullable().optional(),
});
const actorInput = z.strictObject({
  actorId: z.uuid(),
  role: z.enum(actorProjectRoles).default('partner'),
  since: day.nullable().optional(),
  until: day.nullable().optional(),
});

export const createProjectBodySchema = z.strictObject({
  id: z.uuid().optional(),
  teamId: z.uuid().optional(),
  neighbourhoodId: z.uuid(),
  title: z.string().trim().min(2).max(160),
  /** The issue in the neighbourhood's words: what people live and want to change. */
  issue: z.string().trim().min(2).max(4000),
  approach: z.enum(projectApproaches),
  stage: z.enum(projectStages).default('emergence'),
  ownership: z.enum(ownershipLevels).default('ledByTeam'),
  startedOn: day.optional(),
  signalIds: z.array(z.uuid()).max(30).default([]),
  priorities: z.array(priorityLink).max(30).default([]),
  citizens: z.array(citizenInput).max(200).default([]),
  actors: z.array(actorInput).max(100).default([]),
});

export const updateProjectBodySchema = createProjectBodySchema
  .omit({ id: true, teamId: true, stage: true, ownership: true, startedOn: true })
  .partial()
  .extend({ status: z.enum(projectStatuses).optional(), baseVersion: z.number().int().min(1) });

export const moveStageBodySchema = z.strictObject({
  baseVersion: z.number().int().min(1),
  stage: z.enum(projectStages),
  onDate: day.optional(),
  note,
});

export const changeOwnershipBodySchema = z.strictObject({
  baseVersion: z.number().int().min(1),
  level: z.enum(ownershipLevels),
  onDate: day.optional(),
  note,
});

export const milestoneBodySchema = z
  .strictObject({
    stage: z.enum(projectStages),
    title: z.string().trim().min(2).max(200),
    plannedOn: day.nullable().optional(),
    reachedOn: day.nullable().optional(),
  })
  .refine(
    (m) => m.plannedOn || m.reachedOn,
    bothLanguages('Donnez une date prévue ou atteinte.', 'Give a planned or a reached date.', ['plannedOn']),
  );

export const updateMilestoneBodySchema = z.strictObject({
  title: z.string().trim().min(2).max(200).optional(),
  plannedOn: day.nullable().optional(),
  reachedOn: day.nullable().optional(),
});

export const milestoneParamsSchema = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

export const journalEntryBodySchema = z.strictObject({
  onDate: day.optional(),
  kind: z.enum(projectJournalKinds).default('note'),
  text: z.string().trim().min(2).max(4000),
  /** Words flagged as a known name that are not about anyone (as for committee minutes). */
  confirmedNotNames: z.array(z.string().trim().min(1).max(120)).max(40).default([]),
});
