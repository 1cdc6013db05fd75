import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../core/contracts/common.ts';
import { hsdsImportQuerySchema, hsdsImportReportSchema, hsdsServicePageSchema } from '../../../core/contracts/hsds.ts';
import { access } from '../../http/access.ts';
import { exportJson } from './hsds.export.ts';
import { importHsds } from './hsds.import.ts';
import { exportCsvPackage } from './hsds.package.ts';
import { readUpload } from './hsds.read.ts';

/** An HSDS file of a whole region fits well within this; the rest of the API keeps its 1 MB. */
const importBodyLimitBytes = 20 * 1024 * 1024;

/** Services and organisations are not personal data: every signed-in role reads the export. */
const readers = access.signedIn;
/** Importing rewrites the shared directory: coordinators and admins. */
const importers = access.roles('coordinator', 'admin');

const stamp = () => new Date().toISOString().slice(0, 10);

/** "Relais Sherbrooke" → "relais-sherbrooke", for file names. */
const slug = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'relais';

export async function hsdsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  const { config } = app.context;

  // The import reads its body as bytes, whatever it is (JSON, zip, CSV): the file is judged by
  // hsds.read.ts, which answers a broken one with a clear 400 rather than the generic JSON error.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: importBodyLimitBytes }, (_request, body, done) =>
    done(null, body),
  );

  // Answered with bytes already serialized: typed by the plain instance.
  app.get(
    '/hsds/export.json',
    {
      config: { access: readers },
      schema: {
        tags: ['hsds'],
        summary: 'The directory as Open Referral HSDS 3.0 JSON',
        description:
          'Every service of an organisation, as nested HSDS 3.0 `service` documents (organization, locations with ' +
          'addresses and accessibility, schedules, languages, phones, contacts, required documents, cost options, ' +
          'service areas, needs as taxonomy attributes), in the HSDS API page shape, all on one page. Key persons ' +
          'and their services are never exported.',
        response: { 200: hsdsServicePageSchema, 401: errorBodySchema },
      },
    },
    async (_request, reply) => {
      const body = await exportJson(db);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${slug(config.deploymentName)}-hsds-${stamp()}.json"`)
        .send(body);
    },
  );

  app.get(
    '/hsds/export.zip',
    {
      config: { access: readers },
      schema: {
        tags: ['hsds'],
        summary: 'The directory as the HSDS 3.0 tabular package (CSV files and datapackage.json, zipped)',
        produces: ['application/zip'],
        response: { 401: errorBodySchema },
      },
    },
    async (_request, reply) => {
      const zip = await exportCsvPackage(db, config.deploymentName);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${slug(config.deploymentName)}-hsds-${stamp()}.zip"`)
        .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
    },
  );

  api.post(
    '/hsds/import',
    {
      config: { access: importers },
      bodyLimit: importBodyLimitBytes,
      schema: {
        tags: ['hsds'],
        summary: 'Import an HSDS 3.0 file (dry run by default)',
        description:
          'The body is the file itself, up to 20 MB: HSDS 3.0 JSON (an array of services, or an API page ' +
          '`{contents: [...]}`) sent as application/json, the tabular CSV package zipped (application/zip), or a ' +
          'lone services.csv (text/csv). With `dryRun=true` (the default) nothing is written and the answer says, ' +
          'per record, what would be created, updated or rejected and why. Records are matched by `source` (the ' +
          'publisher) and their HSDS id. A file that cannot be read, lacks required columns or has nothing ' +
          'importable answers 400 and changes nothing.',
        consumes: ['application/json', 'application/zip', 'text/csv', 'application/octet-stream'],
        querystring: hsdsImportQuerySchema,
        body: z.unknown().describe('The HSDS file (JSON, zip or CSV), as raw bytes.'),
        response: {
          200: hsdsImportReportSchema,
          400: errorBodySchema,
          403: errorBodySchema,
          413: errorBodySchema,
        },
      },
    },
    async (request) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const filename = request.query.filename ?? null;
      const file = readUpload(body, String(request.headers['content-type'] ?? ''), filename ?? undefined);
      const source = request.query.source ?? filename?.replace(/\.(json|zip|csv)$/i, '') ?? 'HSDS';
      return importHsds(db, request, file, {
        dryRun: request.query.dryRun,
        source,
        filename,
        language: config.defaultLanguage,
      });
    },
  );
}
