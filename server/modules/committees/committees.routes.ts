import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  committeeListQuerySchema,
  committeeListSchema,
  committeeSchema,
  createCommitteeBodySchema,
  meetingBodySchema,
  meetingSchema,
  nominativeCheckBodySchema,
  nominativeCheckSchema,
  updateCommitteeBodySchema,
  updateMeetingBodySchema,
} from '../../../core/contracts/committees.ts';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import { access } from '../../http/access.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { createCommittee, listCommittees, readCommittee, updateCommittee } from './committees.service.ts';
import { checkTexts, createMeeting, readMeeting, updateMeeting } from './meetings.service.ts';

const tags = ['committees'];
const members = access.roles('worker', 'organizer', 'coordinator');
const readers = access.signedIn;

/** Partner committees and their meetings, without names (issue 7; core/contracts/committees.ts). */
export async function committeeRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);

  api.get(
    '/committees',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Committees of my teams',
        querystring: committeeListQuerySchema,
        response: { 200: committeeListSchema },
      },
    },
    async (request) => listCommittees(db, request, request.query),
  );

  api.post(
    '/committees',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Create a committee',
        body: createCommitteeBodySchema,
        response: { 201: committeeSchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createCommittee(db, request, request.body)),
  );

  api.get(
    '/committees/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A committee, its members and meetings',
        params: idParamsSchema,
        response: { 200: committeeSchema, 404: errorBodySchema },
      },
    },
    async (request) => readCommittee(db, request, request.params.id),
  );

  api.patch(
    '/committees/:id',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Change a committee or its members',
        params: idParamsSchema,
        body: updateCommitteeBodySchema,
        response: { 200: committeeSchema, 404: errorBodySchema, 409: conflictBodySchema, 422: errorBodySchema },
      },
    },
    async (request) => updateCommittee(db, request, request.params.id, request.body),
  );

  api.post(
    '/committees/:id/meetings',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Record a meeting (refused when it names someone)',
        params: idParamsSchema,
        body: meetingBodySchema,
        response: { 201: meetingSchema, 404: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createMeeting(db, request, request.params.id, request.body)),
  );

  api.post(
    '/committee-meetings/check',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Find known names and phone numbers in texts, without saving',
        body: nominativeCheckBodySchema,
        response: { 200: nominativeCheckSchema, 422: errorBodySchema },
      },
    },
    async (request) => checkTexts(db, request, request.body),
  );

  api.get(
    '/committee-meetings/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A meeting',
        params: idParamsSchema,
        response: { 200: meetingSchema, 404: errorBodySchema },
      },
    },
    async (request) => readMeeting(db, request, request.params.id),
  );

  api.patch(
    '/committee-meetings/:id',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Change a meeting (refused when it names someone)',
        params: idParamsSchema,
        body: updateMeetingBodySchema,
        response: { 200: meetingSchema, 404: errorBodySchema, 409: conflictBodySchema, 422: errorBodySchema },
      },
    },
    async (request) => updateMeeting(db, request, request.params.id, request.body),
  );
}
