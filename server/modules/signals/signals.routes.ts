import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  advocacySummaryQuerySchema,
  changeNeedSignalBodySchema,
  detectionResultSchema,
  detectNeedSignalsBodySchema,
  needSignalListQuerySchema,
  needSignalListSchema,
  needSignalSchema,
  needSignalSettingsQuerySchema,
  needSignalSettingsSchema,
  setSignalAdvocacyBodySchema,
  updateNeedSignalSettingsBodySchema,
} from '../../../core/contracts/signals.ts';
import { access } from '../../http/access.ts';
import { sendDownload } from '../../http/download.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { setSignalAdvocacy } from './signals.advocacy.ts';
import { advocacySummary } from './signals.advocacy-summary.ts';
import { scheduleSignalDetection } from './signals.detect.ts';
import { changeSignal, detectNow, listSignals, settingsTeam } from './signals.service.ts';
import { readSignalSettings, saveSignalSettings } from './signals.settings.ts';

const tags = ['need signals'];
const members = access.roles('worker', 'organizer', 'coordinator');
const refused = { 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };

export async function signalRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);
  scheduleSignalDetection(app, db);

  api.get(
    '/need-signals',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Needs that recur in my teams’ neighbourhoods (open by default); counts under 5 as "<5"',
        querystring: needSignalListQuerySchema,
        response: { 200: needSignalListSchema, 403: errorBodySchema },
      },
    },
    async (request) => listSignals(db, request, request.query),
  );
  api.post(
    '/need-signals/detect',
    {
      config: { access: access.roles('coordinator') },
      schema: {
        tags,
        summary: 'Look for recurring needs now (also done every hour)',
        body: detectNeedSignalsBodySchema,
        response: { 200: detectionResultSchema, ...refused },
      },
    },
    async (request) => detectNow(db, request, request.body.teamId),
  );
  api.patch(
    '/need-signals/:id',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Acknowledge, take up in collective action or dismiss a signal, with a note (baseVersion)',
        params: idParamsSchema,
        body: changeNeedSignalBodySchema,
        response: { 200: needSignalSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => changeSignal(db, request, request.params.id, request.body),
  );
  api.get(
    '/need-signal-settings',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The thresholds a team’s signals rest on',
        querystring: needSignalSettingsQuerySchema,
        response: { 200: needSignalSettingsSchema, ...refused },
      },
    },
    async (request) => readSignalSettings(db, await settingsTeam(db, request, request.query.teamId)),
  );
  api.patch(
    '/need-signal-settings',
    {
      config: { access: access.roles('coordinator') },
      schema: {
        tags,
        summary: 'Set the thresholds: window, encounters, people, rise against the window before',
        body: updateNeedSignalSettingsBodySchema,
        response: { 200: needSignalSettingsSchema, ...refused },
      },
    },
    async (request) =>
      saveSignalSettings(db, request, await settingsTeam(db, request, request.body.teamId), request.body),
  );
  api.patch(
    '/need-signals/:id/advocacy',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Pass a signal to advocacy (themes) with the structural problem behind it, without names',
        params: idParamsSchema,
        body: setSignalAdvocacyBodySchema,
        response: { 200: needSignalSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => setSignalAdvocacy(db, request, request.params.id, request.body),
  );
  api.get(
    '/need-signals/advocacy-summary',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The anonymous summary for partners of the signals passed to advocacy (CSV or PDF)',
        querystring: advocacySummaryQuerySchema,
        produces: ['text/csv', 'application/pdf'],
        response: { 403: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => {
      const file = await advocacySummary(db, request, request.query);
      return sendDownload(reply, file.contentType, file.fileName, file.body);
    },
  );
}
