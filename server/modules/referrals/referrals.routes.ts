import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import { referralStatsQuerySchema, referralStatsSchema } from '../../../core/contracts/referral-stats.ts';
import {
  addBridgingContactBodySchema,
  addReferralNoteBodySchema,
  bridgingListQuerySchema,
  bridgingListSchema,
  bridgingSupportSchema,
  changeReferralStatusBodySchema,
  createBridgingSupportBodySchema,
  createReferralBodySchema,
  recordCheckBackBodySchema,
  referralListQuerySchema,
  referralListSchema,
  referralSchema,
  referralSettingsSchema,
  referralSlipSchema,
  updateBridgingSupportBodySchema,
  updateReferralBodySchema,
  updateReferralSettingsBodySchema,
} from '../../../core/contracts/referrals.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import { access } from '../../http/access.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import {
  addBridgingContact,
  createBridgingSupport,
  getBridgingSupport,
  listBridgingSupports,
  updateBridgingSupport,
} from './bridging.service.ts';
import { addReferralNote, changeReferralStatus, recordCheckBack, updateReferral } from './referrals.changes.ts';
import { expireStaleReferrals, scheduleReferralExpiry } from './referrals.expiry.ts';
import { createReferral, getReferral, listReferrals } from './referrals.service.ts';
import { readReferralSettings, saveReferralSettings } from './referrals.settings.ts';
import { referralSlip } from './referrals.slip.ts';
import { referralStats } from './referrals.stats.ts';

const tags = ['referrals'];
const members = access.roles('worker', 'organizer', 'coordinator');
const refused = { 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };

export async function referralRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);
  scheduleReferralExpiry(app, db);

  api.get(
    '/referrals',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Referrals of my teams (filters: person, service, status, check-back due, slip number…)',
        querystring: referralListQuerySchema,
        response: { 200: referralListSchema, 403: errorBodySchema },
      },
    },
    async (request) => listReferrals(db, request, request.query),
  );
  api.post(
    '/referrals',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Refer a person or an anonymous contact to a service (a slip number is made)',
        body: createReferralBodySchema,
        response: { 201: referralSchema, ...refused },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createReferral(db, request, request.body.id ?? uuidv7(), request.body)),
  );
  api.get(
    '/referrals/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'One referral with every change (read logged when about a person)',
        params: idParamsSchema,
        response: { 200: referralSchema, ...refused },
      },
    },
    async (request) => getReferral(db, request, request.params.id),
  );
  api.patch(
    '/referrals/:id',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Change the needs or what the person agreed to share (baseVersion)',
        params: idParamsSchema,
        body: updateReferralBodySchema,
        response: { 200: referralSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => updateReferral(db, request, request.params.id, request.body),
  );
  api.post(
    '/referrals/:id/status',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Move the referral (accepted, refused, connected, failed…), dated; the partner’s answer too',
        params: idParamsSchema,
        body: changeReferralStatusBodySchema,
        response: { 200: referralSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => changeReferralStatus(db, request, request.params.id, request.body),
  );
  api.post(
    '/referrals/:id/check-backs',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Record a check-back (“I called, no news yet”): it clears the one due',
        params: idParamsSchema,
        body: recordCheckBackBodySchema,
        response: { 200: referralSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => recordCheckBack(db, request, request.params.id, request.body),
  );
  api.post(
    '/referrals/:id/notes',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Add a note to a referral (the partner’s words, a detail)',
        params: idParamsSchema,
        body: addReferralNoteBodySchema,
        response: { 200: referralSchema, ...refused },
      },
    },
    async (request) => addReferralNote(db, request, request.params.id, request.body),
  );
  api.get(
    '/referrals/:id/slip',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'The printable referral slip (names only when shared and consented; read logged)',
        params: idParamsSchema,
        response: { 200: referralSlipSchema, ...refused },
      },
    },
    async (request) => referralSlip(db, request, request.params.id),
  );
  api.get(
    '/referral-stats',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'What the team learns: per service and need, counts under 5 shown as "<5"',
        querystring: referralStatsQuerySchema,
        response: { 200: referralStatsSchema, ...refused },
      },
    },
    async (request) => referralStats(db, request, request.query),
  );
  api.get(
    '/referral-settings',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Check-back days and days before an open referral expires',
        response: { 200: referralSettingsSchema },
      },
    },
    async () => readReferralSettings(db),
  );
  api.patch(
    '/referral-settings',
    {
      config: { access: access.roles('coordinator', 'admin') },
      schema: {
        tags,
        summary: 'Change the check-back days or the expiry delay (applied at once to open referrals)',
        body: updateReferralSettingsBodySchema,
        response: { 200: referralSettingsSchema, 403: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request) => {
      const saved = await saveReferralSettings(db, request, request.body);
      // The rule applies now, not at the next hourly sweep.
      await expireStaleReferrals(db);
      return saved;
    },
  );

  api.get(
    '/bridging-supports',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Bridging supports (suivi-pont) of my teams, of a person or a referral',
        querystring: bridgingListQuerySchema,
        response: { 200: bridgingListSchema, 403: errorBodySchema },
      },
    },
    async (request) => listBridgingSupports(db, request, request.query),
  );
  api.post(
    '/bridging-supports',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Start a bridging support while the person waits for the service',
        body: createBridgingSupportBodySchema,
        response: { 201: bridgingSupportSchema, ...refused },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createBridgingSupport(db, request, request.body.id ?? uuidv7(), request.body)),
  );
  api.get(
    '/bridging-supports/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'One bridging support with its contacts (read logged)',
        params: idParamsSchema,
        response: { 200: bridgingSupportSchema, ...refused },
      },
    },
    async (request) => getBridgingSupport(db, request, request.params.id),
  );
  api.patch(
    '/bridging-supports/:id',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Change or end a bridging support (baseVersion)',
        params: idParamsSchema,
        body: updateBridgingSupportBodySchema,
        response: { 200: bridgingSupportSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request) => updateBridgingSupport(db, request, request.params.id, request.body),
  );
  api.post(
    '/bridging-supports/:id/contacts',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Record a contact of a bridging support (call, meeting, accompaniment, message)',
        params: idParamsSchema,
        body: addBridgingContactBodySchema,
        response: { 201: bridgingSupportSchema, ...refused },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addBridgingContact(db, request, request.params.id, request.body.id ?? uuidv7(), request.body)),
  );
}
