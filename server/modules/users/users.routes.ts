import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  createUserBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
  userWithPasswordSchema,
} from '../../../core/contracts/users.ts';
import { access } from '../../http/access.ts';
import { actorOf } from '../../http/request-context.ts';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.service.ts';

const tags = ['users'];

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;

  api.get(
    '/users',
    {
      config: { access: access.roles('admin', 'coordinator') },
      schema: {
        tags,
        summary: 'List accounts (a coordinator sees their teams)',
        querystring: userListQuerySchema,
        response: { 200: userListSchema },
      },
    },
    async (request) => listUsers(db, actorOf(request), request.query),
  );

  api.post(
    '/users',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags,
        summary: 'Create an account with a one-time password',
        body: createUserBodySchema,
        response: { 201: userWithPasswordSchema, 409: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, request, request.body)),
  );

  api.get(
    '/users/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'One account',
        params: idParamsSchema,
        response: { 200: userSchema, 404: errorBodySchema },
      },
    },
    async (request) => getUser(db, request, request.params.id),
  );

  api.patch(
    '/users/:id',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags,
        summary: 'Change an account: role, teams, active',
        params: idParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema },
      },
    },
    async (request) => updateUser(db, request, request.params.id, request.body),
  );

  api.post(
    '/users/:id/reset-password',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags,
        summary: 'Give an account a new one-time password',
        params: idParamsSchema,
        response: { 200: userWithPasswordSchema },
      },
    },
    async (request) => resetPassword(db, request, request.params.id),
  );
}
