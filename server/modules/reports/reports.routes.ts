import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, okSchema } from '../../../core/contracts/common.ts';
import {
  dashboardQuerySchema,
  deleteReportTemplateQuerySchema,
  reportTemplateListSchema,
  reportTemplateSchema,
  runReportQuerySchema,
  saveReportTemplateBodySchema,
  shownReportSchema,
  updateReportTemplateBodySchema,
} from '../../../core/contracts/reports.ts';
import { access } from '../../http/access.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { runDashboard, runReport } from './reports.service.ts';
import { createTemplate, deleteTemplate, listTemplates, updateTemplate } from './templates.service.ts';

const tags = ['reports'];
const authors = access.roles('coordinator', 'organizer', 'admin');
const refused = { 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };
/** A saved template's id is a UUID; a built-in one's a word (refused as read-only on change). */
const templateParams = z.strictObject({ id: z.string().trim().min(1).max(80) });

/** Report templates and the reports they produce (issue 8; core/contracts/reports.ts). */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);

  api.get(
    '/reports/templates',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'Report templates: built in, then saved', response: { 200: reportTemplateListSchema } },
    },
    async () => listTemplates(db),
  );

  api.post(
    '/reports/templates',
    {
      config: { access: authors },
      schema: {
        tags,
        summary: 'Save a report template (indicators, grouping, period type, threshold of 5 or more)',
        body: saveReportTemplateBodySchema,
        response: { 201: reportTemplateSchema, ...refused },
      },
    },
    async (request, reply) => reply.status(201).send(await createTemplate(db, request, request.body)),
  );

  api.patch(
    '/reports/templates/:id',
    {
      config: { access: authors },
      schema: {
        tags,
        summary: 'Change a saved report template (409 when someone changed it in between)',
        params: templateParams,
        body: updateReportTemplateBodySchema,
        response: { 200: reportTemplateSchema, 409: conflictBodySchema, ...refused },
      },
    },
    async (request) => updateTemplate(db, request, request.params.id, request.body),
  );

  api.delete(
    '/reports/templates/:id',
    {
      config: { access: authors },
      schema: {
        tags,
        summary: 'Delete a saved report template',
        params: templateParams,
        querystring: deleteReportTemplateQuerySchema,
        response: { 200: okSchema, 409: conflictBodySchema, ...refused },
      },
    },
    async (request) => deleteTemplate(db, request, request.params.id, request.query.version),
  );

  api.get(
    '/reports/run',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Run a template over a period: counts only, small cells hidden',
        querystring: runReportQuerySchema,
        response: { 200: shownReportSchema, ...refused },
      },
    },
    async (request) => runReport(db, request, request.query),
  );

  api.get(
    '/reports/dashboard',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The dashboard of a team or neighbourhood over any days (default: the last twelve months)',
        querystring: dashboardQuerySchema,
        response: { 200: shownReportSchema, ...refused },
      },
    },
    async (request) => runDashboard(db, request, request.query),
  );
}
