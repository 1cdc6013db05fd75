import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  createTeamBodySchema,
  teamDetailSchema,
  teamListSchema,
  updateTeamBodySchema,
} from '../../../core/contracts/teams.ts';
import { access } from '../../http/access.ts';
import { createTeam, getTeam, listTeams, updateTeam } from './teams.service.ts';

const tags = ['teams'];

export async function teamRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;

  api.get(
    '/teams',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'Every team and the neighbourhoods it serves', response: { 200: teamListSchema } },
    },
    async () => listTeams(db),
  );
  api.post(
    '/teams',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags,
        summary: 'Create a team',
        body: createTeamBodySchema,
        response: { 201: teamDetailSchema, 409: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createTeam(db, request, request.body)),
  );
  api.get(
    '/teams/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'A team with its members (members and admins only)',
        params: idParamsSchema,
        response: { 200: teamDetailSchema, 404: errorBodySchema },
      },
    },
    async (request) => getTeam(db, request, request.params.id),
  );
  api.patch(
    '/teams/:id',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags,
        summary: 'Rename a team',
        params: idParamsSchema,
        body: updateTeamBodySchema,
        response: { 200: teamDetailSchema },
      },
    },
    async (request) => updateTeam(db, request, request.params.id, request.body),
  );
}
