import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  createPlaceBodySchema,
  placeListQuerySchema,
  placeListSchema,
  placeSchema,
  updatePlaceBodySchema,
} from '../../../core/contracts/places.ts';
import { access } from '../../http/access.ts';
import { actorOf } from '../../http/request-context.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { createPlace, listPlaces, updatePlace } from './places.service.ts';

const tags = ['places'];
const members = access.roles('worker', 'organizer', 'coordinator');

export async function placeRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);

  api.get(
    '/places',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Places of my teams',
        querystring: placeListQuerySchema,
        response: { 200: placeListSchema },
      },
    },
    async (request) => listPlaces(db, actorOf(request), request.query),
  );

  api.post(
    '/places',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Add a place',
        body: createPlaceBodySchema,
        response: { 201: placeSchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlace(db, request, request.body)),
  );

  api.patch(
    '/places/:id',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Change or retire a place',
        params: idParamsSchema,
        body: updatePlaceBodySchema,
        response: { 200: placeSchema, 404: errorBodySchema, 409: conflictBodySchema },
      },
    },
    async (request) => updatePlace(db, request, request.params.id, request.body),
  );
}
