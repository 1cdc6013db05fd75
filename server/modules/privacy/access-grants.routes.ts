import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  accessGrantSchema,
  breakGlassMatchesSchema,
  breakGlassSearchBodySchema,
  createGrantBodySchema,
  grantListQuerySchema,
  grantListSchema,
} from '../../../core/contracts/access-grants.ts';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import { access } from '../../http/access.ts';
import { createGrant, listGrants, revokeGrant, searchAcrossTeams } from './access-grants.service.ts';

const tags = ['privacy'];
const refused = { 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };

/** Break the glass (issue 8, point 4; decision 0031). */
export async function accessGrantRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  api.post(
    '/access-grants/search',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Find a person of another team, once a reason is stated (minimal answers, logged)',
        body: breakGlassSearchBodySchema,
        response: { 200: breakGlassMatchesSchema, ...refused },
      },
    },
    async (request) => searchAcrossTeams(db, request, request.body),
  );
  api.post(
    '/access-grants',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary:
          'Break the glass: read-only access to one person of another team, for a time (default 1 h, at most 4 h)',
        body: createGrantBodySchema,
        response: { 201: accessGrantSchema, ...refused },
      },
    },
    async (request, reply) => reply.status(201).send(await createGrant(db, request, request.body)),
  );
  api.get(
    '/access-grants',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Grants I hold, and those on my teams’ people for a coordinator (live by default)',
        querystring: grantListQuerySchema,
        response: { 200: grantListSchema },
      },
    },
    async (request) => listGrants(db, request, request.query),
  );
  api.post(
    '/access-grants/:id/revoke',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'End a grant now (its holder, the team’s coordinators, admins)',
        params: idParamsSchema,
        response: { 200: accessGrantSchema, ...refused },
      },
    },
    async (request) => revokeGrant(db, request, request.params.id),
  );
}
