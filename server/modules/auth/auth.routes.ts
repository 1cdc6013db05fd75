import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordBodySchema,
  currentUserSchema,
  sessionStateSchema,
  signInBodySchema,
  updateMeBodySchema,
} from '../../../core/contracts/auth.ts';
import { errorBodySchema, okSchema } from '../../../core/contracts/common.ts';
import { access } from '../../http/access.ts';
import { actorOf } from '../../http/request-context.ts';
import { cookieOptions, csrfCookie, newToken } from '../../http/sessions.ts';
import { presentCurrentUser, presentSession } from './auth.presenter.ts';
import { changePassword, signIn, signOut, updateMe } from './auth.service.ts';

const tags = ['auth'];

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;

  api.get(
    '/auth/session',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Who is signed in, and the CSRF token to send back',
        response: { 200: sessionStateSchema },
      },
    },
    async (request, reply) => {
      let anonymousToken = request.cookies[csrfCookie];
      if (!request.session && !anonymousToken) {
        anonymousToken = newToken();
        reply.setCookie(csrfCookie, anonymousToken, { ...cookieOptions(app.context.config, request), httpOnly: false });
      }
      reply.header('cache-control', 'no-store');
      return presentSession(db, request.actor, request.session, anonymousToken ?? '');
    },
  );

  api.post(
    '/auth/sign-in',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: signInBodySchema,
        response: { 200: sessionStateSchema, 401: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { actor, session } = await signIn(app.context, request, reply, request.body);
      return presentSession(db, actor, session, session.csrfToken);
    },
  );

  api.post(
    '/auth/sign-out',
    { config: { access: access.signedIn }, schema: { tags, summary: 'Sign out', response: { 200: okSchema } } },
    async (request, reply) => {
      await signOut(app.context, request, reply);
      return { ok: true as const };
    },
  );

  api.post(
    '/auth/password',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Change my password',
        body: changePasswordBodySchema,
        response: { 200: currentUserSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await changePassword(app.context, request, actor, request.body);
      return presentCurrentUser(db, actor);
    },
  );

  api.patch(
    '/auth/me',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Change my name or language',
        body: updateMeBodySchema,
        response: { 200: currentUserSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateMe(app.context, request, actor, request.body);
      return presentCurrentUser(db, actor);
    },
  );
}
