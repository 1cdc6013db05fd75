import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema, okSchema } from '../../../core/contracts/common.ts';
import {
  saveTeamLogDayBodySchema,
  teamLogDayParamsSchema,
  teamLogDaySchema,
  teamLogQuerySchema,
  teamLogSchema,
} from '../../../core/contracts/team-log.ts';
import {
  createTimeAgreementBodySchema,
  createTimeEntryBodySchema,
  missionCriteriaSchema,
  saveMissionCriteriaBodySchema,
  teamQuerySchema,
  timeAgreementListSchema,
  timeAgreementSchema,
  timeEntryListQuerySchema,
  timeEntryListSchema,
  timeEntrySchema,
  timeSplitQuerySchema,
  timeSplitSchema,
} from '../../../core/contracts/time.ts';
import { access } from '../../http/access.ts';
import { actorOf } from '../../http/request-context.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { writeTeam } from '../fieldwork/fieldwork.policy.ts';
import { readCriteria, saveCriteria } from './criteria.service.ts';
import { createTimeEntry, deleteTimeEntry, listTimeEntries } from './entries.service.ts';
import { createAgreement, listAgreements, readSplit } from './split.service.ts';
import { readTeamLog, saveTeamLogDay } from './team-log.service.ts';
import { readTeam } from './time.scope.ts';

const tags = ['time'];
const members = access.roles('worker', 'organizer', 'coordinator');
const coordination = access.roles('coordinator');
const refused = { 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };

/** The team's time, its agreed split, the missions' criteria and the daily log (issue 7; core/contracts/time.ts, team-log.ts). */
export async function timeRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);

  api.get(
    '/time-entries',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Time entries: my own, or my team’s for coordination',
        querystring: timeEntryListQuerySchema,
        response: { 200: timeEntryListSchema, ...refused },
      },
    },
    async (request) => listTimeEntries(db, request, request.query),
  );

  api.post(
    '/time-entries',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Log my time on a mission or for the host partner (201 new, 200 already saved)',
        body: createTimeEntryBodySchema,
        response: { 200: timeEntrySchema, 201: timeEntrySchema, 409: errorBodySchema, ...refused },
      },
    },
    async (request, reply) => {
      const { id, ...body } = request.body;
      const { created, entry } = await createTimeEntry(db, request, id, { id, ...body });
      return reply.status(created ? 201 : 200).send(entry);
    },
  );

  api.delete(
    '/time-entries/:id',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Take back a time entry (my own; coordination: any of the team’s)',
        params: idParamsSchema,
        response: { 200: okSchema, 404: errorBodySchema },
      },
    },
    async (request) => deleteTimeEntry(db, request, request.params.id),
  );

  api.get(
    '/time-split',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Each worker’s time by mission in a week or month, against the agreed split',
        querystring: timeSplitQuerySchema,
        response: { 200: timeSplitSchema, ...refused },
      },
    },
    async (request) => readSplit(db, request, request.query),
  );

  api.get(
    '/mission-criteria',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'What makes an action fit each mission ("fait sens quand", seed 004), in the team’s words',
        querystring: teamQuerySchema,
        response: { 200: missionCriteriaSchema, ...refused },
      },
    },
    async (request) => readCriteria(db, readTeam(request, request.query.teamId)),
  );

  api.put(
    '/mission-criteria',
    {
      config: { access: coordination },
      schema: {
        tags,
        summary: 'Reword, retire or add a mission’s criteria for the team',
        body: saveMissionCriteriaBodySchema,
        response: { 200: missionCriteriaSchema, ...refused },
      },
    },
    async (request) => saveCriteria(db, request, writeTeam(actorOf(request), request.body.teamId), request.body),
  );

  api.get(
    '/time-agreements',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The agreed splits of the team and its members, with their history',
        querystring: teamQuerySchema,
        response: { 200: timeAgreementListSchema, ...refused },
      },
    },
    async (request) => listAgreements(db, request, request.query.teamId),
  );

  api.post(
    '/time-agreements',
    {
      config: { access: coordination },
      schema: {
        tags,
        summary: 'Record an agreed split from a date on, for the team or one member',
        body: createTimeAgreementBodySchema,
        response: { 201: timeAgreementSchema, ...refused },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createAgreement(db, request, writeTeam(actorOf(request), request.body.teamId), request.body)),
  );

  api.get(
    '/team-log',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The daily team log of the last days, newest first',
        querystring: teamLogQuerySchema,
        response: { 200: teamLogSchema, ...refused },
      },
    },
    async (request) => readTeamLog(db, request, request.query),
  );

  api.put(
    '/team-log/days/:onDate',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Save the day’s page of the log whole (201 new, 200 changed; 409 stale)',
        params: teamLogDayParamsSchema,
        body: saveTeamLogDayBodySchema,
        response: { 200: teamLogDaySchema, 201: teamLogDaySchema, 409: conflictBodySchema, ...refused },
      },
    },
    async (request, reply) => {
      const { created, day } = await saveTeamLogDay(db, request, request.params.onDate, request.body);
      return reply.status(created ? 201 : 200).send(day);
    },
  );
}
