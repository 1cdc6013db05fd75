import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  addPersonRoleBodySchema,
  createPersonBodySchema,
  mergePeopleBodySchema,
  personListQuerySchema,
  personListSchema,
  personRoleParamsSchema,
  personSchema,
  recordConsentBodySchema,
  timelineQuerySchema,
  timelineSchema,
  updatePersonBodySchema,
  updatePersonRoleBodySchema,
  withdrawConsentBodySchema,
} from '../../../core/contracts/people.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import { access } from '../../http/access.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { mergePeople } from './people.merge.ts';
import {
  addRole,
  createPerson,
  getPerson,
  listPeople,
  recordConsent,
  updatePerson,
  updateRole,
  withdrawConsent,
} from './people.service.ts';
import { personTimeline } from './people.timeline.ts';

const tags = ['people'];
const members = access.roles('worker', 'organizer', 'coordinator');
const refused = { 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };

export async function peopleRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);

  api.get(
    '/people',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'People of my teams; `search` tolerates accents and typos (duplicates check)',
        querystring: personListQuerySchema,
        response: { 200: personListSchema, 403: errorBodySchema },
      },
    },
    async (request) => listPeople(db, request, request.query),
  );
  api.post(
    '/people',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Add a person (a nickname is enough)',
        body: createPersonBodySchema,
        response: { 201: personSchema, ...refused },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPerson(db, request, request.body.id ?? uuidv7(), request.body)),
  );
  api.get(
    '/people/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'One person (every read is logged)',
        params: idParamsSchema,
        response: { 200: personSchema, ...refused },
      },
    },
    async (request) => getPerson(db, request, request.params.id),
  );
  api.patch(
    '/people/:id',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Change a person (baseVersion); identity only under consent',
        params: idParamsSchema,
        body: updatePersonBodySchema,
        response: { 200: personSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => updatePerson(db, request, request.params.id, request.body),
  );
  api.post(
    '/people/:id/consent',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Record consent (date, scope, by whom) and identity',
        params: idParamsSchema,
        body: recordConsentBodySchema,
        response: { 200: personSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => recordConsent(db, request, request.params.id, request.body),
  );
  api.post(
    '/people/:id/consent/withdraw',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Withdraw consent: identity fields are erased, and the erasure logged',
        params: idParamsSchema,
        body: withdrawConsentBodySchema,
        response: { 200: personSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => withdrawConsent(db, request, request.params.id, request.body),
  );
  api.post(
    '/people/:id/roles',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Add a role (participant, volunteer, helper, leader) from a date',
        params: idParamsSchema,
        body: addPersonRoleBodySchema,
        response: { 201: personSchema, ...refused },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addRole(db, request, request.params.id, request.body.id ?? uuidv7(), request.body)),
  );
  api.patch(
    '/people/:id/roles/:roleId',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'End or annotate a role (baseVersion of the role)',
        params: personRoleParamsSchema,
        body: updatePersonRoleBodySchema,
        response: { 200: personSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => updateRole(db, request, request.params.id, request.params.roleId, request.body),
  );
  api.post(
    '/people/:id/merge',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Merge a duplicate into this person: everything moves, the duplicate points here',
        params: idParamsSchema,
        body: mergePeopleBodySchema,
        response: { 200: personSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => mergePeople(db, request, request.params.id, request.body.absorbedId),
  );
  api.get(
    '/people/:id/timeline',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'A person’s encounters and roles, newest first (read logged)',
        params: idParamsSchema,
        querystring: timelineQuerySchema,
        response: { 200: timelineSchema, ...refused },
      },
    },
    async (request) => personTimeline(db, request, request.params.id, request.query),
  );
}
