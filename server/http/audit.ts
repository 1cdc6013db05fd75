import type { FastifyRequest } from 'fastify';
import type { AuditAction } from '../../core/contracts/audit.ts';
import type { Database, Tx } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import { accessReason } from './request-context.ts';

export type AuditEvent = {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  teamId?: string | null;
  details?: Record<string, unknown>;
  /** Overrides the actor, e.g. for a failed sign-in where no one is signed in yet. */
  actorId?: string | null;
  actorRole?: string | null;
};

/**
 * Appends one entry to the audit log. Called inside the same transaction as the write it
 * records, so a write and its trace are saved together or not at all.
 */
export async function recordAudit(db: Database | Tx, request: FastifyRequest | null, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    actorId: event.actorId !== undefined ? event.actorId : (request?.actor?.id ?? null),
    actorRole: event.actorRole !== undefined ? event.actorRole : (request?.actor?.role ?? null),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    teamId: event.teamId ?? null,
    ip: request?.ip ?? null,
    userAgent: request?.headers['user-agent']?.slice(0, 300) ?? null,
    reason: request ? accessReason(request) : null,
    details: event.details ?? null,
  });
}
