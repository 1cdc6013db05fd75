import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  activityListQuerySchema,
  activityListSchema,
  activitySchema,
  activitySessionSchema,
  createActivityBodySchema,
  saveSessionBodySchema,
  updateActivityBodySchema,
} from '../../../core/contracts/activities.ts';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import { access } from '../../http/access.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { createActivity, listActivities, readActivity, updateActivity } from './activities.service.ts';
import { readSession, saveSession } from './sessions.service.ts';

const tags = ['activities'];
const members = access.roles('worker', 'organizer', 'coordinator');

/** Collective activities and their sessions with attendance (issue 7; core/contracts/activities.ts). */
export async function activityRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);

  api.get(
    '/activities',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Collective activities of my teams',
        querystring: activityListQuerySchema,
        response: { 200: activityListSchema },
      },
    },
    async (request) => listActivities(db, request, request.query),
  );

  api.post(
    '/activities',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Create a collective activity',
        body: createActivityBodySchema,
        response: { 201: activitySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createActivity(db, request, request.body)),
  );

  api.get(
    '/activities/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'An activity and its recent sessions (a read of who attended, logged)',
        params: idParamsSchema,
        response: { 200: activitySchema, 404: errorBodySchema },
      },
    },
    async (request) => readActivity(db, request, request.params.id),
  );

  api.patch(
    '/activities/:id',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Change an activity',
        params: idParamsSchema,
        body: updateActivityBodySchema,
        response: { 200: activitySchema, 404: errorBodySchema, 409: conflictBodySchema, 422: errorBodySchema },
      },
    },
    async (request) => updateActivity(db, request, request.params.id, request.body),
  );

  api.post(
    '/activities/:id/sessions',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Save a session whole: new (201) or changed from its version (200)',
        params: idParamsSchema,
        body: saveSessionBodySchema,
        response: {
          200: activitySessionSchema,
          201: activitySessionSchema,
          404: errorBodySchema,
          409: conflictBodySchema,
          422: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { created, session } = await saveSession(db, request, request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(session);
    },
  );

  api.get(
    '/activity-sessions/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'A session with its attendance (logged)',
        params: idParamsSchema,
        response: { 200: activitySessionSchema, 404: errorBodySchema },
      },
    },
    async (request) => readSession(db, request, request.params.id),
  );
}
