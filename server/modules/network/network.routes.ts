import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  createInteractionBodySchema,
  createTieBodySchema,
  interactionListQuerySchema,
  interactionListSchema,
  interactionSchema,
  networkCompareQuerySchema,
  networkCompareSchema,
  networkQuerySchema,
  networkSchema,
  tieListQuerySchema,
  tieListSchema,
  tieSchema,
  updateTieBodySchema,
} from '../../../core/contracts/network.ts';
import { access } from '../../http/access.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { NetworkPool } from './network.pool.ts';
import { compareNetworks, network } from './network.service.ts';
import { createInteraction, createTie, listInteractions, listTies, updateTie } from './ties.service.ts';

const tags = ['network'];
const members = access.roles('worker', 'organizer', 'coordinator');

export async function networkRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);
  // Metrics run in worker threads, started on the first network asked for (decision 0015).
  const pool = new NetworkPool();
  app.addHook('onClose', () => pool.close());

  api.get(
    '/ties',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Ties my teams know',
        querystring: tieListQuerySchema,
        response: { 200: tieListSchema },
      },
    },
    async (request) => listTies(db, request, request.query),
  );

  api.post(
    '/ties',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Note a tie between two actors',
        body: createTieBodySchema,
        response: { 201: tieSchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createTie(db, request, request.body)),
  );

  api.patch(
    '/ties/:id',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Change a tie (its strength, its end)',
        params: idParamsSchema,
        body: updateTieBodySchema,
        response: { 200: tieSchema, 404: errorBodySchema, 409: conflictBodySchema, 422: errorBodySchema },
      },
    },
    async (request) => updateTie(db, request, request.params.id, request.body),
  );

  api.get(
    '/actor-interactions',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Meetings, calls, concertation tables and events with actors',
        querystring: interactionListQuerySchema,
        response: { 200: interactionListSchema },
      },
    },
    async (request) => listInteractions(db, request, request.query),
  );

  api.post(
    '/actor-interactions',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Log an interaction with actors',
        body: createInteractionBodySchema,
        response: { 201: interactionSchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createInteraction(db, request, request.body)),
  );

  api.get(
    '/network',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary:
          'The network at a date, with degree, betweenness, closeness, communities, isolated and bridging actors',
        querystring: networkQuerySchema,
        response: { 200: networkSchema },
      },
    },
    async (request) => network(db, pool, request, request.query),
  );

  api.get(
    '/network/compare',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The network at two dates side by side, with new and lost ties',
        querystring: networkCompareQuerySchema,
        response: { 200: networkCompareSchema },
      },
    },
    async (request) => compareNetworks(db, pool, request, request.query),
  );
}
