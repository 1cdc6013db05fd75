import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  accessRequestQuerySchema,
  consentRegisterSchema,
  createPrivacyIncidentBodySchema,
  erasureBodySchema,
  erasureResultSchema,
  privacyIncidentListSchema,
  privacyIncidentSchema,
  registerQuerySchema,
  updatePrivacyIncidentBodySchema,
} from '../../../core/contracts/rights.ts';
import type { Database } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { sendDownload } from '../../http/download.ts';
import { consentRegister, consentRegisterCsv } from './consents.service.ts';
import { createIncident, incidentsCsv, listIncidents, updateIncident } from './incidents.service.ts';
import { csvFileName } from './rights.csv.ts';
import { erasePerson } from './rights.erase.ts';
import { accessRequest } from './rights.export.ts';
import { accessRequestHtml } from './rights.html.ts';

const tags = ['privacy'];
const refused = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };
const coordination = access.roles('coordinator', 'admin');
type RegisterQuery = z.infer<typeof registerQuerySchema>;

export async function rightsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  /** A register as a CSV download, for the coordinators who may read it (same filters as its list). */
  const registerCsvRoute = (
    path: string,
    summary: string,
    fileStem: string,
    produce: (db: Database, request: FastifyRequest, query: RegisterQuery) => Promise<string>,
  ) =>
    api.get(
      path,
      {
        config: { access: coordination },
        schema: { tags, summary, querystring: registerQuerySchema, produces: ['text/csv'], response: refused },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          'text/csv; charset=utf-8',
          csvFileName(fileStem),
          await produce(db, request, request.query),
        ),
    );

  api.get(
    '/people/:id/access-request',
    {
      config: { access: coordination },
      schema: {
        tags,
        summary: 'Access request: everything held about one person, as JSON or a readable HTML page (audited)',
        params: idParamsSchema,
        querystring: accessRequestQuerySchema,
        produces: ['application/json', 'text/html'],
        response: refused,
      },
    },
    async (request, reply) => {
      const document = await accessRequest(db, request, request.params.id);
      const name = `acces-${document.person.id}-${document.generatedAt.slice(0, 10)}`;
      return request.query.format === 'html'
        ? sendDownload(reply, 'text/html; charset=utf-8', `${name}.html`, accessRequestHtml(document))
        : sendDownload(reply, 'application/json; charset=utf-8', `${name}.json`, JSON.stringify(document, null, 2));
    },
  );
  api.post(
    '/people/:id/erasure',
    {
      config: { access: access.roles('coordinator') },
      schema: {
        tags,
        summary: 'Erase a person on request: only anonymous counts remain (the nickname typed to confirm)',
        params: idParamsSchema,
        body: erasureBodySchema,
        response: { 200: erasureResultSchema, ...refused },
      },
    },
    async (request) => erasePerson(db, request, request.params.id, request.body),
  );
  api.get(
    '/consent-register',
    {
      config: { access: coordination },
      schema: {
        tags,
        summary: 'Consents given and withdrawn, by team and period (reading it is audited)',
        querystring: registerQuerySchema,
        response: { 200: consentRegisterSchema, ...refused },
      },
    },
    async (request) => ({ items: await consentRegister(db, request, request.query) }),
  );
  registerCsvRoute(
    '/consent-register.csv',
    'The consent register as CSV',
    'registre-consentements',
    consentRegisterCsv,
  );
  api.get(
    '/privacy-incidents',
    {
      config: { access: coordination },
      schema: {
        tags,
        summary: 'Privacy incidents of my teams and of the organisation',
        querystring: registerQuerySchema,
        response: { 200: privacyIncidentListSchema, ...refused },
      },
    },
    async (request) => ({ items: await listIncidents(db, request, request.query) }),
  );
  registerCsvRoute('/privacy-incidents.csv', 'The incident register as CSV', 'registre-incidents', incidentsCsv);
  api.post(
    '/privacy-incidents',
    {
      config: { access: coordination },
      schema: {
        tags,
        summary: 'Record a privacy incident (a team’s, or the organisation’s for an admin)',
        body: createPrivacyIncidentBodySchema,
        response: { 201: privacyIncidentSchema, ...refused },
      },
    },
    async (request, reply) => reply.status(201).send(await createIncident(db, request, request.body)),
  );
  api.patch(
    '/privacy-incidents/:id',
    {
      config: { access: coordination },
      schema: {
        tags,
        summary: 'Complete an incident: measures, notification, closing',
        params: idParamsSchema,
        body: updatePrivacyIncidentBodySchema,
        response: { 200: privacyIncidentSchema, 409: errorBodySchema, ...refused },
      },
    },
    async (request) => updateIncident(db, request, request.params.id, request.body),
  );
}
