import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  closeBodySchema,
  decisionBodySchema,
  mobilisationDetailSchema,
  mobilisationListQuerySchema,
  mobilisationListSchema,
  prolongationBodySchema,
  proposeMobilisationBodySchema,
  tagBodySchema,
  tagResultSchema,
} from '../../../core/contracts/crisis.ts';
import { access } from '../../http/access.ts';
import { installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { close, decide, prolong } from './crisis.decisions.ts';
import { listMobilisations, proposeMobilisation, readMobilisation } from './crisis.service.ts';
import { tagWork } from './crisis.tagging.ts';

const tags = ['crisis'];
const members = access.roles('worker', 'organizer', 'coordinator');
const readers = access.signedIn;
/** A stale version (with the mobilisation as it is now) or a step its state does not allow. */
const conflictBodySchema = errorBodySchema.extend({ current: z.unknown().optional() });
const changed = { 200: mobilisationDetailSchema, 403: errorBodySchema, 404: errorBodySchema, 409: conflictBodySchema };

/** Crisis mobilisations: proposed, validated, time-boxed, reminded, and the work tagged with them (issue 7). */
export async function crisisRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);

  api.get(
    '/crisis-mobilisations',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Crisis mobilisations of my teams',
        querystring: mobilisationListQuerySchema,
        response: { 200: mobilisationListSchema },
      },
    },
    async (request) => listMobilisations(db, request, request.query),
  );

  api.post(
    '/crisis-mobilisations',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Propose a crisis mobilisation',
        body: proposeMobilisationBodySchema,
        response: { 201: mobilisationDetailSchema, 409: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await proposeMobilisation(db, request, request.body)),
  );

  // Before /:id so "tag" is never read as an id.
  api.post(
    '/crisis-mobilisations/tag',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Tag or untag an encounter or an activity session',
        body: tagBodySchema,
        response: { 200: tagResultSchema, 404: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request) => tagWork(db, request, request.body),
  );

  api.get(
    '/crisis-mobilisations/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A crisis mobilisation, its history and the work tagged with it',
        params: idParamsSchema,
        response: { 200: mobilisationDetailSchema, 404: errorBodySchema },
      },
    },
    async (request) => readMobilisation(db, request, request.params.id),
  );

  api.post(
    '/crisis-mobilisations/:id/decision',
    {
      config: { access: access.roles('coordinator', 'admin') },
      schema: {
        tags,
        summary: 'Validate or refuse what waits (the proposal or a prolongation)',
        params: idParamsSchema,
        body: decisionBodySchema,
        response: changed,
      },
    },
    async (request) => decide(db, request, request.params.id, request.body),
  );

  api.post(
    '/crisis-mobilisations/:id/prolongation',
    {
      config: { access: access.roles('worker', 'organizer', 'coordinator', 'admin') },
      schema: {
        tags,
        summary: 'Propose a new end date (validated again)',
        params: idParamsSchema,
        body: prolongationBodySchema,
        response: { ...changed, 422: errorBodySchema },
      },
    },
    async (request) => prolong(db, request, request.params.id, request.body),
  );

  api.post(
    '/crisis-mobilisations/:id/close',
    {
      config: { access: access.roles('worker', 'organizer', 'coordinator', 'admin') },
      schema: {
        tags,
        summary: 'Close a running mobilisation',
        params: idParamsSchema,
        body: closeBodySchema,
        response: changed,
      },
    },
    async (request) => close(db, request, request.params.id, request.body),
  );
}
