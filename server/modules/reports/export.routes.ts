import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../core/contracts/common.ts';
import { exportReportQuerySchema } from '../../../core/contracts/reports.ts';
import { access } from '../../http/access.ts';
import { sendDownload } from '../../http/download.ts';
import { actorOf } from '../../http/request-context.ts';
import { renderReport } from './export/index.ts';
import { runReport } from './reports.service.ts';

/**
 * `GET /api/reports/export`: a report as a PDF, XLSX or CSV file. It runs the report exactly as
 * `/reports/run` does (same scope, same suppression) and renders what may leave the server only.
 */
export async function reportExportRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.context.database;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/reports/export',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['reports'],
        summary: 'A report as a file (PDF, XLSX or CSV): counts only, small cells hidden',
        querystring: exportReportQuerySchema,
        produces: ['application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { format, language, ...query } = request.query;
      const shown = await runReport(db, request, query);
      const file = await renderReport(shown, format, language ?? actorOf(request).language);
      return sendDownload(reply, file.contentType, file.fileName, file.body);
    },
  );
}
