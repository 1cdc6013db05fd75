import type { FastifyRequest } from 'fastify';
import type { AuditAction } from '../../core/contracts/audit.ts';
import type { Database, Tx } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import { grantInUse } from './grant-in-use.ts';
import { accessReason } from './request-context.ts';

export type AuditEvent = {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  teamId?: string | null;
  details?: Record<string, unknown>;
  /** The reason stated in the request's body (break the glass) rather than in `x-access-reason`. */
  reason?: string | null;
  /** Overrides the actor, e.g. for a failed sign-in where no one is signed in yet. */
  actorId?: string | null;
  actorRole?: string | null;
};

/**
 * Appends one entry to the audit log. Called inside the same transaction as the write it
 * records, so a write and its trace are saved together or not at all.
 */
export async function recordAudit(db: Database | Tx, request: FastifyRequest | null, event: AuditEvent): Promise<void> {
  // A read allowed only by a break-the-glass grant says so, with the grant and its reason.
  const grant = event.action === 'read' ? grantInUse(request) : null;
  await db.insert(auditLog).values({
    actorId: event.actorId !== undefined ? event.actorId : (request?.actor?.id ?? null),
    actorRole: event.actorRole !== undefined ? event.actorRole : (request?.actor?.role ?? null),
    action: grant ? 'break_glass_read' : event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    teamId: event.teamId ?? null,
    ip: request?.ip ?? null,
    userAgent: request?.headers['user-agent']?.slice(0, 300) ?? null,
    reason: event.reason ?? (request ? accessReason(request) : null) ?? grant?.reason ?? null,
    details: grant ? { ...event.details, grantId: grant.id } : (event.details ?? null),
  });
}
