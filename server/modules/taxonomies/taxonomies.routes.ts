import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  createTermBodySchema,
  termListQuerySchema,
  termListSchema,
  termSchema,
  updateTermBodySchema,
} from '../../../core/contracts/taxonomies.ts';
import { access } from '../../http/access.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { createTerm, listTerms, seedTaxonomies, updateTerm } from './taxonomies.service.ts';

const tags = ['taxonomies'];

export async function taxonomyRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);
  // Idempotent: adds only the default terms a deployment does not have yet.
  await seedTaxonomies(db);

  api.get(
    '/taxonomies',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Needs, actions, rights, barriers, themes, tally kinds',
        querystring: termListQuerySchema,
        response: { 200: termListSchema },
      },
    },
    async (request) => listTerms(db, request.query),
  );

  api.post(
    '/taxonomies',
    {
      config: { access: access.roles('coordinator', 'admin') },
      schema: {
        tags,
        summary: 'Add a term',
        body: createTermBodySchema,
        response: { 201: termSchema, 409: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createTerm(db, request, request.body)),
  );

  api.patch(
    '/taxonomies/:id',
    {
      config: { access: access.roles('coordinator', 'admin') },
      schema: {
        tags,
        summary: 'Relabel, reorder or retire a term (its code never changes)',
        params: idParamsSchema,
        body: updateTermBodySchema,
        response: { 200: termSchema, 404: errorBodySchema, 409: conflictBodySchema },
      },
    },
    async (request) => updateTerm(db, request, request.params.id, request.body),
  );
}
