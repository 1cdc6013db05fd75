import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { type AuditAction, auditListQuerySchema, auditListSchema } from '../../../core/contracts/audit.ts';
import type { Database } from '../../db/client.ts';
import { auditLog, users } from '../../db/schema/index.ts';
import { access } from '../../http/access.ts';

async function listAudit(db: Database, query: z.output<typeof auditListQuerySchema>) {
  const conditions: SQL[] = [];
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.from) conditions.push(gte(auditLog.at, new Date(query.from)));
  if (query.to) conditions.push(lte(auditLog.at, new Date(query.to)));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select({ entry: auditLog, actorName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return {
    total: totals[0]?.total ?? 0,
    items: rows.map(({ entry, actorName }) => ({
      ...entry,
      id: String(entry.id),
      at: entry.at.toISOString(),
      action: entry.action as AuditAction,
      actorName,
    })),
  };
}

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.context.database;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags: ['privacy'],
        summary: 'The audit log, newest first, filtered',
        querystring: auditListQuerySchema,
        response: { 200: auditListSchema },
      },
    },
    async (request) => listAudit(db, request.query),
  );
}
