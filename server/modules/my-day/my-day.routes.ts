import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { myDayQuerySchema, myDaySchema } from '../../../core/contracts/fieldwork.ts';
import { access } from '../../http/access.ts';
import { myDay } from './my-day.service.ts';

export async function myDayRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  api.get(
    '/my-day',
    {
      config: { access: access.roles('worker', 'organizer', 'coordinator') },
      schema: {
        tags: ['fieldwork'],
        summary: 'Ma journée: sessions, follow-ups, recent encounters and people',
        querystring: myDayQuerySchema,
        response: { 200: myDaySchema },
      },
    },
    async (request) => myDay(db, request, request.query.date),
  );
}
