import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  changeOwnershipBodySchema,
  createProjectBodySchema,
  journalEntryBodySchema,
  milestoneBodySchema,
  milestoneParamsSchema,
  moveStageBodySchema,
  projectListQuerySchema,
  projectListSchema,
  projectSchema,
  updateMilestoneBodySchema,
  updateProjectBodySchema,
} from '../../../core/contracts/projects.ts';
import { access } from '../../http/access.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { addJournalEntry, addMilestone, updateMilestone } from './project-journal.service.ts';
import { createProject, listProjects, readProject, recordProgress, updateProject } from './projects.service.ts';

const tags = ['projects'];
const members = access.roles('worker', 'organizer', 'coordinator');
const changed = { 200: projectSchema, 404: errorBodySchema, 409: conflictBodySchema, 422: errorBodySchema };
const added = { 201: projectSchema, 404: errorBodySchema, 422: errorBodySchema };

/** Community projects: stages, ownership, milestones, people, journal (issue 7; core/contracts/projects.ts). */
export async function projectRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);

  api.get(
    '/projects',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Community projects of my teams (active by default)',
        querystring: projectListQuerySchema,
        response: { 200: projectListSchema },
      },
    },
    async (request) => listProjects(db, request, request.query),
  );

  api.post(
    '/projects',
    {
      config: { access: members },
      schema: { tags, summary: 'Start a community project', body: createProjectBodySchema, response: added },
    },
    async (request, reply) => reply.status(201).send(await createProject(db, request, request.body)),
  );

  api.get(
    '/projects/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'A project, its history, people and journal (a read of who takes part, logged)',
        params: idParamsSchema,
        response: { 200: projectSchema, 404: errorBodySchema },
      },
    },
    async (request) => readProject(db, request, request.params.id),
  );

  api.patch(
    '/projects/:id',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Change a project (lists sent are replaced whole)',
        params: idParamsSchema,
        body: updateProjectBodySchema,
        response: changed,
      },
    },
    async (request) => updateProject(db, request, request.params.id, request.body),
  );

  api.post(
    '/projects/:id/stage',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Move a project to a stage',
        params: idParamsSchema,
        body: moveStageBodySchema,
        response: changed,
      },
    },
    async (request) => {
      const { stage, ...rest } = request.body;
      return recordProgress(db, request, request.params.id, { kind: 'stage', value: stage, ...rest });
    },
  );

  api.post(
    '/projects/:id/ownership',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Record who carries the project now',
        params: idParamsSchema,
        body: changeOwnershipBodySchema,
        response: changed,
      },
    },
    async (request) => {
      const { level, ...rest } = request.body;
      return recordProgress(db, request, request.params.id, { kind: 'ownership', value: level, ...rest });
    },
  );

  api.post(
    '/projects/:id/milestones',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Add a dated milestone',
        params: idParamsSchema,
        body: milestoneBodySchema,
        response: added,
      },
    },
    async (request, reply) => reply.status(201).send(await addMilestone(db, request, request.params.id, request.body)),
  );

  api.patch(
    '/projects/:id/milestones/:itemId',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Change a milestone (reached on a day, or planned again)',
        params: milestoneParamsSchema,
        body: updateMilestoneBodySchema,
        response: changed,
      },
    },
    async (request) => updateMilestone(db, request, request.params.id, request.params.itemId, request.body),
  );

  api.post(
    '/projects/:id/journal',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Write a note or a decision in the journal (refused if it names someone)',
        params: idParamsSchema,
        body: journalEntryBodySchema,
        response: added,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addJournalEntry(db, request, request.params.id, request.body)),
  );
}
