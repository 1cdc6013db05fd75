import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  diagnosticFiguresQuerySchema,
  diagnosticFiguresSchema,
  diagnosticListQuerySchema,
  diagnosticListSchema,
  diagnosticPdfQuerySchema,
  diagnosticSchema,
  diagnosticVersionParamsSchema,
  diagnosticVersionSchema,
  saveDiagnosticVersionBodySchema,
} from '../../../core/contracts/diagnostic.ts';
import { access } from '../../http/access.ts';
import { sendDownload } from '../../http/download.ts';
import { actorOf } from '../../http/request-context.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { NetworkPool } from '../network/network.pool.ts';
import { liveFigures } from './diagnostic.figures.ts';
import { renderDiagnosticPdf } from './diagnostic.pdf.ts';
import {
  getDiagnostic,
  getVersion,
  listDiagnostics,
  readableNeighbourhood,
  saveVersion,
  versionForPrint,
} from './diagnostic.service.ts';

const tags = ['diagnostic'];
const members = access.roles('worker', 'organizer', 'coordinator');
const refused = { 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };
const dayMs = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

export async function diagnosticRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);
  // One thread is plenty for one neighbourhood's network; started on the first figures asked for.
  const pool = new NetworkPool(1);
  app.addHook('onClose', () => pool.close());

  api.get(
    '/diagnostics',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The neighbourhoods of my teams and where each diagnostic stands',
        querystring: diagnosticListQuerySchema,
        response: { 200: diagnosticListSchema, 403: errorBodySchema },
      },
    },
    async (request) => listDiagnostics(db, request, request.query.teamId),
  );
  api.get(
    '/diagnostics/neighbourhoods/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'A neighbourhood’s diagnostic: its latest version and the list of versions',
        params: idParamsSchema,
        response: { 200: diagnosticSchema, ...refused },
      },
    },
    async (request) => getDiagnostic(db, request, request.params.id),
  );
  api.get(
    '/diagnostics/neighbourhoods/:id/figures',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Live figures: indicators, outreach coverage, open need signals, network (default: the last year)',
        params: idParamsSchema,
        querystring: diagnosticFiguresQuerySchema,
        response: { 200: diagnosticFiguresSchema, ...refused },
      },
    },
    async (request) => {
      const hood = await readableNeighbourhood(db, request, request.params.id);
      const to = request.query.to ?? isoDay(new Date());
      const from = request.query.from ?? isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - 364 * dayMs));
      return liveFigures(db, pool, request, hood, from, to);
    },
  );
  api.post(
    '/diagnostics/neighbourhoods/:id/versions',
    {
      config: { access: members },
      schema: {
        tags,
        summary: 'Save the diagnostic as a new version on top of baseVersion (publish: coordinators, figures frozen)',
        params: idParamsSchema,
        body: saveDiagnosticVersionBodySchema,
        response: { 201: diagnosticSchema, ...refused, 409: conflictBodySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await saveVersion(db, pool, request, request.params.id, request.body)),
  );
  api.get(
    '/diagnostics/:id/versions/:number',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'One earlier version, as it was saved',
        params: diagnosticVersionParamsSchema,
        response: { 200: diagnosticVersionSchema, ...refused },
      },
    },
    async (request) => getVersion(db, request, request.params.id, request.params.number),
  );
  api.get(
    '/diagnostics/:id/pdf',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The diagnostic as a PDF (a version, default the latest; French or English headings)',
        params: idParamsSchema,
        querystring: diagnosticPdfQuerySchema,
        produces: ['application/pdf'],
        response: refused,
      },
    },
    async (request, reply) => {
      const printed = await versionForPrint(db, pool, request, request.params.id, request.query.version);
      const language = request.query.lang ?? actorOf(request).language;
      const pdf = await renderDiagnosticPdf(printed, language);
      const name = `diagnostic-${printed.neighbourhoodName}-v${printed.version.number}`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^\w.-]+/g, '-')
        .toLowerCase();
      return sendDownload(reply, 'application/pdf', `${name}.pdf`, pdf);
    },
  );
}
