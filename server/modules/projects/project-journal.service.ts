import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  journalEntryBodySchema,
  milestoneBodySchema,
  updateMilestoneBodySchema,
} from '../../../core/contracts/projects.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database } from '../../db/client.ts';
import { projectJournal, projectMilestones } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { assertNoNominativeData } from '../committees/nominative.guard.ts';
import { invalidFields } from '../fieldwork/fieldwork.errors.ts';
import { today } from './project.links.ts';
import { projectRecord } from './project.record.ts';
import { presentProject } from './projects.presenter.ts';

/**
 * Milestones and journal entries are added beside the project, not edited with it: they do not
 * change its version, so a worker ticking a milestone never makes a colleague's edit stale.
 */
export async function addMilestone(
  db: Database,
  request: FastifyRequest,
  projectId: string,
  body: z.output<typeof milestoneBodySchema>,
) {
  const project = await projectRecord.writable(db, request, projectId);
  const id = uuidv7();
  await db.insert(projectMilestones).values({
    id,
    projectId,
    stage: body.stage,
    title: body.title,
    plannedOn: body.plannedOn ?? null,
    reachedOn: body.reachedOn ?? null,
    createdBy: actorOf(request).id,
  });
  await recordAudit(db, request, {
    action: 'create',
    entityType: 'projectMilestone',
    entityId: id,
    teamId: project.teamId,
    details: { projectId },
  });
  return presentProject(db, project);
}

export async function updateMilestone(
  db: Database,
  request: FastifyRequest,
  projectId: string,
  milestoneId: string,
  body: z.output<typeof updateMilestoneBodySchema>,
) {
  const project = await projectRecord.writable(db, request, projectId);
  const where = and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, projectId));
  const [milestone] = await db.select().from(projectMilestones).where(where);
  if (!milestone) throw notFound(text('Jalon', 'Milestone'));
  const plannedOn = body.plannedOn === undefined ? milestone.plannedOn : body.plannedOn;
  const reachedOn = body.reachedOn === undefined ? milestone.reachedOn : body.reachedOn;
  if (!plannedOn && !reachedOn)
    throw invalidFields([
      {
        path: 'plannedOn',
        message: text('Donnez une date prévue ou atteinte.', 'Give a planned or a reached date.'),
      },
    ]);
  await db
    .update(projectMilestones)
    .set({ title: body.title ?? milestone.title, plannedOn, reachedOn })
    .where(where);
  await recordAudit(db, request, {
    action: 'update',
    entityType: 'projectMilestone',
    entityId: milestoneId,
    teamId: project.teamId,
    details: { projectId, fields: Object.keys(body) },
  });
  return presentProject(db, project);
}

/**
 * A journal entry is checked as committee minutes are (the same guard): text naming a person the
 * team knows is refused before anything is saved, one field per match, worded for a journal.
 */
export async function addJournalEntry(
  db: Database,
  request: FastifyRequest,
  projectId: string,
  body: z.output<typeof journalEntryBodySchema>,
) {
  const project = await projectRecord.writable(db, request, projectId);
  let confirmations: number;
  try {
    confirmations = await assertNoNominativeData(
      db,
      project.teamId,
      [{ path: 'text', text: body.text }],
      body.confirmedNotNames,
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'nominative_data') throw error;
    throw new AppError(
      422,
      'nominative_data',
      text(
        'Cette entrée du journal nomme quelqu’un : retirez les passages signalés (le journal du projet ne nomme personne).',
        'This journal entry names someone: remove the flagged passages (the project journal names no one).',
      ),
      error.fields,
    );
  }
  const id = uuidv7();
  await db.insert(projectJournal).values({
    id,
    projectId,
    onDate: body.onDate ?? today(),
    kind: body.kind,
    text: body.text,
    createdBy: actorOf(request).id,
  });
  await recordAudit(db, request, {
    action: 'create',
    entityType: 'projectJournal',
    entityId: id,
    teamId: project.teamId,
    details: { projectId, kind: body.kind, confirmedNotNames: confirmations },
  });
  return presentProject(db, project);
}
