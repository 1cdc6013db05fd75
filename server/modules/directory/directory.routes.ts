import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  actorListQuerySchema,
  actorListSchema,
  actorSchema,
  createActorBodySchema,
  createServiceBodySchema,
  deactivateBodySchema,
  newServiceStatusBodySchema,
  serviceSchema,
  serviceStatusListSchema,
  updateActorBodySchema,
  updateServiceBodySchema,
} from '../../../core/contracts/directory.ts';
import {
  directorySearchQuerySchema,
  directorySearchResultSchema,
  printableDirectorySchema,
  printQuerySchema,
} from '../../../core/contracts/directory-search.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import { access } from '../../http/access.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { readPublicSettings } from '../settings/settings.service.ts';
import { createActor, deactivateActor, getActor, listActors, updateActor } from './actors.service.ts';
import { printableDirectory } from './directory.print.ts';
import { searchDirectoryFor } from './directory.service.ts';
import { addStatus, createService, getService, listStatuses, updateService } from './services.service.ts';

const tags = ['directory'];
/** Workers, organizers and coordinators keep the directory; admins read it. */
const editors = access.roles('worker', 'organizer', 'coordinator');
const refused = { 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };

export async function directoryRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  const { config } = app.context;
  const timeZone = config.timeZone;
  installConflictHandler(app);

  api.get(
    '/directory/search',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'One search over services and actors: accents, case and typos forgiven; filters',
        querystring: directorySearchQuerySchema,
        response: { 200: directorySearchResultSchema, 403: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request) => searchDirectoryFor(db, request, request.query, timeZone),
  );
  api.get(
    '/directory/print',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The directory by category (need), in French or English, for print',
        querystring: printQuerySchema,
        response: { 200: printableDirectorySchema, 403: errorBodySchema },
      },
    },
    async (request) =>
      printableDirectory(db, request.query.language, (await readPublicSettings(db, config)).deploymentName),
  );

  api.get(
    '/actors',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Organisations and my teams’ key persons; `search` by name, typo-tolerant',
        querystring: actorListQuerySchema,
        response: { 200: actorListSchema, 403: errorBodySchema },
      },
    },
    async (request) => listActors(db, request, request.query),
  );
  api.post(
    '/actors',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Add an organisation (everyone’s) or a key person (my team’s; contact under consent)',
        body: createActorBodySchema,
        response: { 201: actorSchema, ...refused },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createActor(db, request, request.body.id ?? uuidv7(), request.body)),
  );
  api.get(
    '/actors/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'One actor with its services (a key person’s read is logged)',
        params: idParamsSchema,
        response: { 200: actorSchema, ...refused },
      },
    },
    async (request) => getActor(db, request, request.params.id),
  );
  api.patch(
    '/actors/:id',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Change an actor (baseVersion); lists given replace the stored ones',
        params: idParamsSchema,
        body: updateActorBodySchema,
        response: { 200: actorSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => updateActor(db, request, request.params.id, request.body),
  );
  api.post(
    '/actors/:id/deactivate',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'An actor no longer active: kept on records, out of lists and search',
        params: idParamsSchema,
        body: deactivateBodySchema,
        response: { 200: actorSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => deactivateActor(db, request, request.params.id, request.body),
  );

  api.post(
    '/services',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Add a service (HSDS 3.0) with its locations, hours, contacts and areas, in one request',
        body: createServiceBodySchema,
        response: { 201: serviceSchema, ...refused },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createService(db, request, request.body.id ?? uuidv7(), request.body, timeZone)),
  );
  api.get(
    '/services/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'One service with everything HSDS describes, and whether it is open now',
        params: idParamsSchema,
        response: { 200: serviceSchema, ...refused },
      },
    },
    async (request) => getService(db, request.params.id, timeZone),
  );
  api.patch(
    '/services/:id',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Change a service (baseVersion); a list given replaces the stored one',
        params: idParamsSchema,
        body: updateServiceBodySchema,
        response: { 200: serviceSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => updateService(db, request, request.params.id, request.body, timeZone),
  );
  api.get(
    '/services/:id/statuses',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'A service’s availability history, newest first',
        params: idParamsSchema,
        response: { 200: serviceStatusListSchema, ...refused },
      },
    },
    async (request) => listStatuses(db, request.params.id),
  );
  api.post(
    '/services/:id/statuses',
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Record a dated availability (open, waiting list with a wait, closed to new, closed for now)',
        params: idParamsSchema,
        body: newServiceStatusBodySchema,
        response: { 201: serviceSchema, ...refused },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addStatus(db, request, request.params.id, request.body, timeZone)),
  );
}
