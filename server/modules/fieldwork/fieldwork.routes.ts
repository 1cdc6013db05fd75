import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  attachEncounterBodySchema,
  createEncounterBodySchema,
  createObservationBodySchema,
  createSessionBodySchema,
  encounterListQuerySchema,
  encounterListSchema,
  encounterNoteSchema,
  encounterSchema,
  endSessionBodySchema,
  followUpBodySchema,
  observationSchema,
  sessionDetailSchema,
  sessionListQuerySchema,
  sessionListSchema,
  sessionSchema,
  tallyIncrementBodySchema,
  updateEncounterBodySchema,
  updateSessionBodySchema,
} from '../../../core/contracts/fieldwork.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import { access } from '../../http/access.ts';
import {
  attachEncounter,
  createEncounter,
  getEncounter,
  listEncounters,
  readNote,
  setFollowUp,
  updateEncounter,
} from './encounters.service.ts';
import { conflictBodySchema, installConflictHandler } from './fieldwork.errors.ts';
import {
  addObservation,
  addTally,
  endSession,
  getSession,
  listSessions,
  startSession,
  updateSession,
} from './sessions.service.ts';

/** Field workers write; admins may read with a reason (checked in the policy), never write. */
const members = access.roles('worker', 'organizer', 'coordinator');
const readers = access.signedIn;
const refused = { 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };

export async function fieldworkRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);

  // ---- outreach sessions ----
  api.get(
    '/sessions',
    {
      config: { access: readers },
      schema: {
        tags: ['sessions'],
        summary: 'Outreach sessions of my teams',
        querystring: sessionListQuerySchema,
        response: { 200: sessionListSchema, 403: errorBodySchema },
      },
    },
    async (request) => listSessions(db, request, request.query),
  );
  api.post(
    '/sessions',
    {
      config: { access: members },
      schema: {
        tags: ['sessions'],
        summary: 'Start (or plan) an outreach session',
        body: createSessionBodySchema,
        response: { 201: sessionSchema, ...refused },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startSession(db, request, request.body.id ?? uuidv7(), request.body)),
  );
  api.get(
    '/sessions/:id',
    {
      config: { access: readers },
      schema: {
        tags: ['sessions'],
        summary: 'One session with its tallies and observations',
        params: idParamsSchema,
        response: { 200: sessionDetailSchema, ...refused },
      },
    },
    async (request) => getSession(db, request, request.params.id),
  );
  api.patch(
    '/sessions/:id',
    {
      config: { access: members },
      schema: {
        tags: ['sessions'],
        summary: 'Change a session (baseVersion)',
        params: idParamsSchema,
        body: updateSessionBodySchema,
        response: { 200: sessionSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => updateSession(db, request, request.params.id, request.body),
  );
  api.post(
    '/sessions/:id/end',
    {
      config: { access: members },
      schema: {
        tags: ['sessions'],
        summary: 'End a session',
        params: idParamsSchema,
        body: endSessionBodySchema,
        response: { 200: sessionSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => endSession(db, request, request.params.id, request.body),
  );
  api.post(
    '/sessions/:id/tallies',
    {
      config: { access: members },
      schema: {
        tags: ['sessions'],
        summary: 'Add to a tally counter (increments add up)',
        params: idParamsSchema,
        body: tallyIncrementBodySchema,
        response: { 200: sessionSchema, ...refused },
      },
    },
    async (request) => addTally(db, request, request.params.id, request.body),
  );
  api.post(
    '/sessions/:id/observations',
    {
      config: { access: members },
      schema: {
        tags: ['sessions'],
        summary: 'Note an observation of the neighbourhood',
        params: idParamsSchema,
        body: createObservationBodySchema,
        response: { 201: observationSchema, ...refused },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addObservation(db, request, request.params.id, request.body.id ?? uuidv7(), request.body)),
  );

  // ---- encounters ----
  api.get(
    '/encounters',
    {
      config: { access: readers },
      schema: {
        tags: ['encounters'],
        summary: 'Encounters of my teams',
        querystring: encounterListQuerySchema,
        response: { 200: encounterListSchema, 403: errorBodySchema },
      },
    },
    async (request) => listEncounters(db, request, request.query),
  );
  api.post(
    '/encounters',
    {
      config: { access: members },
      schema: {
        tags: ['encounters'],
        summary: 'Log an encounter',
        body: createEncounterBodySchema,
        response: { 201: encounterSchema, ...refused, 409: errorBodySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createEncounter(db, request, request.body)),
  );
  api.get(
    '/encounters/:id',
    {
      config: { access: readers },
      schema: {
        tags: ['encounters'],
        summary: 'One encounter (without the note text)',
        params: idParamsSchema,
        response: { 200: encounterSchema, ...refused },
      },
    },
    async (request) => getEncounter(db, request, request.params.id),
  );
  api.patch(
    '/encounters/:id',
    {
      config: { access: members },
      schema: {
        tags: ['encounters'],
        summary: 'Change an encounter (baseVersion)',
        params: idParamsSchema,
        body: updateEncounterBodySchema,
        response: { 200: encounterSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => updateEncounter(db, request, request.params.id, request.body),
  );
  api.post(
    '/encounters/:id/attach',
    {
      config: { access: members },
      schema: {
        tags: ['encounters'],
        summary: 'Link a past anonymous encounter to a person',
        params: idParamsSchema,
        body: attachEncounterBodySchema,
        response: { 200: encounterSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => attachEncounter(db, request, request.params.id, request.body),
  );
  api.post(
    '/encounters/:id/follow-up',
    {
      config: { access: members },
      schema: {
        tags: ['encounters'],
        summary: 'Mark a follow-up done (or not)',
        params: idParamsSchema,
        body: followUpBodySchema,
        response: { 200: encounterSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => setFollowUp(db, request, request.params.id, request.body),
  );
  api.get(
    '/encounters/:id/note',
    {
      config: { access: readers },
      schema: {
        tags: ['encounters'],
        summary: 'The confidential note (team only; every read is logged)',
        params: idParamsSchema,
        response: { 200: encounterNoteSchema, ...refused },
      },
    },
    async (request) => readNote(db, request, request.params.id),
  );
}
