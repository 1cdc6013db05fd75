import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  createNeighbourhoodBodySchema,
  neighbourhoodListSchema,
  neighbourhoodSchema,
  updateNeighbourhoodBodySchema,
} from '../../../core/contracts/teams.ts';
import { access } from '../../http/access.ts';
import { createNeighbourhood, listNeighbourhoods, updateNeighbourhood } from './neighbourhoods.service.ts';

const tags = ['neighbourhoods'];

export async function neighbourhoodRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;

  api.get(
    '/neighbourhoods',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'Every neighbourhood and its team', response: { 200: neighbourhoodListSchema } },
    },
    async () => listNeighbourhoods(db),
  );
  api.post(
    '/neighbourhoods',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags,
        summary: 'Create a neighbourhood',
        body: createNeighbourhoodBodySchema,
        response: { 201: neighbourhoodSchema, 409: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createNeighbourhood(db, request, request.body)),
  );
  api.patch(
    '/neighbourhoods/:id',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags,
        summary: 'Rename a neighbourhood or give it to another team',
        params: idParamsSchema,
        body: updateNeighbourhoodBodySchema,
        response: { 200: neighbourhoodSchema },
      },
    },
    async (request) => updateNeighbourhood(db, request, request.params.id, request.body),
  );
}
