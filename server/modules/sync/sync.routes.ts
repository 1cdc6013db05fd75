import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { referenceDataSchema, syncBodySchema, syncResponseSchema } from '../../../core/contracts/sync.ts';
import { access } from '../../http/access.ts';
import { referenceData } from './reference.service.ts';
import { applyBatch } from './sync.service.ts';

const members = access.roles('worker', 'organizer', 'coordinator');

export async function syncRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;

  api.post(
    '/sync',
    {
      config: { access: members },
      schema: {
        tags: ['sync'],
        summary: 'Apply a batch of offline operations: idempotent, one result per item',
        body: syncBodySchema,
        response: { 200: syncResponseSchema },
      },
    },
    async (request) => applyBatch(db, request, request.body.items),
  );

  api.get(
    '/sync/reference',
    {
      config: { access: members },
      schema: {
        tags: ['sync'],
        summary: 'Reference data for the offline cache (my teams only)',
        response: { 200: referenceDataSchema },
      },
    },
    async (request) => referenceData(db, request),
  );
}
