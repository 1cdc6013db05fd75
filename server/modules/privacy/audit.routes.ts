import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type AuditEntry,
  auditFilterSchema,
  auditListQuerySchema,
  auditListSchema,
  personAccessHistoryQuerySchema,
  personAccessHistorySchema,
} from '../../../core/contracts/audit.ts';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import { access } from '../../http/access.ts';
import { recordAudit } from '../../http/audit.ts';
import { sendDownload } from '../../http/download.ts';
import { actorOf } from '../../http/request-context.ts';
import { personAccessHistory } from './access-history.service.ts';
import { auditBatches, listAudit } from './audit.service.ts';

/**
 * The log is for oversight: admins see all of it, coordinators what concerns their teams. Reading
 * it needs no stated reason (it holds ids and actions, not people's data; nicknames only to those
 * who may read the person), but an export is itself logged. Workers do not see it.
 */
const overseers = access.roles('admin', 'coordinator');

const csvColumns = [
  'at',
  'actorId',
  'actorName',
  'actorRole',
  'action',
  'entityType',
  'entityId',
  'personId',
  'personNickname',
  'teamId',
  'reason',
  'ip',
  'details',
] as const;
const csvRow = (entry: AuditEntry) =>
  csvColumns.map((column) =>
    column === 'details' ? (entry.details ? JSON.stringify(entry.details) : '') : (entry[column] ?? ''),
  );

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  api.get(
    '/audit',
    {
      config: { access: overseers },
      schema: {
        tags: ['privacy'],
        summary: 'The audit log, newest first, filtered (admins: all; coordinators: their teams)',
        querystring: auditListQuerySchema,
        response: { 200: auditListSchema },
      },
    },
    async (request) => listAudit(db, request, request.query),
  );
  api.get(
    '/audit/export.csv',
    {
      config: { access: overseers },
      schema: {
        tags: ['privacy'],
        summary: 'The filtered log as CSV, streamed in batches (no row limit); the export is logged',
        querystring: auditFilterSchema,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await recordAudit(db, request, {
        action: 'audit_export',
        entityType: 'audit_log',
        teamId: request.query.teamId ?? null,
        details: { filters: request.query },
      });
      const rows = Readable.from(
        (async function* () {
          for await (const batch of auditBatches(db, actor, request.query))
            for (const entry of batch) yield csvRow(entry);
        })(),
      );
      const day = new Date().toISOString().slice(0, 10);
      // The BOM lets spreadsheet software read the accents right.
      const csv = rows.pipe(stringify({ header: true, columns: [...csvColumns], bom: true }));
      return sendDownload(reply, 'text/csv; charset=utf-8', `journal-${day}.csv`, csv);
    },
  );
  api.get(
    '/audit/people/:id',
    {
      config: { access: overseers },
      schema: {
        tags: ['privacy'],
        summary: 'A person’s access history: who read or changed their data, when, why; grants on them',
        params: idParamsSchema,
        querystring: personAccessHistoryQuerySchema,
        response: { 200: personAccessHistorySchema, 404: errorBodySchema },
      },
    },
    async (request) => personAccessHistory(db, request, request.params.id, request.query),
  );
}
