import type { FastifyRequest } from 'fastify';
import type { Database, Tx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { AuditEvent } from '../../http/audit.ts';
import { accessReason } from '../../http/request-context.ts';
import { insertJsonRows } from './bulk-insert.ts';

/**
 * Many audit entries in one statement: a sync batch of 500 encounters writes 500 entries with one
 * round trip (same columns as recordAudit in server/http/audit.ts, same transaction as the write).
 */
export async function recordAudits(db: Database | Tx, request: FastifyRequest | null, events: AuditEvent[]) {
  if (events.length === 0) return;
  const base = {
    actorId: request?.actor?.id ?? null,
    actorRole: request?.actor?.role ?? null,
    ip: request?.ip ?? null,
    userAgent: request?.headers['user-agent']?.slice(0, 300) ?? null,
    reason: request ? accessReason(request) : null,
  };
  await insertJsonRows(
    db,
    auditLog,
    events.map((event) => ({
      ...base,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      teamId: event.teamId ?? null,
      details: event.details ?? null,
      at: new Date(),
    })),
  );
}
